/**
 * Deadline reminders (issue 19): 7, 3 and 1 days before a half-year's deadline (10 June, 10 December), the
 * preparers of every school and office that has not submitted are told, in the app and by e-mail. The job runs
 * often; each reminder is keyed by (half-year, unit, threshold), so it lands once whatever the number of runs,
 * restarts or server processes. A run that missed a day (the server was down) sends the reminder of the nearest
 * threshold still ahead: 5 days left → the 7-day one if it was never sent, 2 days left → the 3-day one.
 * Commune staff can also remind now ("Nhắc đơn vị chưa nộp"): once per unit and day.
 */
import type { DB } from "../../../db/connection";
import type { ReportStatus } from "../../../db/schema";
import { mayApproveReportsIn, refuse } from "../auth/policies";
import { reaches, type Actor } from "../auth/permissions";
import { daysUntilDeadline, REPORTING_KINDS, reportDeadline } from "../calendar/deadlines";
import { REPORT_STATUS_LABELS } from "../calendar/statuses";
import { formatDate } from "../shared/format";
import { periodInSentence } from "../shared/periods";
import { vietnamToday, vietnamYear } from "../shared/time";
import { notify, type Message } from "./notify";
import { unitPreparers } from "./recipients";
import { reportLink } from "./report-news";

export const REMINDER_DAYS = [7, 3, 1] as const;

/** The threshold a reminder belongs to with `daysLeft` days to go (0 = the deadline is today), or null. */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const ahead = REMINDER_DAYS.filter((d) => d >= daysLeft);
  return ahead.length ? Math.min(...ahead) : null;
}

/** The half-year whose deadline lies within the reminders' reach today, with its days left. */
export function halfDueSoon(now: Date): { half: string; daysLeft: number; threshold: number } | null {
  const year = vietnamYear(now);
  for (const half of [`${year}-H1`, `${year}-H2`]) {
    const daysLeft = daysUntilDeadline(half, now);
    const threshold = reminderThreshold(daysLeft);
    if (threshold !== null) return { half, daysLeft, threshold };
  }
  return null;
}

/** The reporting units (of one commune, or all) whose report of the half-year is not in: none, draft, returned. */
async function unitsNotSubmitted(db: DB, half: string, communeId?: number) {
  const units = await db
    .selectFrom("units")
    .leftJoin("reports", (j) => j.onRef("reports.unit_id", "=", "units.id").on("reports.period_key", "=", half))
    .select(["units.id", "units.name", "reports.status"])
    .where("units.kind", "in", REPORTING_KINDS)
    .where("units.archived_at", "is", null)
    .$if(communeId !== undefined, (q) => q.where("units.parent_id", "=", communeId!))
    .orderBy("units.name")
    .execute();
  return units.filter((u) => u.status !== "submitted" && u.status !== "approved");
}

type UnitNotSubmitted = Awaited<ReturnType<typeof unitsNotSubmitted>>[number];

function reminderMessage(
  unit: { id: number; name: string; status: ReportStatus | null },
  half: string,
  daysLeft: number,
  eventKey: string,
  fromCommune: boolean,
): Message {
  const label = periodInSentence(half);
  const deadline = formatDate(reportDeadline(half));
  const when =
    daysLeft > 0 ? `Còn ${daysLeft} ngày đến hạn nộp` : daysLeft === 0 ? "Hôm nay là hạn nộp" : "Đã quá hạn nộp";
  return {
    kind: "deadline",
    eventKey,
    title: `${fromCommune ? "Phòng Văn hóa - Xã hội nhắc: " : ""}${when} báo cáo ${label} (hạn ${deadline})`,
    body: `Báo cáo của ${unit.name}: ${REPORT_STATUS_LABELS[unit.status ?? "missing"].toLowerCase()}. Vui lòng hoàn thành và nộp trước ngày ${deadline}.`,
    link: reportLink(half, unit.id),
  };
}

/**
 * Tells the preparers of each unit, one unit per transaction; `keyOf` makes a reminder land once (per threshold for
 * the job, per day for commune staff's button). Returns what was queued.
 */
async function remind(
  db: DB,
  units: UnitNotSubmitted[],
  half: string,
  now: Date,
  keyOf: (unitId: number) => string,
  fromCommune: boolean,
) {
  const told = { inApp: 0, emails: 0 };
  for (const unit of units) {
    const message = reminderMessage(unit, half, daysUntilDeadline(half, now), keyOf(unit.id), fromCommune);
    const one = await db
      .transaction()
      .execute(async (trx) => notify(trx, await unitPreparers(trx, unit.id), message, { email: true, now }));
    told.inApp += one.inApp;
    told.emails += one.emails;
  }
  return told;
}

/** The job: today's reminders, if a deadline is 7, 3 or 1 days (or less) away. Returns how many were queued. */
export async function sendDeadlineReminders(db: DB, now: Date = new Date()) {
  const due = halfDueSoon(now);
  if (!due) return { units: 0, inApp: 0, emails: 0 };
  const units = await unitsNotSubmitted(db, due.half);
  const told = await remind(db, units, due.half, now, (id) => `deadline:${due.half}:${id}:${due.threshold}`, false);
  return { units: units.length, ...told };
}

/** "Nhắc đơn vị chưa nộp": commune staff remind every unit of their commune that has not submitted, now. */
export async function remindUnsubmitted(db: DB, actor: Actor, communeId: number, half: string, now: Date = new Date()) {
  if (!mayApproveReportsIn(actor, communeId))
    refuse(reaches(actor, communeId), "Chỉ Phòng Văn hóa - Xã hội mới nhắc các đơn vị nộp báo cáo.");
  const units = await unitsNotSubmitted(db, half, communeId);
  const today = vietnamToday(now);
  const told = await remind(db, units, half, now, (id) => `nudge:${half}:${id}:${today}`, true);
  return { units: units.map((u) => u.name), ...told };
}
