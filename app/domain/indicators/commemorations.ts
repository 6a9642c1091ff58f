/**
 * Commemoration days (DAY-1.2): for each unit and each of the three days (18/5, 01/10, 10/10), how many
 * activities marking the day the unit organized or co-organized in the period — those that start in it (decision
 * 011), so an activity for 18/5 held on 01/07 counts for the second half-year, not the first. Being invited does not count;
 * cancelled activities do not count. A zero is a unit that missed the day.
 */
import type { DB } from "../../../db/connection";
import type { Commemoration } from "../../../db/schema";
import { COMMEMORATIONS } from "../activities/vocabulary";
import type { Period } from "../shared/periods";
import { isCounted, organizedHere } from "./scope";

export interface CommemorationFigures {
  unitId: number;
  days: Record<Commemoration, number>;
}

export async function commemorationFigures(
  db: DB,
  q: { unitIds: number[]; period: Period },
): Promise<CommemorationFigures[]> {
  const units = q.unitIds.length ? q.unitIds : [-1];
  const counted = isCounted(q.period);
  const organized = db
    .selectFrom("activities")
    .select(["id as activity_id", "organizer_unit_id as unit_id", "commemoration"])
    .where("organizer_unit_id", "in", units)
    .where("commemoration", "is not", null)
    .where(organizedHere)
    .where(counted);
  const coOrganized = db
    .selectFrom("activity_units")
    .innerJoin("activities", "activities.id", "activity_units.activity_id")
    .select(["activities.id as activity_id", "activity_units.unit_id", "activities.commemoration"])
    .where("activity_units.unit_id", "in", units)
    .where("activity_units.relation", "=", "co_organizer")
    .where("activities.commemoration", "is not", null)
    .where(organizedHere)
    .where(counted);
  const rows = await db
    .selectFrom(organized.union(coOrganized).as("held"))
    .select(["held.unit_id", "held.commemoration", (eb) => eb.fn.count<number>("held.activity_id").distinct().as("n")])
    .groupBy(["held.unit_id", "held.commemoration"])
    .execute();
  return q.unitIds.map((unitId) => ({
    unitId,
    days: Object.fromEntries(
      COMMEMORATIONS.map((day) => [
        day,
        Number(rows.find((r) => r.unit_id === unitId && r.commemoration === day)?.n ?? 0),
      ]),
    ) as Record<Commemoration, number>,
  }));
}
