/** A unit's people: school managers, teachers, staff and students of a school; officials of an office. */
import type { DB } from "../../../db/connection";
import type { Updateable } from "kysely";
import type { Person, PersonCategory, PersonTable, Unit } from "../../../db/schema";
import { writeAudit, type Executor } from "../audit/audit";
import { type Actor } from "../auth/permissions";
import { DomainError } from "../shared/errors";
import { matchesFolded } from "../shared/search";
import { nameKey } from "../shared/text";
import { nowIso } from "../shared/time";
import { GRADES_BY_LEVEL } from "../units/vocabulary";
import type { PersonInput } from "./schemas";
import { personCategoriesFor } from "./vocabulary";
import { canManagePeople, mayLinkAccount, refuse, seesUnit } from "../auth/policies";

/** Checks a person's fields against the unit: category kept by the unit, grade taught there. */
export function unitRuleErrors(unit: Unit, p: PersonInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!personCategoriesFor(unit.kind).includes(p.category)) errors.category = "Loại người này không thuộc đơn vị.";
  if (
    p.category === "students" &&
    unit.school_level &&
    p.grade !== undefined &&
    !GRADES_BY_LEVEL[unit.school_level].includes(p.grade)
  ) {
    errors.grade = `Khối ${p.grade} không có ở trường này.`;
  }
  return errors;
}

/** Codes are compared as typed on a paper list: "hs2026002" and "HS2026002" are the same pupil. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** "6a1", "6 A1" and "6A1" are one class; other names (preschool "Lá 1") keep their words, single-spaced. */
export function normalizeClassName(name: string): string | null {
  const t = name.trim().replace(/\s+/g, " ");
  if (!t) return null;
  return /^\d{1,2}\s*[a-zA-Z]\s*\d{0,2}$/.test(t) ? t.replace(/\s+/g, "").toUpperCase() : t;
}

export function personValues(p: PersonInput) {
  const student = p.category === "students";
  return {
    category: p.category,
    code: normalizeCode(p.code),
    full_name: p.fullName.trim().replace(/\s+/g, " "),
    name_key: nameKey(p.fullName),
    grade: student ? (p.grade ?? null) : null,
    class_name: student ? normalizeClassName(p.className ?? "") : null,
    position: student ? null : p.position?.trim() || null,
  };
}

/**
 * What the audit log keeps of a person: never a student's name (the audit log is read by the commune,
 * and students' names do not leave their school); the code identifies the row for the school.
 */
export function personAuditView(
  p: {
    category: PersonCategory;
    code: string;
    full_name: string;
    grade?: number | null;
    class_name?: string | null;
    position?: string | null;
    left_on?: string | null;
  },
  everStudent = p.category === "students",
) {
  const { category, code, grade, class_name, position, left_on } = p;
  return everStudent
    ? { category, code, grade, class_name, left_on }
    : { category, code, full_name: p.full_name, position, left_on };
}

export type PersonSort = "name" | "code" | "class";

export async function listPeople(
  db: DB,
  unitId: number,
  opts: {
    categories: PersonCategory[];
    q?: string;
    /** Students of one class. */
    className?: string;
    page: number;
    pageSize: number;
    sort: PersonSort;
    includeLeft?: boolean;
  },
) {
  let q = db
    .selectFrom("people")
    .where("unit_id", "=", unitId)
    .where("category", "in", opts.categories.length ? opts.categories : ["__none__" as PersonCategory]);
  if (!opts.includeLeft) q = q.where("left_on", "is", null);
  if (opts.q) q = q.where(matchesFolded(["people.name_key", "people.code"], opts.q));
  if (opts.className) q = q.where("class_name", "=", opts.className);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  let rows = q.selectAll();
  rows =
    opts.sort === "code"
      ? rows.orderBy("code")
      : opts.sort === "class"
        ? rows.orderBy("grade").orderBy("class_name").orderBy("name_key")
        : rows.orderBy("name_key");
  const list = await rows
    .orderBy("id")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total, rows: list };
}

/** Counts of current people per category (what the commune sees of a school). */
export async function peopleCounts(db: DB, unitIds: number[]) {
  if (!unitIds.length) return [];
  return db
    .selectFrom("people")
    .select(["unit_id", "category", (eb) => eb.fn.countAll<number>().as("n")])
    .where("unit_id", "in", unitIds)
    .where("left_on", "is", null)
    .groupBy(["unit_id", "category"])
    .execute();
}

/** How many current students each class of a school has (what the commune may know of them: counts, no names). */
export async function studentsByClass(db: DB, schoolId: number) {
  const rows = await db
    .selectFrom("people")
    .select(["grade", "class_name", (eb) => eb.fn.countAll<number>().as("n")])
    .where("unit_id", "=", schoolId)
    .where("category", "=", "students")
    .where("left_on", "is", null)
    .groupBy(["grade", "class_name"])
    .orderBy("grade")
    .orderBy("class_name")
    .execute();
  return rows.map((r) => ({ grade: r.grade, className: r.class_name, students: Number(r.n) }));
}

/** The classes of a school's current students, in order, for pickers. */
export async function schoolClasses(db: DB, schoolId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("people")
    .select(["class_name", "grade"])
    .distinct()
    .where("unit_id", "=", schoolId)
    .where("category", "=", "students")
    .where("left_on", "is", null)
    .where("class_name", "is not", null)
    .orderBy("grade")
    .orderBy("class_name")
    .execute();
  return rows.map((r) => r.class_name!);
}

export async function getPerson(db: DB, id: number): Promise<Person | undefined> {
  return db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
}

async function assertCodeFree(db: Executor, unitId: number, code: string, exceptId?: number) {
  let q = db
    .selectFrom("people")
    .select(["id", "left_on"])
    .where("unit_id", "=", unitId)
    .where("code", "=", normalizeCode(code));
  if (exceptId) q = q.where("id", "!=", exceptId);
  const taken = await q.executeTakeFirst();
  if (taken)
    throw new DomainError(
      taken.left_on
        ? "Mã này thuộc về một người đã rời đơn vị: hãy tìm người đó (chọn “Hiện cả người đã rời”) và đưa trở lại danh sách."
        : "Mã này đã được dùng cho người khác trong đơn vị.",
      "code",
    );
}

export async function addPerson(
  db: DB,
  actor: Actor,
  unit: Unit,
  input: PersonInput,
  ip: string | null = null,
): Promise<number> {
  if (!canManagePeople(actor, unit)) refuse(seesUnit(actor, unit), "Bạn không có quyền thêm người cho đơn vị này.");
  const ruleErrors = Object.entries(unitRuleErrors(unit, input));
  if (ruleErrors.length) throw new DomainError(ruleErrors[0][1], ruleErrors[0][0]);
  return db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, unit.id, input.code);
    const at = nowIso();
    const values = {
      unit_id: unit.id,
      ...personValues(input),
      user_id: null,
      left_on: null,
      created_at: at,
      updated_at: at,
    };
    const row = await trx.insertInto("people").values(values).returning("id").executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: "create",
      entity: "person",
      entityId: row.id,
      after: personAuditView(values),
      ip,
    });
    return row.id;
  });
}

export async function updatePerson(
  db: DB,
  actor: Actor,
  unit: Unit,
  person: Person,
  input: PersonInput,
  ip: string | null = null,
): Promise<void> {
  if (!canManagePeople(actor, unit) || person.unit_id !== unit.id)
    refuse(seesUnit(actor, unit) && person.unit_id === unit.id, "Bạn không có quyền sửa người này.");
  const ruleErrors = Object.entries(unitRuleErrors(unit, input));
  if (ruleErrors.length) throw new DomainError(ruleErrors[0][1], ruleErrors[0][0]);
  await db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, unit.id, input.code, person.id);
    // A record that becomes a pupil's no longer stands for a login account (mayLinkAccount): the link goes with it.
    const unlinks = person.user_id !== null && !mayLinkAccount(unit, { category: input.category });
    const values = { ...personValues(input), ...(unlinks ? { user_id: null } : {}), updated_at: nowIso() };
    // Moving someone between student and staff must not write the student's name in either snapshot.
    const wasOrIsStudent = person.category === "students" || values.category === "students";
    await writePersonChange(
      trx,
      actor,
      person,
      values,
      {
        before: personAuditView(person, wasOrIsStudent),
        after: personAuditView({ ...person, ...values }, wasOrIsStudent),
      },
      ip,
    );
  });
}

/**
 * Writes a change to one person's record and its audit entry (what the record was and became, as the caller shows
 * them), in the caller's transaction.
 */
export async function writePersonChange(
  trx: Executor,
  actor: Actor,
  person: Person,
  set: Updateable<PersonTable>,
  audit: { before: unknown; after: unknown },
  ip: string | null = null,
): Promise<void> {
  await trx
    .updateTable("people")
    .set({ ...set, updated_at: nowIso() })
    .where("id", "=", person.id)
    .execute();
  await writeAudit(trx, {
    actorUserId: actor.userId,
    unitId: person.unit_id,
    action: "update",
    entity: "person",
    entityId: person.id,
    ...audit,
    ip,
  });
}

/** Someone leaves the unit (moved school, graduated): kept for past records, hidden from current lists. */
export async function setPersonLeft(
  db: DB,
  actor: Actor,
  unit: Unit,
  person: Person,
  leftOn: string | null,
  ip: string | null = null,
): Promise<void> {
  if (!canManagePeople(actor, unit) || person.unit_id !== unit.id)
    refuse(seesUnit(actor, unit) && person.unit_id === unit.id, "Bạn không có quyền sửa người này.");
  await db
    .transaction()
    .execute((trx) =>
      writePersonChange(
        trx,
        actor,
        person,
        { left_on: leftOn },
        { before: personAuditView(person), after: personAuditView({ ...person, left_on: leftOn }) },
        ip,
      ),
    );
}
