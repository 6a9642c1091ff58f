import type { DB } from "../../db/connection";
import type { HeadcountCategory, Role, SchoolLevel, UnitKind } from "../../db/schema";
import { hashPassword } from "../../app/domain/auth/passwords";
import { nameKey } from "../../app/domain/shared/text";
import { nowIso } from "../../app/domain/shared/time";

/** Creates the province and commune units when the tree is empty; returns the commune's id. */
export async function ensureBaseOrg(db: DB, names: { province: string; commune: string }): Promise<number> {
  const existing = await db
    .selectFrom("units")
    .select("id")
    .where("kind", "=", "commune")
    .orderBy("id")
    .executeTakeFirst();
  if (existing) return existing.id;
  const at = nowIso();
  const province = await db
    .insertInto("units")
    .values({
      parent_id: null,
      kind: "province",
      code: "province",
      name: names.province,
      short_name: null,
      school_level: null,
      address: null,
      created_at: at,
      archived_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const commune = await db
    .insertInto("units")
    .values({
      parent_id: province.id,
      kind: "commune",
      code: "commune",
      name: names.commune,
      short_name: null,
      school_level: null,
      address: null,
      created_at: at,
      archived_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return commune.id;
}

export async function addUnit(
  db: DB,
  parentId: number,
  u: { kind: UnitKind; code: string; name: string; shortName?: string; schoolLevel?: SchoolLevel; address?: string },
): Promise<number> {
  const row = await db
    .insertInto("units")
    .values({
      parent_id: parentId,
      kind: u.kind,
      code: u.code,
      name: u.name,
      short_name: u.shortName ?? null,
      school_level: u.schoolLevel ?? null,
      address: u.address ?? null,
      created_at: nowIso(),
      archived_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a user with a role in a unit; a null password leaves the account waiting for its one-time link. */
export async function addUser(
  db: DB,
  u: { email: string; fullName: string; password: string | null; role: Role; unitId: number },
): Promise<number> {
  const at = nowIso();
  const row = await db
    .insertInto("users")
    .values({
      email: u.email.toLowerCase(),
      full_name: u.fullName,
      name_key: nameKey(u.fullName),
      phone: null,
      password_hash: u.password ? await hashPassword(u.password) : null,
      is_active: 1,
      created_at: at,
      updated_at: at,
      password_changed_at: u.password ? at : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("memberships")
    .values({ user_id: row.id, unit_id: u.unitId, role: u.role, created_at: at })
    .execute();
  return row.id;
}

export async function setHeadcount(
  db: DB,
  unitId: number,
  year: number,
  category: HeadcountCategory,
  grade: number,
  count: number,
): Promise<void> {
  await db
    .insertInto("headcounts")
    .values({ unit_id: unitId, year, category, grade, count, updated_at: nowIso(), updated_by: null })
    .execute();
}
