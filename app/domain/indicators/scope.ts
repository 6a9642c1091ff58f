/** The activities that count towards a period's figures: not cancelled, starting within the period (Vietnam time). */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";

export function countedActivityIds(db: DB, period: Period, organizerUnitIds?: number[]) {
  let q = db.selectFrom("activities").select("id").where("status", "!=", "cancelled").where("starts_at", ">=", period.from).where("starts_at", "<", period.to);
  if (organizerUnitIds) q = q.where("organizer_unit_id", "in", organizerUnitIds.length ? organizerUnitIds : [-1]);
  return q;
}
