/** Units: who sees a unit's records at all (the reach behind 404 vs 403), who manages units and headcounts. */
import type { DB } from "../../../../db/connection";
import type { Unit } from "../../../../db/schema";
import { communeCount } from "../../shared/communes";
import { can, reachOf, reaches, type Actor } from "../permissions";

/**
 * Whether a unit's records exist for the actor: a school's for its own staff and the commune's readers in reach;
 * a commune-level unit's (the commune, its offices) for everyone of that commune. Outside it a refusal is 404.
 */
export function seesUnit(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return unit.kind === "school" ? can(actor, "school.read", unit.id) : reaches(actor, unit.id);
}

/** Only the system administrator adds, renames and archives units. */
export function mayManageUnits(actor: Actor): boolean {
  return can(actor, "units.manage");
}

/** A unit's headcounts (the plan's denominators): its school administrator, commune staff, the system administrator. */
export function mayEditHeadcounts(actor: Actor, unitId: number): boolean {
  return can(actor, "headcounts.edit", unitId);
}

/**
 * A unit's own paperwork — its yearly budget estimate (clause V.1) and who signs its documents and their
 * abbreviation (issue 18): a school's by its administrators; the commune's and its offices' by the commune's
 * staff (who keep the commune's own records).
 */
export function mayManageUnitPaperwork(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  if (unit.kind === "school") return can(actor, "school.manage", unit.id);
  return (unit.kind === "commune" || unit.kind === "office") && can(actor, "commune.manage") && reaches(actor, unit.id);
}

/** A unit's page: a school's own staff and the commune's readers in reach (headcounts, no names); commune units for the commune's readers. */
export function mayReadUnitPage(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return (
    (can(actor, "commune.read") && reaches(actor, unit.id)) ||
    (unit.kind === "school" && can(actor, "school.read", unit.id))
  );
}

/** The administration area: account and unit managers. Its audit log: those who administer accounts. */
export function mayOpenAdmin(actor: Actor): boolean {
  return can(actor, "accounts.manage") || can(actor, "units.manage");
}

/** The e-mail ledger (addresses of every commune, send errors): the system administrator's, who runs the server. */
export function mayWatchMail(actor: Actor): boolean {
  return can(actor, "units.manage");
}

export function mayReadAudit(actor: Actor): boolean {
  return can(actor, "audit.read");
}

/** Whose entries of the audit log an actor reads: all of them, except where several communes share the
 * deployment: then commune staff read their own commune's (undefined = no restriction). */
export async function auditScope(db: DB, actor: Actor): Promise<number[] | undefined> {
  const reach = reachOf(actor);
  return reach && (await communeCount(db)) > 1 ? reach : undefined;
}
