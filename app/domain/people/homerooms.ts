/**
 * Who teaches whom (issue 20): the principal assigns a homeroom teacher (giáo viên chủ nhiệm) to each class of the
 * school, and links a staff member's record to their login account — which makes them, when the club names that
 * record as its advisor, the club's advisor in the app. Both are accounts of the school's own staff.
 */
import type { DB } from "../../../db/connection";
import type { Person, Unit } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import { type Actor } from "../auth/permissions";
import { canAssignHomerooms, mayLinkAccount, refuse, seesUnit } from "../auth/policies";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";
import { schoolClasses, writePersonChange } from "./people";

/** The school's staff accounts (administrators and teachers, active), by name: those a class or a record is given to. */
export async function staffAccounts(
  db: DB,
  schoolId: number,
): Promise<{ id: number; fullName: string; email: string }[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    // Distinct: an account may hold both roles at the school. The ordering column is selected, as PostgreSQL wants.
    .select(["users.id", "users.full_name as fullName", "users.email", "users.name_key"])
    .distinct()
    .where("memberships.unit_id", "=", schoolId)
    .where("memberships.role", "in", ["teacher", "school_admin"])
    .where("users.is_active", "=", 1)
    .orderBy("users.name_key")
    .orderBy("users.id")
    .execute();
  return rows.map(({ id, fullName, email }) => ({ id, fullName, email }));
}

/** Each class of the school (those its current pupils are in) and its homeroom teacher's account, if assigned. */
export async function homeroomBoard(db: DB, schoolId: number) {
  const [classes, assigned] = await Promise.all([
    schoolClasses(db, schoolId),
    db.selectFrom("homeroom_classes").select(["class_name", "user_id"]).where("school_id", "=", schoolId).execute(),
  ]);
  const byClass = new Map(assigned.map((a) => [a.class_name, a.user_id]));
  return classes.map((className) => ({ className, userId: byClass.get(className) ?? null }));
}

/** Said to whoever sees the school but does not run it. */
export const HOMEROOMS_BY_PRINCIPALS = "Chỉ ban giám hiệu của trường mới phân công giáo viên chủ nhiệm.";

function assertManages(actor: Actor, unit: Unit) {
  if (!canAssignHomerooms(actor, unit)) refuse(seesUnit(actor, unit), HOMEROOMS_BY_PRINCIPALS);
}

/** A class name as typed into a message: short, whatever was posted. */
const named = (className: string) => (className.length > 20 ? `${className.slice(0, 20)}…` : className);

/**
 * Saves the classes' homeroom teachers as the principal set them (null = nobody). Only classes of the school and
 * accounts of its staff; a class left out keeps its teacher. Each change is audited.
 */
export async function assignHomerooms(
  db: DB,
  actor: Actor,
  unit: Unit,
  wanted: { className: string; userId: number | null }[],
): Promise<number> {
  assertManages(actor, unit);
  const [board, staff] = await Promise.all([homeroomBoard(db, unit.id), staffAccounts(db, unit.id)]);
  const current = new Map(board.map((b) => [b.className, b.userId]));
  const staffIds = new Set(staff.map((s) => s.id));
  const changes = wanted.filter((w) => current.has(w.className) && current.get(w.className) !== w.userId);
  for (const w of wanted) {
    if (!current.has(w.className)) throw new DomainError(`Trường không có lớp ${named(w.className)}.`, "_form");
    if (w.userId !== null && !staffIds.has(w.userId))
      throw new DomainError(
        `Giáo viên chọn cho lớp ${w.className} không hợp lệ: hãy chọn một cán bộ, giáo viên của trường.`,
        "_form",
      );
  }
  if (!changes.length) return 0;
  await db.transaction().execute(async (trx) => {
    for (const c of changes) {
      await trx
        .deleteFrom("homeroom_classes")
        .where("school_id", "=", unit.id)
        .where("class_name", "=", c.className)
        .execute();
      if (c.userId !== null)
        await trx
          .insertInto("homeroom_classes")
          .values({
            school_id: unit.id,
            class_name: c.className,
            user_id: c.userId,
            assigned_at: nowIso(),
            assigned_by: actor.userId,
          })
          .execute();
      await writeAudit(trx, {
        actorUserId: actor.userId,
        unitId: unit.id,
        action: "update",
        entity: "homeroom_class",
        entityId: c.className,
        before: { user_id: current.get(c.className) ?? null },
        after: { user_id: c.userId },
      });
    }
  });
  return changes.length;
}

/**
 * Links a staff member's record to their login account (or unlinks it with null). An account stands for one record
 * of the school: linking it elsewhere moves it. Pupils' records are never linked.
 */
export async function linkPersonAccount(
  db: DB,
  actor: Actor,
  unit: Unit,
  person: Person,
  userId: number | null,
): Promise<void> {
  assertManages(actor, unit);
  if (person.unit_id !== unit.id) refuse(false);
  if (!mayLinkAccount(unit, person)) throw new DomainError("Hồ sơ học sinh không gắn với tài khoản.", "userId");
  if (userId !== null && !(await staffAccounts(db, unit.id)).some((s) => s.id === userId))
    throw new DomainError("Tài khoản này không thuộc cán bộ, giáo viên của trường.", "userId");
  if (person.user_id === userId) return;
  await db
    .transaction()
    .execute(async (trx) => {
      if (userId !== null)
        await trx
          .updateTable("people")
          .set({ user_id: null, updated_at: nowIso() })
          .where("unit_id", "=", unit.id)
          .where("user_id", "=", userId)
          .execute();
      await writePersonChange(
        trx,
        actor,
        person,
        { user_id: userId },
        { before: { user_id: person.user_id }, after: { user_id: userId } },
      );
    })
    .catch((e: { code?: string }) => {
      // Two principals linking the same account at once: the index people_account_once lets one through.
      if (e.code === "23505" || e.code?.startsWith("SQLITE_CONSTRAINT"))
        throw new DomainError("Tài khoản này vừa được gắn với một hồ sơ khác. Hãy tải lại trang.", "userId");
      throw e;
    });
}
