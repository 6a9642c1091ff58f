import type { DB } from "../../../db/connection";
import type { Actor } from "./permissions";

/** Loads the user behind a session with their roles, or null when the account is gone or disabled. */
export async function loadActor(db: DB, userId: number, sessionId: string): Promise<Actor | null> {
  const user = await db.selectFrom("users").select(["id", "email", "full_name", "is_active"]).where("id", "=", userId).executeTakeFirst();
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
  };
}
