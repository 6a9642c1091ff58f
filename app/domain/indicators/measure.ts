/**
 * Evaluates one measure of an indicator definition (definitions.ts) for some units and a period. Each kind
 * delegates to the family module that owns its counting rule (reached.ts, clubs.ts, budget.ts, …), so a page,
 * a chart and an export always agree. Returns null for "no data" (nothing recorded to count from).
 */
import { sql, type ExpressionBuilder, type RawBuilder } from "kysely";
import type { Database, UnitKind } from "../../../db/schema";
import type { DB } from "../../../db/connection";
import { COMMEMORATIONS, COMMEMORATION_DATES } from "../activities/vocabulary";
import { daysUntilDeadline, halvesOf, isOnTime, REPORTING_KINDS } from "../calendar/deadlines";
import type { Period } from "../shared/periods";
import { budgetFigures } from "./budget";
import { budgetPlanTotal } from "../budget/plans";
import { clubFigures } from "./clubs";
import { commemorationFigures } from "./commemorations";
import type { LeafMeasure, Measure } from "./definitions";
import { contestFigures } from "./contests";
import { enteredValue, unitsEntering } from "./entered";
import { headcountTotal, reachedCount, topicWithin } from "./reached";
import { countedActivityIds } from "./scope";
import { sentAttendance } from "./sent";

export interface MeasureContext {
  unitIds: number[];
  period: Period;
  /** For deadlines ("already due"); tests pass a fixed date. */
  now?: Date;
}

type ActivityFilter = Extract<LeafMeasure, { kind: "activities" }>;

/** The activity has a row in a topic or audience link table meeting the condition. */
function linked(table: "activity_topics" | "activity_audiences", condition: RawBuilder<boolean>) {
  return (eb: ExpressionBuilder<Database, "activities">) =>
    eb.exists(
      eb
        .selectFrom(table)
        .select(sql.lit(1).as("one"))
        .where(sql.ref(`${table}.activity_id`), "=", sql.ref("activities.id"))
        .where(condition),
    );
}

/** The units whose headcount a "headcount" measure sums: all given, or those that entered its figure. */
export async function headcountUnits(
  db: DB,
  m: Extract<LeafMeasure, { kind: "headcount" }>,
  unitIds: number[],
  period: Period,
): Promise<number[]> {
  return m.ofUnitsEntering ? unitsEntering(db, m.ofUnitsEntering, unitIds, period) : unitIds;
}

/** The counted activities of the units matching an "activities" measure's filters (the drill-down lists them). */
export function filteredActivityIds(db: DB, m: Omit<ActivityFilter, "kind">, ctx: MeasureContext) {
  let q = countedActivityIds(db, ctx.period, ctx.unitIds);
  if (m.forms) q = q.where("form", "in", m.forms);
  if (m.excludeForms) q = q.where("form", "not in", m.excludeForms);
  if (m.delivery) q = q.where("delivery", "in", m.delivery);
  // EXISTS per activity of the units, not IN over every activity of the province carrying the topic.
  if (m.topics) q = q.where(linked("activity_topics", topicWithin("activity_topics.topic_code", m.topics)));
  if (m.audiences) q = q.where(linked("activity_audiences", sql<boolean>`audience_code in (${sql.join(m.audiences)})`));
  return q;
}

/** The context an "activities" measure counts in: its units narrowed to the kinds it names, if any. */
export async function activityContext(
  db: DB,
  m: Pick<ActivityFilter, "unitKinds">,
  ctx: MeasureContext,
): Promise<MeasureContext> {
  return m.unitKinds ? { ...ctx, unitIds: await unitsOfKinds(db, ctx.unitIds, m.unitKinds) } : ctx;
}

/** The materials of the units' schools published in the period matching a "materials" measure. */
export function filteredMaterials(db: DB, m: Extract<LeafMeasure, { kind: "materials" }>, ctx: MeasureContext) {
  let q = db
    .selectFrom("materials")
    .where("school_id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
    .where("created_at", ">=", ctx.period.from)
    .where("created_at", "<", ctx.period.to);
  if (m.kinds) q = q.where("kind", "in", m.kinds);
  if (m.integrating) q = q.where("integrates_topics", "=", 1);
  return q;
}

/** The commemoration days whose date falls within the period. */
export function commemorationsIn(period: Period) {
  const year = period.year;
  return COMMEMORATIONS.filter((day) => {
    const { month, day: d } = COMMEMORATION_DATES[day];
    const date = `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    return date >= period.startDate && date < period.endDateExclusive;
  });
}

/** Those of the units (in service) of some kinds. */
async function unitsOfKinds(db: DB, unitIds: number[], kinds: UnitKind[]) {
  const rows = await db
    .selectFrom("units")
    .select("id")
    .where("id", "in", unitIds.length ? unitIds : [-1])
    .where("kind", "in", kinds)
    .where("archived_at", "is", null)
    .execute();
  return rows.map((r) => r.id);
}

/** The half-years of the period already past their deadline, with the offices' and schools' reports for them. */
export async function dueReports(db: DB, ctx: MeasureContext) {
  const halves = halvesOf(ctx.period).filter((h) => daysUntilDeadline(h, ctx.now) < 0);
  const filers = await unitsOfKinds(db, ctx.unitIds, [...REPORTING_KINDS]);
  if (!halves.length || !filers.length) return { due: 0, onTime: 0 };
  const reports = await db
    .selectFrom("reports")
    .select(["period_key", "submitted_at"])
    .where("unit_id", "in", filers)
    .where("period_key", "in", halves)
    .execute();
  return {
    due: halves.length * filers.length,
    onTime: reports.filter((r) => isOnTime(r.submitted_at, r.period_key)).length,
  };
}

export async function evaluateMeasure(db: DB, m: Measure, ctx: MeasureContext): Promise<number | null> {
  const units = ctx.unitIds;
  switch (m.kind) {
    case "sum": {
      const parts = await Promise.all(m.of.map((p) => evaluateMeasure(db, p, ctx)));
      return parts.every((p) => p === null) ? null : parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    }
    case "reached":
      return reachedCount(db, {
        unitIds: units,
        categories: m.categories,
        period: ctx.period,
        topics: m.topics,
        forms: m.forms,
      });
    case "headcount": {
      return headcountTotal(db, {
        unitIds: await headcountUnits(db, m, units, ctx.period),
        categories: m.categories,
        period: ctx.period,
      });
    }
    case "sent": {
      const row = await sentAttendance(db, { unitIds: units, categories: m.categories, period: ctx.period })
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
    case "contests": {
      const schools = await unitsOfKinds(db, units, ["school"]);
      const figures = await contestFigures(db, { schoolIds: schools, period: ctx.period });
      return figures.reduce((s, f) => s + f[m.field], 0);
    }
    case "activities": {
      const row = await db
        .selectFrom("activities")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("id", "in", filteredActivityIds(db, m, await activityContext(db, m, ctx)))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
    case "distinct_terms": {
      const scope = filteredActivityIds(db, { forms: m.forms }, ctx);
      const q =
        m.of === "form"
          ? db
              .selectFrom("activities")
              .select((eb) => eb.fn.count<number>("form").distinct().as("n"))
              .where("id", "in", scope)
          : m.of === "topic"
            ? db
                .selectFrom("activity_topics")
                .select((eb) => eb.fn.count<number>("topic_code").distinct().as("n"))
                .where("activity_id", "in", scope)
                .$if(Boolean(m.topics), (b) => b.where("topic_code", "in", m.topics!))
            : db
                .selectFrom("activity_audiences")
                .select((eb) => eb.fn.count<number>("audience_code").distinct().as("n"))
                .where("activity_id", "in", scope);
      return Number((await q.executeTakeFirstOrThrow()).n);
    }
    case "materials": {
      const row = await filteredMaterials(db, m, ctx)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
    case "clubs": {
      const schools = await unitsOfKinds(db, units, ["school"]);
      return (await clubFigures(db, { schoolIds: schools, period: ctx.period })).reduce((s, c) => s + c.clubs, 0);
    }
    case "commemoration_days":
    case "commemoration_days_due": {
      const days = commemorationsIn(ctx.period);
      const reporting = await unitsOfKinds(db, units, ["commune", "office", "school"]);
      if (m.kind === "commemoration_days_due") return days.length * reporting.length;
      const figures = await commemorationFigures(db, { unitIds: reporting, period: ctx.period });
      // A day in the period is marked by an activity for it that starts in the period.
      return figures.reduce((s, f) => s + days.filter((d) => f.days[d] > 0).length, 0);
    }
    case "reports_on_time":
      return (await dueReports(db, ctx)).onTime;
    case "reports_due":
      return (await dueReports(db, ctx)).due;
    case "budget": {
      const { total } = await budgetFigures(db, { unitIds: units, period: ctx.period });
      return m.field === "estimate" ? total.estimate : total.actual;
    }
    case "budget_plan":
      return budgetPlanTotal(db, units, ctx.period.year);
    case "entered":
      return enteredValue(db, m.measure, units, ctx.period);
  }
}
