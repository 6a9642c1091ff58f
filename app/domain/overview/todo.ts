/**
 * "Việc cần làm" (issue 19, first step): what each person has to do next, in words, each with the page that does
 * it. Commune staff: reports waiting for approval (with how long), units that have not submitted (days left or
 * overdue), reports returned and not sent again. A unit's preparers: their report of the half-year in course and a
 * returned report's comment; a school's administrators also activities held without attendance and clubs with no
 * meeting this month. A teacher: the sessions of today and the coming week they take the roll for. The system
 * administrator: accounts that cannot sign in yet (set-up link expired or not used) or are locked out by wrong
 * passwords, and units without this year's headcounts. The commune's leader and a province reader: each commune's
 * reports against the deadline and its indicators against the year's targets.
 */
import type { DB } from "../../../db/connection";
import { daysUntilDeadline, REPORTING_KINDS, reportDeadline } from "../calendar/deadlines";
import { parsePeriod, periodInSentence } from "../shared/periods";
import { vietnamInstant, vietnamToday, vietnamYear } from "../shared/time";
import { halvesSoFar } from "./dashboard";
import { attendanceActivities } from "../attendance/attendance";
import type { Actor } from "../auth/permissions";
import { formatDate, formatDateTime } from "../shared/format";
import { lockedAccounts } from "../auth/throttle";
import { HEADCOUNT_CATEGORY_LABELS, headcountCategoriesFor } from "../units/vocabulary";
import type { HeadcountCategory } from "../../../db/schema";
import { computeIndicators } from "../indicators/engine";
import { undeliveredMail } from "../notifications/delivery";
import { reportLink } from "../notifications/report-news";
import type { IndicatorStatus } from "../indicators/status";

export interface TodoItem {
  text: string;
  to: string;
  /**
   * overdue: past its date; now: someone cannot work until it is done (an account that cannot sign in); soon: due
   * within 10 days; later: to do, not pressing; watch: nothing for the reader to do, a standing to follow (the
   * leader's and a province reader's).
   */
  urgency: "overdue" | "now" | "soon" | "later" | "watch";
}

const DAY_MS = 86_400_000;
const daysSince = (iso: string, now: Date) =>
  Math.max(
    0,
    Math.round(
      (Date.parse(`${vietnamToday(now)}T00:00:00Z`) - Date.parse(`${vietnamToday(new Date(iso))}T00:00:00Z`)) / DAY_MS,
    ),
  );

/** The half-year whose deadline comes next (today's included): the one people work towards. */
export function nextDeadlineHalf(now: Date = new Date()): string {
  const halves = halvesSoFar(now);
  const current = halves[halves.length - 1];
  return daysUntilDeadline(current, now) >= 0 ? current : `${Number(current.slice(0, 4)) + 1}-H1`;
}

/** The commune staff's list: every reporting unit of the commune, every half-year so far. */
export async function communeTodo(db: DB, communeId: number, now: Date = new Date()): Promise<TodoItem[]> {
  const units = await db
    .selectFrom("units")
    .select(["id", "name"])
    .where("parent_id", "=", communeId)
    .where("kind", "in", REPORTING_KINDS)
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
  const ids = units.length ? units.map((u) => u.id) : [-1];
  const name = new Map(units.map((u) => [u.id, u.name]));
  const halves = halvesSoFar(now);
  const reports = await db
    .selectFrom("reports")
    .select(["unit_id", "period_key", "status", "submitted_at", "updated_at"])
    .where("unit_id", "in", ids)
    .where("period_key", "in", halves)
    .execute();
  const items: TodoItem[] = [];
  for (const r of reports
    .filter((x) => x.status === "submitted")
    .sort((a, b) => (a.submitted_at ?? "").localeCompare(b.submitted_at ?? "")))
    items.push({
      text: `Duyệt báo cáo ${periodInSentence(r.period_key)} của ${name.get(r.unit_id)}: đã chờ ${daysSince(r.submitted_at ?? r.updated_at, now)} ngày`,
      to: reportLink(r.period_key, r.unit_id),
      urgency: daysSince(r.submitted_at ?? r.updated_at, now) > 10 ? "overdue" : "soon",
    });
  for (const half of halves) {
    const left = daysUntilDeadline(half, now);
    if (left > 45) continue; // a half-year far from its deadline asks nothing yet
    const missing = units.filter((u) => {
      const r = reports.find((x) => x.unit_id === u.id && x.period_key === half);
      return !r || r.status === "draft";
    });
    if (missing.length)
      items.push({
        text: `${missing.length} đơn vị chưa nộp báo cáo ${periodInSentence(half)} (${left >= 0 ? `còn ${left} ngày, hạn ${formatDate(reportDeadline(half))}` : `quá hạn ${-left} ngày`}): ${missing.map((u) => u.name).join(", ")}`,
        to: `/reports?period=${half}`,
        urgency: left < 0 ? "overdue" : left <= 10 ? "soon" : "later",
      });
  }
  for (const r of reports.filter((x) => x.status === "returned"))
    items.push({
      text: `Báo cáo ${periodInSentence(r.period_key)} của ${name.get(r.unit_id)} đã trả lại ${daysSince(r.updated_at, now)} ngày, chưa gửi lại`,
      to: reportLink(r.period_key, r.unit_id),
      urgency: "later",
    });
  return items;
}

/** A unit's own list (a school's administrators, an office's staff). */
export async function unitTodo(
  db: DB,
  unit: { id: number; kind: string },
  now: Date = new Date(),
): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const half = nextDeadlineHalf(now);
  const left = daysUntilDeadline(half, now);
  const reports = await db
    .selectFrom("reports")
    .select(["period_key", "status", "comment"])
    .where("unit_id", "=", unit.id)
    .where("period_key", "in", halvesSoFar(now))
    .execute();
  const current = reports.find((r) => r.period_key === half);
  if (left <= 45 && (!current || current.status === "draft"))
    items.push({
      text: `Nộp báo cáo ${periodInSentence(half)}: còn ${left} ngày (hạn ${formatDate(reportDeadline(half))})`,
      to: reportLink(half, unit.id),
      urgency: left <= 10 ? "soon" : "later",
    });
  for (const r of reports.filter((x) => x.status === "returned"))
    items.push({
      text: `Báo cáo ${periodInSentence(r.period_key)} bị trả lại: ${r.comment ?? ""}`.trim(),
      to: reportLink(r.period_key, unit.id),
      urgency: "soon",
    });
  if (unit.kind !== "school") return items;
  // Activities of the last 30 days that were held, take a roll (not posts, banners or boards), and have none.
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const unmarked = await db
    .selectFrom("activities")
    .select(["id", "title", "starts_at"])
    .where("organizer_unit_id", "=", unit.id)
    .where("status", "!=", "cancelled")
    .where("ends_at", "<", now.toISOString())
    .where("starts_at", ">=", since)
    .where("form", "not in", ["banner", "website", "social_media", "e_board", "grassroots_info"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("attendance").select("attendance.id").whereRef("attendance.activity_id", "=", "activities.id"),
        ),
      ),
    )
    .orderBy("starts_at")
    .limit(20)
    .execute();
  for (const a of unmarked)
    items.push({
      text: `Điểm danh: “${a.title}” chưa có ai được điểm danh`,
      to: `/attendance/${a.id}`,
      urgency: "later",
    });
  // Clubs running with no meeting since the first of this month.
  const monthStart = vietnamInstant(`${vietnamToday(now).slice(0, 7)}-01`);
  const idle = await db
    .selectFrom("clubs")
    .select(["id", "name"])
    .where("school_id", "=", unit.id)
    .where("status", "=", "active")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("activities")
            .select("activities.id")
            .whereRef("activities.club_id", "=", "clubs.id")
            .where("activities.status", "!=", "cancelled")
            .where("activities.starts_at", ">=", monthStart),
        ),
      ),
    )
    .orderBy("name")
    .execute();
  for (const c of idle)
    items.push({ text: `Câu lạc bộ “${c.name}” chưa sinh hoạt tháng này`, to: `/clubs/${c.id}`, urgency: "later" });
  return items;
}

/** A teacher's (or anyone's who takes attendance) sessions today and in the coming week, one tap to the roll call. */
export async function rollCallTodo(db: DB, actor: Actor, now: Date = new Date()): Promise<TodoItem[]> {
  const today = vietnamToday(now);
  const from = vietnamInstant(today);
  const to = new Date(Date.parse(from) + 7 * DAY_MS).toISOString();
  const { rows } = await attendanceActivities(db, actor, { page: 1, pageSize: 20, from, to });
  return rows
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    .map((a) => {
      const day = vietnamToday(new Date(a.starts_at));
      return {
        text: `Điểm danh ${day === today ? "hôm nay" : formatDate(day)}: ${a.title} (${formatDateTime(a.starts_at).slice(0, 5)})`,
        to: `/attendance/${a.id}`,
        urgency: day === today ? ("soon" as const) : ("later" as const),
      };
    });
}

/** At most this many items of one kind; beyond, one item says how many more and leads to the whole list. */
const MAX_PER_KIND = 10;

function capped(items: TodoItem[], more: (n: number) => string, to: string): TodoItem[] {
  if (items.length <= MAX_PER_KIND) return items;
  const n = items.length - MAX_PER_KIND + 1;
  return [...items.slice(0, MAX_PER_KIND - 1), { text: more(n), to, urgency: items[0].urgency }];
}

/**
 * What a unit must have entered to be counted: a school every headcount it keeps (the coverage indicators divide
 * by them); an office its officials (its communication staff may be none, and then nothing is entered).
 */
const REQUIRED_HEADCOUNTS = {
  school: headcountCategoriesFor("school"),
  office: ["officials"] as HeadcountCategory[],
};

/**
 * The system administrator's list, within their reach (null: every unit). Accounts that have never set a password
 * and whose latest one-time link expired unused, is still unused, or was never issued; accounts whose sign-in is
 * locked by wrong passwords now; schools and offices without this year's headcounts (the indicators' denominators).
 * Each one tap from the account page or the unit page where it is put right.
 */
export async function adminTodo(db: DB, reach: number[] | null, now: Date = new Date()): Promise<TodoItem[]> {
  const inReach = reach ? (reach.length ? reach : [-1]) : null;
  const accounts = db
    .selectFrom("users")
    .select(["users.id", "users.email", "users.full_name"])
    .where("users.is_active", "=", 1)
    .$if(inReach !== null, (q) =>
      q.where("users.id", "in", db.selectFrom("memberships").select("user_id").where("unit_id", "in", inReach!)),
    );
  const who = (u: { full_name: string; email: string }) => `${u.full_name} (${u.email})`;

  // Never set up: the latest link decides (an earlier unused one was spent when a new one was issued).
  const pending = await accounts.where("users.password_hash", "is", null).orderBy("users.created_at").execute();
  const pendingIds = pending.map((u) => u.id);
  const links = await db
    .selectFrom("account_tokens")
    .select(["user_id", "created_at", "expires_at", "used_at"])
    .where("user_id", "in", pendingIds.length ? pendingIds : [-1])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const expired: TodoItem[] = [];
  const unused: TodoItem[] = [];
  for (const u of pending) {
    const link = links.find((l) => l.user_id === u.id);
    const to = `/admin/accounts/${u.id}`;
    if (!link || link.used_at)
      expired.push({
        text: `${who(u)} chưa kích hoạt và chưa có liên kết đặt mật khẩu: cấp liên kết`,
        to,
        urgency: "now",
      });
    else if (Date.parse(link.expires_at) <= now.getTime())
      expired.push({
        text: `Liên kết kích hoạt của ${who(u)} đã hết hạn ngày ${formatDate(link.expires_at)} mà chưa dùng: cấp liên kết mới`,
        to,
        urgency: "now",
      });
    else
      unused.push({
        text: `${who(u)} chưa dùng liên kết kích hoạt (cấp ngày ${formatDate(link.created_at)}, hết hạn ${formatDateTime(link.expires_at)})`,
        to,
        urgency: "later",
      });
  }

  // Locked out by wrong passwords, now (the lock ends by itself; the account page can lift it sooner).
  const locks = await lockedAccounts(db, now);
  const lockedUsers = locks.size
    ? await accounts
        .where("users.email", "in", [...locks.keys()])
        .orderBy("users.email")
        .execute()
    : [];
  const locked = lockedUsers.map((u) => ({
    text: `${who(u)} đang bị tạm khóa đăng nhập đến ${formatDateTime(locks.get(u.email)!)} do nhập sai mật khẩu nhiều lần`,
    to: `/admin/accounts/${u.id}`,
    urgency: "now" as const,
  }));

  // Schools and offices without this year's headcounts.
  const year = vietnamYear(now);
  const units = await db
    .selectFrom("units")
    .select(["id", "name", "kind"])
    .where("kind", "in", REPORTING_KINDS)
    .where("archived_at", "is", null)
    .$if(inReach !== null, (q) => q.where("id", "in", inReach!))
    .orderBy("kind", "desc") // schools, then offices
    .orderBy("name")
    .execute();
  const unitIds = units.map((u) => u.id);
  const entered = await db
    .selectFrom("headcounts")
    .select(["unit_id", "category"])
    .distinct()
    .where("year", "=", year)
    .where("unit_id", "in", unitIds.length ? unitIds : [-1])
    .execute();
  const headcounts: TodoItem[] = [];
  for (const u of units) {
    const required = REQUIRED_HEADCOUNTS[u.kind as keyof typeof REQUIRED_HEADCOUNTS];
    const missing = required.filter((c) => !entered.some((e) => e.unit_id === u.id && e.category === c));
    if (!missing.length) continue;
    headcounts.push({
      text:
        missing.length === required.length
          ? `${u.name} chưa có số liệu nền năm ${year} (mẫu số của các chỉ tiêu)`
          : `${u.name} chưa nhập số liệu nền năm ${year}: ${missing.map((c) => HEADCOUNT_CATEGORY_LABELS[c].toLowerCase()).join(", ")}`,
      to: `/units/${u.id}?year=${year}`,
      urgency: "later",
    });
  }

  // E-mails that did not go out (issue 19): the system administrator runs the server and its mail settings.
  const mail = (await undeliveredMail(db, 100)).filter((m) => m.status === "failed" || m.status === "pending");
  const mailItems: TodoItem[] = mail.length
    ? [
        {
          text: `${mail.length} thư điện tử chưa gửi được${mail[0].last_error ? ` (lỗi gần nhất: ${mail[0].last_error.slice(0, 120)})` : ""}`,
          to: "/admin/mail",
          urgency: mail.some((m) => m.status === "failed") ? "now" : "later",
        },
      ]
    : [];

  const more = (n: number) => `… và ${n} tài khoản khác`;
  return [
    ...(reach === null ? mailItems : []),
    ...capped(locked, more, "/admin"),
    ...capped(expired, more, "/admin"),
    ...capped(unused, more, "/admin"),
    ...capped(headcounts, (n) => `… và ${n} đơn vị khác chưa có số liệu nền năm ${year}`, "/admin/units"),
  ];
}

/** How many of a commune's indicators stand where against their targets. */
export type StatusCounts = Record<IndicatorStatus, number>;

/** The commune's indicators of a year against the year's targets, as /indicators shows them (the same engine). */
export async function yearStatusCounts(db: DB, communeId: number, year: number, now?: Date): Promise<StatusCounts> {
  const counts: StatusCounts = { met: 0, behind: 0, no_data: 0, no_target: 0 };
  for (const f of await computeIndicators(db, { kind: "commune", communeId }, parsePeriod(String(year))!, now))
    counts[f.status]++;
  return counts;
}

/**
 * The commune leader's and a province reader's list: for each commune they read, where the half-year in course
 * stands against its deadline (its reporting units' reports submitted and approved, days left or overdue) and the
 * year's indicators against their targets (met, behind, no data), one tap to /reports and /indicators. `counts`
 * gives the indicators' standing (by default the engine, computed here; the home page passes the public page's
 * cached copy of the same computation). With several communes, each item names its commune.
 */
export async function standingTodo(
  db: DB,
  communes: { id: number; name: string }[],
  now: Date = new Date(),
  counts: (commune: { id: number; name: string }, year: number) => Promise<StatusCounts> = (c, year) =>
    yearStatusCounts(db, c.id, year, now),
): Promise<TodoItem[]> {
  if (!communes.length) return [];
  const halves = halvesSoFar(now);
  const half = halves[halves.length - 1]; // the half-year in course: its deadline next, or just past
  const year = vietnamYear(now);
  const left = daysUntilDeadline(half, now);
  const units = await db
    .selectFrom("units")
    .select(["id", "parent_id"])
    .where(
      "parent_id",
      "in",
      communes.map((c) => c.id),
    )
    .where("kind", "in", REPORTING_KINDS)
    .where("archived_at", "is", null)
    .execute();
  const unitIds = units.map((u) => u.id);
  const reports = await db
    .selectFrom("reports")
    .select(["unit_id", "status"])
    .where("period_key", "=", half)
    .where("unit_id", "in", unitIds.length ? unitIds : [-1])
    .execute();
  const several = communes.length > 1;
  const items: TodoItem[] = [];
  for (const c of communes) {
    const prefix = several ? `${c.name}: ` : "";
    const query = several ? `&commune=${c.id}` : "";
    const own = new Set(units.filter((u) => u.parent_id === c.id).map((u) => u.id));
    const mine = reports.filter((r) => own.has(r.unit_id));
    const submitted = mine.filter((r) => r.status === "submitted" || r.status === "approved").length;
    const approved = mine.filter((r) => r.status === "approved").length;
    const missing = own.size - submitted;
    const when = left > 0 ? `còn ${left} ngày` : left === 0 ? "đến hạn hôm nay" : `quá hạn ${-left} ngày`;
    items.push({
      text: `${prefix}Báo cáo ${periodInSentence(half)}: ${submitted}/${own.size} đơn vị đã nộp, ${approved} đã duyệt; ${when} (hạn ${formatDate(reportDeadline(half))})`,
      to: `/reports?period=${half}${query}`,
      urgency: missing > 0 && left < 0 ? "overdue" : missing > 0 && left <= 10 ? "soon" : "watch",
    });
    const n = await counts(c, year);
    items.push({
      text: `${prefix}Chỉ tiêu năm ${year}: ${n.met} đạt, ${n.behind} chưa đạt, ${n.no_data} chưa có số liệu${n.no_target ? `, ${n.no_target} không đặt chỉ tiêu` : ""}`,
      to: `/indicators?period=${year}${query}`,
      urgency: "watch",
    });
  }
  return items;
}
