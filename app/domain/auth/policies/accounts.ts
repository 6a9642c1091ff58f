/** Accounts: which roles an actor may grant, and whose account they may manage. */
import type { DB } from "../../../../db/connection";
import type { Role, UnitKind } from "../../../../db/schema";
import { hasRole, reaches, type Actor } from "../permissions";

/** Whether the actor may manage (reset, deactivate) this account: admins any other account; commune staff school accounts. */
export async function canManageUser(db: DB, actor: Actor, userId: number): Promise<boolean> {
  if (userId === actor.userId) return false;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select(["memberships.role", "units.kind", "units.id"])
    .where("memberships.user_id", "=", userId)
    .execute();
  if (hasRole(actor, "system_admin")) return true;
  return memberships.length > 0 && memberships.every((m) => canGrant(actor, m.role, m.kind) && reaches(actor, m.id));
}

/** The roles an actor may give to a new account, and in which kinds of unit. */
export function grantableRoles(actor: Actor): { role: Role; unitKinds: UnitKind[] }[] {
  if (hasRole(actor, "system_admin")) {
    return [
      { role: "system_admin", unitKinds: ["commune"] },
      { role: "commune_staff", unitKinds: ["commune", "office"] },
      { role: "commune_leader", unitKinds: ["commune"] },
      { role: "office_staff", unitKinds: ["office"] },
      { role: "province_reader", unitKinds: ["province"] },
      { role: "school_admin", unitKinds: ["school"] },
      { role: "teacher", unitKinds: ["school"] },
    ];
  }
  if (hasRole(actor, "commune_staff")) {
    return [
      { role: "office_staff", unitKinds: ["office"] },
      { role: "school_admin", unitKinds: ["school"] },
      { role: "teacher", unitKinds: ["school"] },
    ];
  }
  return [];
}

export function canGrant(actor: Actor, role: Role, unitKind: UnitKind): boolean {
  return grantableRoles(actor).some((g) => g.role === role && g.unitKinds.includes(unitKind));
}

/** An account exists for the actor when one of its memberships is within their reach (the system administrator: all). */
export async function maySeeAccount(db: DB, actor: Actor, userId: number): Promise<boolean> {
  if (!actor.reach) return true;
  const units = await db.selectFrom("memberships").select("unit_id").where("user_id", "=", userId).execute();
  return units.some((m) => reaches(actor, m.unit_id));
}
