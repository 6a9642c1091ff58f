/** Indicator targets: who edits them. */
import type { DB } from "../../../../db/connection";
import { communeCount } from "../../shared/communes";
import { can, hasRole, type Actor } from "../permissions";

/**
 * Targets are one table for the deployment: the commune's staff edit them when it serves one commune; where
 * several communes share it, the province sets them (the system administrator), not one commune for all.
 */
export async function canEditTargets(db: DB, actor: Actor): Promise<boolean> {
  const communes = await communeCount(db);
  return communes > 1 ? hasRole(actor, "system_admin") : can(actor, "commune.manage");
}
