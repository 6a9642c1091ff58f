/**
 * The measures of measure.ts for many units at once: one grouped query per measure instead of one per unit,
 * for the per-school comparisons of the commune's page. Each unit's value is, by construction and by test
 * (indicators-per-unit.test.ts), what evaluateMeasure gives for that unit alone.
 */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";
import { clubFigures } from "./clubs";
import { commemorationFigures } from "./commemorations";
import type { LeafMeasure, Measure } from "./definitions";
import { contestFigures } from "./contests";
import { ENTERED_MEASURES, enteredKeys } from "./entered";
import {
  activityContext,
  commemorationsIn,
  evaluateMeasure,
  filteredActivityIds,
  filteredMaterials,
  headcountUnits,
} from "./measure";
import { reachedPeople } from "./reached";
import { sentAttendance } from "./sent";

type PerUnit = Map<number, number | null>;

function fill(unitIds: number[], rows: { unit: number; n: number | string | null }[], missing: number | null): PerUnit {
  const byUnit = new Map(rows.map((r) => [Number(r.unit), r.n === null ? null : Number(r.n)]));
  return new Map(unitIds.map((u) => [u, byUnit.get(u) ?? missing]));
}

async function leafPerUnit(db: DB, m: LeafMeasure, unitIds: number[], period: Period, now?: Date): Promise<PerUnit> {
  const ctx = { unitIds, period, now };
  switch (m.kind) {
    case "reached":
      return fill(
        unitIds,
        await reachedPeople(db, { unitIds, categories: m.categories, period, topics: m.topics, forms: m.forms })
          .select(["people.unit_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy("people.unit_id")
          .execute(),
        0,
      );
    case "headcount": {
      const rows = await db
        .selectFrom("headcounts")
        .select(["unit_id as unit", (eb) => eb.fn.sum<number>("count").as("n")])
        .where("unit_id", "in", unitIds)
        .where("category", "in", m.categories)
        .where("year", "=", period.year)
        .groupBy("unit_id")
        .execute();
      const counted = new Set(await headcountUnits(db, m, unitIds, period));
      // No headcount, or zero, is "no data" (as headcountTotal says); so is a unit that has not entered.
      return fill(
        unitIds,
        rows.map((r) => ({ unit: r.unit, n: Number(r.n) === 0 || !counted.has(r.unit) ? null : r.n })),
        null,
      );
    }
    case "activities":
      return fill(
        unitIds,
        await db
          .selectFrom("activities")
          .select(["organizer_unit_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
          .where("id", "in", filteredActivityIds(db, m, await activityContext(db, m, ctx)))
          .groupBy("organizer_unit_id")
          .execute(),
        0,
      );
    case "sent":
      return fill(
        unitIds,
        await sentAttendance(db, { unitIds, categories: m.categories, period })
          .select(["people.unit_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy("people.unit_id")
          .execute(),
        0,
      );
    case "materials":
      return fill(
        unitIds,
        await filteredMaterials(db, m, ctx)
          .select(["school_id as unit", (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy("school_id")
          .execute(),
        0,
      );
    case "contests":
      return new Map((await contestFigures(db, { schoolIds: unitIds, period })).map((c) => [c.schoolId, c[m.field]]));
    case "clubs":
      return fill(
        unitIds,
        (await clubFigures(db, { schoolIds: unitIds, period })).map((c) => ({ unit: c.schoolId, n: c.clubs })),
        0,
      );
    case "commemoration_days":
    case "commemoration_days_due": {
      const days = commemorationsIn(period);
      if (m.kind === "commemoration_days_due") return new Map(unitIds.map((u) => [u, days.length]));
      const figures = await commemorationFigures(db, { unitIds, period });
      return new Map(figures.map((f) => [f.unitId, days.filter((d) => f.days[d] > 0).length]));
    }
    case "entered": {
      const keys = enteredKeys(ENTERED_MEASURES[m.measure], period);
      if (!keys.length) return new Map(unitIds.map((u) => [u, null]));
      const rows = await db
        .selectFrom("entered_figures")
        .select(["unit_id as unit", (eb) => eb.fn.sum<number>("value").as("n")])
        .where("measure", "=", m.measure)
        .where("unit_id", "in", unitIds)
        .where("period_key", "in", keys)
        .groupBy("unit_id")
        .execute();
      return fill(unitIds, rows, null);
    }
    default: {
      // Rare on per-school pages (forms used, reports, budget): one unit at a time.
      const out: PerUnit = new Map();
      for (const u of unitIds) out.set(u, await evaluateMeasure(db, m, { unitIds: [u], period, now }));
      return out;
    }
  }
}

/** One value per unit (schools, not archived) for a measure; null = no data for that unit. */
export async function evaluateMeasurePerUnit(
  db: DB,
  m: Measure,
  unitIds: number[],
  period: Period,
  now?: Date,
): Promise<PerUnit> {
  if (!unitIds.length) return new Map();
  if (m.kind !== "sum") return leafPerUnit(db, m, unitIds, period, now);
  const parts = await Promise.all(m.of.map((p) => leafPerUnit(db, p, unitIds, period, now)));
  return new Map(
    unitIds.map((u) => {
      const values = parts.map((p) => p.get(u) ?? null);
      return [u, values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0)];
    }),
  );
}
