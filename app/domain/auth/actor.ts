import type { DB } from "../../../db/connection";
import type { Actor } from "./permissions";

/**
 * Everyone reaches their commune: the commune unit and every unit under it (offices, schools, hamlets) — for
 * commune staff and leaders that is what they read; for a school's staff it bounds the commune-level
 * activities and contests they see. The system administrator and province readers reach everything.
 */
async function reachOfMemberships(
  db: DB,
  memberships: { role: string; unit_id: number; kind: string }[],
): Promise<number[] | undefined> {
  if (memberships.some((m) => m.role === "system_admin" || m.role === "province_reader")) return undefined;
  // Commune-wide roles decide the reach; only an actor with school roles alone gets their school's commune
  // (a commune officer who also teaches elsewhere must not reach that other commune as an officer).
  const communeWide = memberships.filter((m) => m.role === "commune_staff" || m.role === "commune_leader");
  const wide = communeWide.length ? communeWide : memberships;
  if (!wide.length) return [];
  const communes = new Set<number>();
  for (const m of wide) {
    // Walk up from the membership's unit (the commune itself, or one of its offices) to its commune.
    let id: number | null = m.unit_id;
    for (let hops = 0; id !== null && hops < 5; hops++) {
      const unit: { id: number; kind: string; parent_id: number | null } | undefined = await db
        .selectFrom("units")
        .select(["id", "kind", "parent_id"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!unit) break;
      if (unit.kind === "commune") {
        communes.add(unit.id);
        break;
      }
      id = unit.parent_id;
    }
  }
  const ids = [...communes];
  const below = ids.length ? await db.selectFrom("units").select("id").where("parent_id", "in", ids).execute() : [];
  return [...ids, ...below.map((u) => u.id)];
}

/** Loads the user behind a session with their roles, or null when the account is gone or disabled. */
export async function loadActor(db: DB, userId: number, sessionId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "full_name", "is_active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || !user.is_active) return null;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select(["memberships.role", "memberships.unit_id", "units.kind", "units.name"])
    .where("memberships.user_id", "=", userId)
    .orderBy("memberships.id")
    .execute();
  return {
    userId: user.id,
    email: user.email,
    fullName: user.full_name,
    sessionId,
    memberships: memberships.map((m) => ({ role: m.role, unitId: m.unit_id, unitKind: m.kind, unitName: m.name })),
    reach: await reachOfMemberships(db, memberships),
  };
}
