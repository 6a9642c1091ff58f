/** The reporting calendar's words: a report's status and whether it came on time (the dashboards, the records, the reports). */
import type { Report, ReportStatus } from "../../../db/schema";
import { daysUntilDeadline, isOnTime } from "./deadlines";

export const REPORT_STATUS_LABELS: Record<ReportStatus | "missing", string> = {
  missing: "Chưa lập",
  draft: "Đang soạn",
  submitted: "Đã nộp, chờ duyệt",
  approved: "Đã duyệt",
  returned: "Trả lại để bổ sung",
};

export type Timeliness = "on_time" | "late" | "not_due" | "overdue";

/** On time / late once submitted; before that, overdue after the deadline, otherwise not due yet. */
export function timeliness(
  report: Pick<Report, "submitted_at"> | undefined,
  periodKey: string,
  now: Date = new Date(),
): Timeliness {
  if (report?.submitted_at) return isOnTime(report.submitted_at, periodKey) ? "on_time" : "late";
  return daysUntilDeadline(periodKey, now) < 0 ? "overdue" : "not_due";
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: "Đúng hạn",
  late: "Trễ hạn",
  not_due: "Chưa đến hạn",
  overdue: "Quá hạn, chưa nộp",
};
