/**
 * "Việc cần làm" (issue 19, first step): what each person has to do next, in words, each with the page that does
 * it. Commune staff: reports waiting for approval (with how long), units that have not submitted (days left or
 * overdue), reports returned and not sent again. A unit's preparers: their report of the half-year in course and a
 * returned report's comment; a school's administrators also activities held without attendance and clubs with no
 * meeting this month. A teacher: the sessions of today and the coming week they take the roll for.
 */
import type { DB } from "../../../db/connection";
import { daysUntilDeadline, REPORTING_KINDS, reportDeadline } from "../calendar/deadlines";
import { parsePeriod } from "../shared/periods";
import { vietnamInstant, vietnamToday } from "../shared/time";
import { halvesSoFar } from "./dashboard";
import { attendanceActivities } from "../attendance/attendance";
import type { Actor } from "../auth/permissions";
import { formatDateTime } from "../shared/format";

export interface TodoItem {
  text: string;
  to: string;
  /** overdue: past its date; soon: due within 10 days; later: to do, not pressing. */
  urgency: "overdue" | "soon" | "later";
}

const DAY_MS = 86_400_000;
const daysSince = (iso: string, now: Date) =>
  Math.max(
    0,
    Math.round(
      (Date.parse(`${vietnamToday(now)}T00:00:00Z`) - Date.parse(`${vietnamToday(new Date(iso))}T00:00:00Z`)) / DAY_MS,
    ),
  );
const halfLabel = (half: string) => parsePeriod(half)!.label.toLowerCase();

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
      text: `Duyệt báo cáo ${halfLabel(r.period_key)} của ${name.get(r.unit_id)}: đã chờ ${daysSince(r.submitted_at ?? r.updated_at, now)} ngày`,
      to: `/reports/${r.period_key}/${r.unit_id}`,
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
        text: `${missing.length} đơn vị chưa nộp báo cáo ${halfLabel(half)} (${left >= 0 ? `còn ${left} ngày, hạn ${reportDeadline(half).split("-").reverse().join("/")}` : `quá hạn ${-left} ngày`}): ${missing.map((u) => u.name).join(", ")}`,
        to: `/reports?period=${half}`,
        urgency: left < 0 ? "overdue" : left <= 10 ? "soon" : "later",
      });
  }
  for (const r of reports.filter((x) => x.status === "returned"))
    items.push({
      text: `Báo cáo ${halfLabel(r.period_key)} của ${name.get(r.unit_id)} đã trả lại ${daysSince(r.updated_at, now)} ngày, chưa gửi lại`,
      to: `/reports/${r.period_key}/${r.unit_id}`,
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
      text: `Nộp báo cáo ${halfLabel(half)}: còn ${left} ngày (hạn ${reportDeadline(half).split("-").reverse().join("/")})`,
      to: `/reports/${half}/${unit.id}`,
      urgency: left <= 10 ? "soon" : "later",
    });
  for (const r of reports.filter((x) => x.status === "returned"))
    items.push({
      text: `Báo cáo ${halfLabel(r.period_key)} bị trả lại: ${r.comment ?? ""}`.trim(),
      to: `/reports/${r.period_key}/${unit.id}`,
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
        text: `Điểm danh ${day === today ? "hôm nay" : day.split("-").reverse().join("/")}: ${a.title} (${formatDateTime(a.starts_at).slice(0, 5)})`,
        to: `/attendance/${a.id}`,
        urgency: day === today ? ("soon" as const) : ("later" as const),
      };
    });
}
