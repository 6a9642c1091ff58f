/** The server module of the home page and the health check: its routes reach the domain through here (decision 021). */
import { daysUntilDeadline, reportDeadline } from "~/domain/calendar/deadlines";
import { REPORT_STATUS_LABELS } from "~/domain/calendar/statuses";
import { getReport } from "~/domain/reports/reports";
import { parsePeriod } from "~/domain/shared/periods";
import { db } from "./db.server";
import { currentHalf } from "./indicators.server";

export { communeOverview, schoolSummary } from "~/domain/units/overview";
export { communeTodo, rollCallTodo, unitTodo } from "~/domain/overview/todo";
export { getUnit } from "~/domain/units/units";

/** A unit's report of the half-year in course: its status, deadline and days left, and a returned report's comment. */
export async function halfYearReport(unitId: number, now: Date = new Date()) {
  const half = currentHalf(now);
  const report = await getReport(db, unitId, half);
  return {
    half,
    label: parsePeriod(half)!.label,
    statusLabel: REPORT_STATUS_LABELS[report?.status ?? "missing"],
    deadline: reportDeadline(half),
    daysLeft: daysUntilDeadline(half, now),
    comment: report?.status === "returned" ? report.comment : null,
  };
}
