/**
 * The reporting calendar's dates of a commune, for the calendar feeds (issue 19): each half-year's deadline (10/6,
 * 10/12) and, where commune staff set one, its cut-off — the last day the report counts — when it is not the
 * deadline itself (report-periods.ts: the cut-off defaults to the deadline).
 */
import type { Executor } from "../../../db/connection";
import { reportDeadline } from "./deadlines";

/** The plan's half-years (2025–2030). */
const PLAN_HALVES = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((y) => [`${y}-H1`, `${y}-H2`]);

export interface ReportDate {
  half: string;
  deadline: string;
  /** The cut-off commune staff set, when it is not the deadline ("YYYY-MM-DD"), and when they set it. */
  cutoff: { date: string; setAt: string } | null;
}

/** The half-years whose deadline or cut-off falls on or after `from` ("YYYY-MM-DD"), in order. */
export async function reportDates(db: Executor, communeId: number | null, from: string): Promise<ReportDate[]> {
  const rows =
    communeId === null
      ? []
      : await db
          .selectFrom("report_cutoffs")
          .select(["period_key", "cutoff_date", "set_at"])
          .where("commune_id", "=", communeId)
          .execute();
  return PLAN_HALVES.map((half) => {
    const deadline = reportDeadline(half);
    const own = rows.find((r) => r.period_key === half);
    return {
      half,
      deadline,
      cutoff: own && own.cutoff_date !== deadline ? { date: own.cutoff_date, setAt: own.set_at } : null,
    };
  }).filter((d) => d.deadline >= from || (d.cutoff !== null && d.cutoff.date >= from));
}
