import type { DB } from "../../../db/connection";
import type { HeadcountCategory, SchoolLevel, Unit, UnitKind } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import { reaches, type Actor } from "../auth/permissions";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";
import { GRADES_BY_LEVEL, headcountCategoriesFor } from "./vocabulary";
import { mayEditHeadcounts, mayManageUnitPaperwork, mayManageUnits, refuse, seesUnit } from "../auth/policies";
import type { DocumentSettingsInput } from "./schemas";
import { holdUnit } from "../shared/hold";

export async function getUnit(db: DB, id: number): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

const KIND_ORDER: UnitKind[] = ["province", "commune", "office", "school", "hamlet"];
const LEVEL_ORDER: (SchoolLevel | null)[] = ["preschool", "primary", "lower_secondary", "upper_secondary", null];

/** Units, ordered by kind and name; `within` (an actor's reach, null = all) keeps a commune's own. */
export async function listUnits(
  db: DB,
  opts: { kinds?: UnitKind[]; includeArchived?: boolean; within?: number[] | null } = {},
): Promise<Unit[]> {
  let q = db.selectFrom("units").selectAll();
  if (opts.kinds) q = q.where("kind", "in", opts.kinds);
  if (opts.within) q = q.where("id", "in", opts.within.length ? opts.within : [-1]);
  if (!opts.includeArchived) q = q.where("archived_at", "is", null);
  const rows = await q.orderBy("name").execute();
  return rows.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      LEVEL_ORDER.indexOf(a.school_level) - LEVEL_ORDER.indexOf(b.school_level) ||
      a.name.localeCompare(b.name, "vi"),
  );
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/**
 * Adds a unit: a commune under the province, or an office, school or hamlet under a commune — the one chosen,
 * or the only one. Names are unique among a parent's units.
 */
export async function createUnit(
  db: DB,
  actor: Actor,
  input: {
    kind: "commune" | "office" | "school" | "hamlet";
    parentId?: number | "";
    name: string;
    shortName?: string;
    schoolLevel?: SchoolLevel | "";
    address?: string;
  },
  ip: string | null = null,
): Promise<number> {
  if (!mayManageUnits(actor)) refuse(true, "Bạn không có quyền quản lý đơn vị.");
  const parent = await parentFor(db, input);
  const dup = await db
    .selectFrom("units")
    .select("id")
    .where("name", "=", input.name.trim())
    .where("parent_id", "=", parent.id)
    .executeTakeFirst();
  if (dup) throw new DomainError("Đã có đơn vị cùng tên.", "name");
  let code = `${input.kind}-${slug(input.name)}`;
  for (let i = 2; await db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirst(); i++)
    code = `${input.kind}-${slug(input.name)}-${i}`;
  return db.transaction().execute(async (trx) => {
    const values = {
      parent_id: parent.id,
      kind: input.kind,
      code,
      name: input.name.trim(),
      short_name: input.shortName?.trim() || null,
      school_level: input.kind === "school" ? (input.schoolLevel as SchoolLevel) : null,
      address: input.address?.trim() || null,
      created_at: nowIso(),
      archived_at: null,
    };
    const row = await trx.insertInto("units").values(values).returning("id").executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: row.id,
      action: "create",
      entity: "unit",
      entityId: row.id,
      after: values,
      ip,
    });
    return row.id;
  });
}

async function parentFor(db: DB, input: { kind: UnitKind; parentId?: number | "" }): Promise<Unit> {
  if (input.kind === "commune") {
    const province = await db
      .selectFrom("units")
      .selectAll()
      .where("kind", "=", "province")
      .orderBy("id")
      .executeTakeFirst();
    if (!province)
      throw new DomainError("Chưa có tỉnh nào trong cơ sở dữ liệu: hãy chạy lệnh tạo quản trị viên (README).", "kind");
    return province;
  }
  if (input.parentId) {
    const commune = await getUnit(db, input.parentId);
    if (!commune || commune.kind !== "commune" || commune.archived_at)
      throw new DomainError("Vui lòng chọn xã của đơn vị.", "parentId");
    return commune;
  }
  const communes = await listUnits(db, { kinds: ["commune"] });
  if (communes.length !== 1) throw new DomainError("Vui lòng chọn xã của đơn vị.", "parentId");
  return communes[0];
}

export interface HeadcountSlot {
  category: HeadcountCategory;
  grade: number;
  count: number | null;
}

/** The headcount slots a unit keeps for a year, with the recorded figures (null where none yet). */
export async function getHeadcounts(db: DB, unit: Unit, year: number): Promise<HeadcountSlot[]> {
  const rows = await db
    .selectFrom("headcounts")
    .select(["category", "grade", "count"])
    .where("unit_id", "=", unit.id)
    .where("year", "=", year)
    .execute();
  const slots: HeadcountSlot[] = [];
  for (const category of headcountCategoriesFor(unit.kind)) {
    const grades = category === "students" && unit.school_level ? GRADES_BY_LEVEL[unit.school_level] : [0];
    for (const grade of grades) {
      const r = rows.find((x) => x.category === category && x.grade === grade);
      slots.push({ category, grade, count: r ? r.count : null });
    }
  }
  return slots;
}

/**
 * Who signs the unit's documents and its document abbreviation (issue 18), audited. Empty fields go back to the
 * defaults. Reports already approved keep the document their approval stored.
 */
export async function saveDocumentSettings(
  db: DB,
  actor: Actor,
  unit: Unit,
  input: DocumentSettingsInput,
  ip: string | null = null,
): Promise<void> {
  if (!mayManageUnitPaperwork(actor, unit))
    refuse(seesUnit(actor, unit), "Bạn không có quyền sửa thông tin văn bản của đơn vị này.");
  const after = {
    signer_name: input.signerName?.trim() || null,
    signer_title: input.signerTitle?.trim().toLocaleUpperCase("vi-VN") || null,
    doc_abbreviation: input.docAbbreviation?.trim().toLocaleUpperCase("vi-VN") || null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("units").set(after).where("id", "=", unit.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: "update",
      entity: "unit_documents",
      entityId: unit.id,
      before: {
        signer_name: unit.signer_name,
        signer_title: unit.signer_title,
        doc_abbreviation: unit.doc_abbreviation,
      },
      after,
      ip,
    });
  });
}

/** Saves a unit's headcounts for a year (upsert per slot), audited with before and after. */
export async function saveHeadcounts(
  db: DB,
  actor: Actor,
  unit: Unit,
  year: number,
  values: Record<string, number | null>,
  ip: string | null = null,
): Promise<void> {
  if (!mayEditHeadcounts(actor, unit.id))
    refuse(seesUnit(actor, unit), "Bạn không có quyền sửa số liệu của đơn vị này.");
  if (!Number.isInteger(year) || year < 2020 || year > 2035) throw new DomainError("Năm không hợp lệ.", "year");
  const slots = await getHeadcounts(db, unit, year);
  const allowed = new Set(slots.map((s) => `${s.category}:${s.grade}`));
  for (const key of Object.keys(values))
    if (!allowed.has(key)) throw new DomainError(`Mục số liệu không hợp lệ: ${key}`);
  await db.transaction().execute(async (trx) => {
    await holdUnit(trx, unit.id); // two saves at once (a double click, two colleagues): one after the other
    const at = nowIso();
    for (const [key, count] of Object.entries(values)) {
      const [category, g] = key.split(":") as [HeadcountCategory, string];
      const grade = Number(g);
      const existing = await trx
        .selectFrom("headcounts")
        .select(["id", "count"])
        .where("unit_id", "=", unit.id)
        .where("year", "=", year)
        .where("category", "=", category)
        .where("grade", "=", grade)
        .executeTakeFirst();
      if (existing?.count === count || (!existing && count === null)) continue;
      if (count === null) {
        await trx.deleteFrom("headcounts").where("id", "=", existing!.id).execute();
        await writeAudit(trx, {
          actorUserId: actor.userId,
          unitId: unit.id,
          action: "delete",
          entity: "headcount",
          entityId: `${unit.id}:${year}:${key}`,
          before: { count: existing!.count },
          ip,
        });
        continue;
      }
      if (existing) {
        await trx
          .updateTable("headcounts")
          .set({ count, updated_at: at, updated_by: actor.userId })
          .where("id", "=", existing.id)
          .execute();
      } else {
        await trx
          .insertInto("headcounts")
          .values({ unit_id: unit.id, year, category, grade, count, updated_at: at, updated_by: actor.userId })
          .execute();
      }
      await writeAudit(trx, {
        actorUserId: actor.userId,
        unitId: unit.id,
        action: existing ? "update" : "create",
        entity: "headcount",
        entityId: `${unit.id}:${year}:${key}`,
        before: existing ? { count: existing.count } : null,
        after: { count },
        ip,
      });
    }
  });
}

export interface UnitHeadcountSummary {
  unitId: number;
  managers: number | null;
  teachers: number | null;
  staff: number | null;
  students: number | null;
  officials: number | null;
  communicationStaff: number | null;
}

/** Totals per unit and category for a year; null where nothing was recorded. */
export async function headcountSummaries(
  db: DB,
  year: number,
  unitIds?: number[],
): Promise<Map<number, UnitHeadcountSummary>> {
  let q = db
    .selectFrom("headcounts")
    .select(["unit_id", "category", (eb) => eb.fn.sum<number>("count").as("total")])
    .where("year", "=", year)
    .groupBy(["unit_id", "category"]);
  if (unitIds) q = q.where("unit_id", "in", unitIds.length ? unitIds : [-1]);
  const rows = await q.execute();
  const out = new Map<number, UnitHeadcountSummary>();
  for (const r of rows) {
    const s =
      out.get(r.unit_id) ??
      ({
        unitId: r.unit_id,
        managers: null,
        teachers: null,
        staff: null,
        students: null,
        officials: null,
        communicationStaff: null,
      } as UnitHeadcountSummary);
    const total = Number(r.total);
    if (r.category === "school_managers") s.managers = total;
    else if (r.category === "teachers") s.teachers = total;
    else if (r.category === "school_staff") s.staff = total;
    else if (r.category === "students") s.students = total;
    else if (r.category === "officials") s.officials = total;
    else if (r.category === "communication_staff") s.communicationStaff = total;
    out.set(r.unit_id, s);
  }
  return out;
}

/** Number of active accounts per unit and role. */
export async function accountCounts(db: DB, unitIds: number[]) {
  if (!unitIds.length) return [];
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.unit_id", "memberships.role", (eb) => eb.fn.countAll<number>().as("n")])
    .where("memberships.unit_id", "in", unitIds)
    .where("users.is_active", "=", 1)
    .groupBy(["memberships.unit_id", "memberships.role"])
    .execute();
}

/** A commune's schools (not archived), by name. */
export async function schoolsOf(db: DB, commune: number) {
  return db
    .selectFrom("units")
    .select(["id", "name", "short_name"])
    .where("kind", "=", "school")
    .where("parent_id", "=", commune)
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
}

/**
 * A unit's name, for saying what a list was filtered by, only when the reader reaches it (a download's filter line
 * names no unit of another commune).
 */
export async function unitNameInReach(
  db: DB,
  actor: Actor,
  id: number | undefined,
): Promise<{ name: string } | undefined> {
  if (!id || !reaches(actor, id)) return undefined;
  return db.selectFrom("units").select("name").where("id", "=", id).executeTakeFirst();
}
