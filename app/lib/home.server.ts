/** The server module of the home page and the health check: its routes reach the domain through here (decision 021). */
import { daysUntilDeadline, reportDeadline } from "~/domain/calendar/deadlines";
import { REPORT_STATUS_LABELS } from "~/domain/calendar/statuses";
import { getReport } from "~/domain/reports/reports";
import { parsePeriod } from "~/domain/shared/periods";
import { standingTodo } from "~/domain/overview/todo";
import type { Actor } from "~/domain/auth/permissions";
import { db } from "./db.server";
import { communesOf, currentHalf } from "./indicators.server";
import { communeProgress } from "./public.server";

export { communeOverview, schoolSummary } from "~/domain/units/overview";
export { adminTodo, communeTodo, rollCallTodo, unitTodo } from "~/domain/overview/todo";
export { recentMaterialsOf } from "~/domain/materials/materials";
export { feedToken } from "~/domain/activities/calendar-feed";
export { getUnit } from "~/domain/units/units";

/**
 * The commune leader's and a province reader's list: each commune they read against the deadline and the year's
 * targets; the indicators' standing is the public page's cached computation (the same engine as /indicators).
 */
export async function standingOf(actor: Actor, now: Date = new Date()) {
  return standingTodo(db, await communesOf(actor), now, async (commune, year) => {
    return (await communeProgress(commune, parsePeriod(String(year))!)).counts;
  });
}

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
