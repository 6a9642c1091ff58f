/**
 * The indicator engine: any indicator row, for the commune or one school, for any period (year, half-year,
 * quarter). Reads each row's definition (definitions.ts), evaluates its measures (measure.ts), compares with the
 * year's target and says whether it is met. Nothing is stored: figures are current the moment a record is saved.
 */
import type { DB } from "../../../db/connection";
import type { IndicatorDirection, UnitKind } from "../../../db/schema";
import { monthsIn, parsePeriod, type Period } from "../shared/periods";
import { parseDefinition, type IndicatorDefinition } from "./definitions";
import { evaluateMeasure } from "./measure";
import { evaluateMeasurePerUnit } from "./per-unit";
import { figureNotes } from "./notes";
import { percent, reachedShare, reachedSharesByUnit } from "./reached";
import type { IndicatorStatus } from "./status";

export interface IndicatorRow {
  code: string;
  name: string;
  planRef: string;
  unit: "percent" | "count";
  scope: "commune" | "unit" | "school";
  source: "computed" | "entered";
  direction: IndicatorDirection;
  group: string;
  definition: IndicatorDefinition;
  /** Yearly targets by year (null = none set). */
  targets: Record<number, number | null>;
}

/**
 * A share of people reached over their headcount (NQ57-25a, SCH-2.1, NQ57-30c): counted per unit and category so
 * that the numerator stays within the denominator's population (reached.ts). The categories are the numerator's.
 */
function reachedOverHeadcount(d: IndicatorDefinition) {
  const { numerator: n, denominator: h } = d;
  if (n.kind !== "reached" || h?.kind !== "headcount") return null;
  return { categories: n.categories, topics: n.topics, forms: n.forms };
}

/**
 * Whose figures: the whole commune (every unit; school indicators over the schools), one school, or one office
 * (a cơ quan chuyên môn: the indicators about any unit, for its half-year report).
 */
export type FigureScope =
  { kind: "commune"; communeId: number } | { kind: "school"; schoolId: number } | { kind: "office"; officeId: number };

/**
 * The scope of one unit's own figures, as its report and the commune annex show them: a school's; any other unit's
 * (an office, the commune's own records) counts the indicators about any unit ("office" kind).
 */
export function unitScope(unit: { id: number; kind: UnitKind }): FigureScope {
  return unit.kind === "school" ? { kind: "school", schoolId: unit.id } : { kind: "office", officeId: unit.id };
}

export interface IndicatorFigure {
  code: string;
  name: string;
  planRef: string;
  unit: "percent" | "count";
  scope: IndicatorRow["scope"];
  source: IndicatorRow["source"];
  direction: IndicatorDirection;
  group: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The target for this period and scope (pro-rated, times the schools), or last year's value for "rising". */
  target: number | null;
  status: IndicatorStatus;
  statusLabel: string;
  /** What is missing to reach the target, in words; null when met or not measurable. */
  gap: string | null;
  /**
   * What a reader must know to trust the figure, in words (notes.ts): records that disagree with the headcount,
   * the plan's forms used and missing, units that have not entered. Absent from figures signed before issue #17.
   */
  notes?: string[];
}

export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: "Đạt",
  behind: "Chưa đạt",
  no_data: "Chưa có số liệu",
  no_target: "Không đặt chỉ tiêu",
};

export async function loadIndicators(db: DB): Promise<IndicatorRow[]> {
  const rows = await db.selectFrom("indicators").selectAll().orderBy("sort_order").execute();
  const targets = await db.selectFrom("indicator_targets").selectAll().execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    planRef: r.plan_ref,
    unit: r.unit,
    scope: r.scope,
    source: r.source,
    direction: r.direction,
    group: r.group_name,
    definition: parseDefinition(r.code, r.definition),
    targets: Object.fromEntries(targets.filter((t) => t.indicator_code === r.code).map((t) => [t.year, t.target])),
  }));
}

/** Indicators shown for a scope: a school sees its school and unit indicators; an office its unit ones; the commune all. */
export function indicatorsFor(rows: IndicatorRow[], scope: FigureScope): IndicatorRow[] {
  if (scope.kind === "commune") return rows;
  return rows.filter((r) => r.scope === "unit" || (scope.kind === "school" && r.scope === "school"));
}

/** Units already looked up during one page's computation (a page asks for the same scope's units many times). */
export type UnitsMemo = Map<string, Promise<number[]>>;

/** The units whose records an indicator counts for the scope. */
export function unitsFor(
  db: DB,
  row: Pick<IndicatorRow, "scope"> & { definition?: Pick<IndicatorDefinition, "includeHamlets"> },
  scope: FigureScope,
  memo?: UnitsMemo,
): Promise<number[]> {
  if (scope.kind === "school") return Promise.resolve([scope.schoolId]);
  if (scope.kind === "office") return Promise.resolve([scope.officeId]);
  const kinds: UnitKind[] =
    row.scope === "school"
      ? ["school"]
      : row.definition?.includeHamlets
        ? ["commune", "office", "school", "hamlet"]
        : ["commune", "office", "school"];
  const key = `${scope.communeId}:${kinds.join()}`;
  const known = memo?.get(key);
  if (known) return known;
  const units = db
    .selectFrom("units")
    .select("id")
    .where("kind", "in", kinds)
    .where("archived_at", "is", null)
    .where((eb) => eb.or([eb("id", "=", scope.communeId), eb("parent_id", "=", scope.communeId)]))
    .execute()
    .then((rows) => rows.map((u) => u.id));
  memo?.set(key, units);
  return units;
}

/** A yearly count target for a period: pro-rated when the definition says so, times the schools counted. */
export function periodTarget(row: IndicatorRow, period: Period, schools: number): number | null {
  const yearly = row.targets[period.year];
  if (yearly === null || yearly === undefined) return null;
  if (row.unit === "percent") return yearly;
  const share = row.definition.prorate ? Math.ceil((yearly * monthsIn(period)) / 12) : yearly;
  return row.scope === "school" ? share * Math.max(1, schools) : share;
}

function samePeriodLastYear(period: Period): Period {
  return parsePeriod(`${Number(period.key.slice(0, 4)) - 1}${period.key.slice(4)}`)!;
}

async function measured(db: DB, row: IndicatorRow, unitIds: number[], period: Period, now?: Date) {
  const ctx = { unitIds, period, now };
  const { numerator: num, denominator: den } = row.definition;
  const share = reachedOverHeadcount(row.definition);
  if (share) {
    const s = await reachedShare(db, { ...share, unitIds, period });
    return { value: s.value, numerator: s.numerator, denominator: s.denominator, gaps: s.gaps };
  }
  const numerator = await evaluateMeasure(db, num, ctx);
  if (!den) return { value: numerator, numerator: null, denominator: null, gaps: [] };
  const denominator = await evaluateMeasure(db, den, ctx);
  return {
    value: numerator === null ? null : percent(numerator, denominator),
    numerator,
    denominator: denominator || null,
    gaps: [],
  };
}

export function judge(
  row: IndicatorRow,
  value: number | null,
  target: number | null,
  m: { numerator: number | null; denominator: number | null },
) {
  if (value === null) return { status: "no_data" as const, gap: null };
  if (target === null) return { status: "no_target" as const, gap: null };
  const met =
    row.direction === "at_most" ? value <= target : row.direction === "rising" ? value > target : value >= target;
  if (met) return { status: "met" as const, gap: null };
  if (row.direction === "at_most") return { status: "behind" as const, gap: "Vượt dự toán" };
  if (row.direction === "rising") return { status: "behind" as const, gap: "Chưa tăng so với cùng kỳ năm trước" };
  if (row.unit === "percent" && m.denominator && m.numerator !== null) {
    const missing = Math.ceil((target * m.denominator) / 100) - m.numerator;
    return { status: "behind" as const, gap: `Còn thiếu ${missing.toLocaleString("vi-VN")} để đạt ${target}%` };
  }
  return { status: "behind" as const, gap: `Còn thiếu ${(target - value).toLocaleString("vi-VN")}` };
}

export async function computeIndicator(
  db: DB,
  row: IndicatorRow,
  scope: FigureScope,
  period: Period,
  now?: Date,
  memo: UnitsMemo = new Map(),
): Promise<IndicatorFigure> {
  const unitIds = await unitsFor(db, row, scope, memo);
  const { gaps, ...m } = await measured(db, row, unitIds, period, now);
  let target: number | null;
  if (row.direction === "rising") target = (await measured(db, row, unitIds, samePeriodLastYear(period), now)).value;
  else {
    const schools = scope.kind !== "commune" ? 1 : (await unitsFor(db, { scope: "school" }, scope, memo)).length;
    target = periodTarget(row, period, schools);
  }
  const { status, gap } = judge(row, m.value, target, m);
  return {
    code: row.code,
    name: row.name,
    planRef: row.planRef,
    unit: row.unit,
    scope: row.scope,
    source: row.source,
    direction: row.direction,
    group: row.group,
    ...m,
    target,
    status,
    statusLabel: STATUS_LABELS[status],
    gap,
    notes: await figureNotes(db, row.definition, { unitIds, period, now }, gaps),
  };
}

export async function computeIndicators(
  db: DB,
  scope: FigureScope,
  period: Period,
  now?: Date,
  memo: UnitsMemo = new Map(),
): Promise<IndicatorFigure[]> {
  const rows = indicatorsFor(await loadIndicators(db), scope);
  const out: IndicatorFigure[] = [];
  for (const row of rows) out.push(await computeIndicator(db, row, scope, period, now, memo));
  return out;
}

/** One indicator by code (the single entry point pages, charts and exports use). */
export async function indicatorValue(
  db: DB,
  code: string,
  scope: FigureScope,
  period: Period,
  now?: Date,
): Promise<IndicatorFigure> {
  const row = (await loadIndicators(db)).find((r) => r.code === code);
  if (!row) throw new Error(`Unknown indicator ${code}`);
  return computeIndicator(db, row, scope, period, now);
}

/**
 * One indicator for each school alone, as computeIndicator would give for `{ kind: "school" }` scopes, with
 * grouped queries (per-unit.ts): the commune page compares every school without a query per school.
 */
export async function computeIndicatorPerSchool(
  db: DB,
  row: IndicatorRow,
  schoolIds: number[],
  period: Period,
  now?: Date,
): Promise<Map<number, { value: number | null; status: IndicatorStatus }>> {
  const share = reachedOverHeadcount(row.definition);
  const values = async (p: Period) => {
    if (share) return reachedSharesByUnit(db, { ...share, unitIds: schoolIds, period: p });
    const num = await evaluateMeasurePerUnit(db, row.definition.numerator, schoolIds, p, now);
    const den = row.definition.denominator
      ? await evaluateMeasurePerUnit(db, row.definition.denominator, schoolIds, p, now)
      : null;
    return new Map(
      schoolIds.map((id) => {
        const n = num.get(id) ?? null;
        if (!den) return [id, { value: n, numerator: null, denominator: null }];
        const d = den.get(id) || null;
        return [id, { value: n === null ? null : percent(n, d), numerator: n, denominator: d }];
      }),
    );
  };
  const current = await values(period);
  const previous = row.direction === "rising" ? await values(samePeriodLastYear(period)) : null;
  const target = row.direction === "rising" ? null : periodTarget(row, period, 1);
  return new Map(
    schoolIds.map((id) => {
      const m = current.get(id)!;
      return [
        id,
        {
          value: m.value,
          status: judge(row, m.value, previous ? (previous.get(id)?.value ?? null) : target, m).status,
        },
      ];
    }),
  );
}
