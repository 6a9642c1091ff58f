/**
 * The activities that count towards a period's figures: not cancelled, starting within the period (Vietnam time).
 * Those a unit only sent people to (held outside the commune, clause III.1.2) reach people like any other, but
 * are not activities the unit organized: counts of activities held leave them out (`organizedHere`).
 */
import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../../db/connection";
import type { Database } from "../../../db/schema";
import type { Period } from "../shared/periods";

/** The rule as a condition on `activities`, for queries that already read that table (no subquery over the province). */
export function isCounted(period: Period) {
  return (eb: ExpressionBuilder<Database, "activities">) =>
    eb.and([
      eb("activities.status", "!=", "cancelled"),
      eb("activities.starts_at", ">=", period.from),
      eb("activities.starts_at", "<", period.to),
    ]);
}

/** Held by the unit itself, not outside the commune with the unit sending people. */
export function organizedHere(eb: ExpressionBuilder<Database, "activities">) {
  return eb("activities.external_organizer", "is", null);
}

/** The counted activities of the period; with units, those the units organized (outside events left out). */
export function countedActivityIds(db: DB, period: Period, organizerUnitIds?: number[]) {
  let q = db.selectFrom("activities").select("id").where(isCounted(period));
  if (organizerUnitIds)
    q = q.where("organizer_unit_id", "in", organizerUnitIds.length ? organizerUnitIds : [-1]).where(organizedHere);
  return q;
}
