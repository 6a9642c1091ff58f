/** Indicators: whose figures an actor reads, whose names the drill-down shows, who edits targets. */
import type { DB } from "../../../../db/connection";
import type { PersonCategory, Unit } from "../../../../db/schema";
import { canManagePeople, canSeeNames } from "./people";
import { communeCount } from "../../shared/communes";
import { can, hasRole, ownSchoolIds, type Actor } from "../permissions";

/**
 * Targets are one table for the deployment: the commune's staff edit them when it serves one commune; where
 * several communes share it, the province sets them (the system administrator), not one commune for all.
 */
export async function canEditTargets(db: DB, actor: Actor): Promise<boolean> {
  const communes = await communeCount(db);
  return communes > 1 ? hasRole(actor, "system_admin") : can(actor, "commune.manage");
}

/**
 * Whose figures an actor reads on /indicators: the commune's readers the communes they reach, and any school of
 * them; a school's administrators only the schools they manage, never a commune's figures.
 */
export type FigureAccess = { kind: "communes" } | { kind: "schools"; schoolIds: number[] };

export function figureAccess(actor: Actor): FigureAccess {
  if (can(actor, "commune.read")) return { kind: "communes" };
  return { kind: "schools", schoolIds: ownSchoolIds(actor).filter((id) => can(actor, "school.manage", id)) };
}

/**
 * The records behind a figure (who was reached, who not yet) name people as the people pages do: staff and
 * officials to their own unit and the commune's readers, students only within their school; counts elsewhere.
 * A name links to the person's page where the viewer manages that list.
 */
export function maySeeNamesInFigures(actor: Actor, unit: Pick<Unit, "id" | "kind">, category: PersonCategory): boolean {
  return canSeeNames(actor, unit, category);
}

export function mayOpenPersonInFigures(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return canManagePeople(actor, unit);
}
