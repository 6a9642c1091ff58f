/**
 * What the /indicators page shows, composed from the engine: every indicator against its target, per-school
 * comparisons with the target as a line, trends by half-year, the commemoration days covered or missed by each
 * unit, and the half-year reports' completeness and timeliness.
 */
import type { DB } from "../../../db/connection";
import { COMMEMORATIONS, COMMEMORATION_LABELS } from "../activities/vocabulary";
import { reportOverview } from "../reports/reports";
import { daysUntilDeadline, reportDeadline } from "../calendar/deadlines";
import { parsePeriod, type Period } from "../shared/periods";
import { vietnamToday } from "../shared/time";
import { showDate } from "../shared/dates";
import { commemorationFigures } from "../indicators/commemorations";
import {
  computeIndicator,
  computeIndicatorPerSchool,
  computeIndicators,
  indicatorsFor,
  loadIndicators,
  periodTarget,
  type FigureScope,
  type IndicatorFigure,
  type UnitsMemo,
} from "../indicators/engine";
import { REPORT_STATUS_LABELS, TIMELINESS_LABELS } from "../calendar/statuses";
import { schoolsOf } from "../units/units";

/** Indicators compared school by school on the commune view (the ones a school can act on). */
export const COMPARED = ["SCH-2.1", "NQ57-25a", "SCH-2.5", "SCH-2.2", "SCH-2.4", "SCH-2.6", "DAY-1.2", "SCH-2.7"];
/** Percentages followed half-year by half-year. */
export const TRENDED = ["NQ57-25a", "SCH-2.1", "DAY-1.2", "REP-V.2"];

/** The first commune of the deployment. */
export async function communeId(db: DB): Promise<number> {
  return (
    await db.selectFrom("units").select("id").where("kind", "=", "commune").orderBy("id").executeTakeFirstOrThrow()
  ).id;
}

export interface Comparison {
  code: string;
  name: string;
  unit: "percent" | "count";
  /** The per-school target for the period (drawn as a line), if any. */
  target: number | null;
  rows: { schoolId: number; school: string; value: number | null; status: IndicatorFigure["status"] }[];
}

export async function schoolComparisons(db: DB, commune: number, period: Period, now?: Date): Promise<Comparison[]> {
  const rows = (await loadIndicators(db)).filter((r) => COMPARED.includes(r.code));
  const schools = await schoolsOf(db, commune);
  const ids = schools.map((s) => s.id);
  const out: Comparison[] = [];
  for (const row of rows) {
    const perSchool = await computeIndicatorPerSchool(db, row, ids, period, now);
    out.push({
      code: row.code,
      name: row.name,
      unit: row.unit,
      target: row.direction === "rising" ? null : periodTarget(row, period, 1),
      rows: schools.map((s) => ({ schoolId: s.id, school: s.short_name ?? s.name, ...perSchool.get(s.id)! })),
    });
  }
  return out;
}

/** Half-years of the plan up to the one containing today (at least 2025-H1). */
export function halvesSoFar(now: Date = new Date()): string[] {
  const out: string[] = [];
  const today = vietnamToday(now);
  const current = `${today.slice(0, 4)}-H${today.slice(5, 7) <= "06" ? 1 : 2}`;
  for (let y = 2025; y <= 2030; y++)
    for (const h of [1, 2]) {
      const key = `${y}-H${h}`;
      if (key <= current) out.push(key);
    }
  return out;
}

/**
 * The trended percentages, one point a half-year of the plan so far. The last half-year is the one containing today:
 * its figures are counted up to today, not closed, and the chart draws it as such (`current`, `asOf`).
 */
export async function trends(db: DB, scope: FigureScope, now?: Date, memo: UnitsMemo = new Map()) {
  const rows = indicatorsFor(await loadIndicators(db), scope).filter((r) => TRENDED.includes(r.code));
  const halves = halvesSoFar(now);
  const today = vietnamToday(now);
  const points: Record<string, string | number | null>[] = [];
  for (const key of halves) {
    const [y, h] = key.split("-H");
    const point: Record<string, string | number | null> = { period: `${h === "1" ? "6T đầu" : "6T cuối"} ${y}` };
    for (const row of rows)
      point[row.code] = (await computeIndicator(db, row, scope, parsePeriod(key)!, now, memo)).value;
    points.push(point);
  }
  const last = halves.at(-1)!;
  const lastOpen = parsePeriod(last)!.endDateExclusive > today;
  return {
    series: rows.map((r) => ({ code: r.code, name: r.name })),
    points,
    current: lastOpen ? String(points.at(-1)!.period) : null,
    asOf: showDate(today),
  };
}

/** Each unit (the commune, its offices, its schools) and the three days of the year: activities held. */
export async function commemorationMatrix(db: DB, year: number, scope: FigureScope) {
  const units = await db
    .selectFrom("units")
    .select(["id", "name", "kind"])
    .where("kind", "in", ["commune", "office", "school"])
    .where("archived_at", "is", null)
    .$if(scope.kind === "school", (q) => q.where("id", "=", scope.kind === "school" ? scope.schoolId : -1))
    .$if(scope.kind === "commune", (q) =>
      q.where((eb) =>
        eb.or([
          eb("id", "=", scope.kind === "commune" ? scope.communeId : -1),
          eb("parent_id", "=", scope.kind === "commune" ? scope.communeId : -1),
        ]),
      ),
    )
    .orderBy("kind")
    .orderBy("name")
    .execute();
  const figures = await commemorationFigures(db, {
    unitIds: units.map((u) => u.id),
    period: parsePeriod(String(year))!,
  });
  return {
    days: COMMEMORATIONS.map((d) => ({ code: d, label: COMMEMORATION_LABELS[d] })),
    rows: units.map((u) => ({ unitId: u.id, unit: u.name, days: figures.find((f) => f.unitId === u.id)!.days })),
  };
}

/** Reports of the half-years in the period: status and timeliness per school, and the nearest open deadline. */
export async function reportStatus(db: DB, commune: number, period: Period, now: Date = new Date()) {
  const year = period.key.slice(0, 4);
  const halves = period.key.includes("-H") ? [period.key] : [`${year}-H1`, `${year}-H2`];
  const out = [];
  for (const half of halves) {
    const rows = await reportOverview(db, half, now, commune);
    out.push({
      half,
      label: parsePeriod(half)!.label,
      deadline: reportDeadline(half),
      daysLeft: daysUntilDeadline(half, now),
      submitted: rows.filter((r) => r.report?.submitted_at).length,
      onTime: rows.filter((r) => r.timeliness === "on_time").length,
      rows: rows.map((r) => ({
        unitId: r.unit.id,
        unit: r.unit.name,
        unitKind: r.unit.kind,
        reportId: r.report?.id ?? null,
        status: r.status,
        statusLabel: REPORT_STATUS_LABELS[r.status],
        timeliness: r.timeliness,
        timelinessLabel: TIMELINESS_LABELS[r.timeliness],
        submittedAt: r.report?.submitted_at ?? null,
      })),
    });
  }
  return out;
}

export async function dashboard(db: DB, scope: FigureScope, period: Period, now?: Date) {
  const memo: UnitsMemo = new Map();
  const figures = await computeIndicators(db, scope, period, now, memo);
  const year = Number(period.key.slice(0, 4));
  return {
    figures,
    comparisons: scope.kind === "commune" ? await schoolComparisons(db, scope.communeId, period, now) : [],
    trends: await trends(db, scope, now, memo),
    commemorations: await commemorationMatrix(db, year, scope),
    reports: scope.kind === "commune" ? await reportStatus(db, scope.communeId, period, now) : [],
  };
}
