/**
 * Learning materials: files (stored once by content) or links, tagged for the plan's indicators
 * (2.2 topics folded into lessons, 2.3 digital materials, 2.4 digital products) and shared at a chosen reach.
 */
import { engineOf } from "../../../db/engine";
import { assertPeriodOpen } from "../calendar/locks";
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/connection";
import type { Database, Material, Unit } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import { can, managesCommuneUnit, ownSchoolIds, reachOf, reaches, type Actor } from "../auth/permissions";
import { storageUse } from "../files/lifecycle";
import { claimRecord, moveToBin, rowsWhere } from "../recycle-bin/bin";
import type { StreamedFile } from "../files/upload-stream";
import { DomainError, requireDeleteConfirmation } from "../shared/errors";
import { foldVietnamese } from "../shared/text";
import { nowIso } from "../shared/time";
import type { MaterialInput } from "./schemas";
import { MATERIAL_KIND_LABELS } from "./vocabulary";
import { GRADES_BY_LEVEL } from "../units/vocabulary";
import { canSeeMaterial, canUploadMaterials, mayDeleteMaterial, refuse, seesUnit } from "../auth/policies";

function searchText(input: MaterialInput, topicLabels: string[]): string {
  return foldVietnamese(
    [
      input.title,
      input.description ?? "",
      input.subject ?? "",
      MATERIAL_KIND_LABELS[input.kind],
      ...topicLabels,
      ...input.keywords,
    ].join(" "),
  );
}

/** A material's free keywords, as stored (a JSON array of text; anything else reads as none). */
export function materialKeywords(material: Pick<Material, "keywords">): string[] {
  try {
    const v: unknown = JSON.parse(material.keywords);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

/** A new material; a refused one leaves its uploaded bytes unreferenced (they go after the grace period). */
export async function createMaterial(
  db: DB,
  actor: Actor,
  school: Unit,
  input: MaterialInput,
  file?: { stored: StreamedFile; name: string },
  ip: string | null = null,
): Promise<number> {
  if (school.kind !== "school" || !canUploadMaterials(actor, school.id))
    refuse(seesUnit(actor, school), "Bạn không có quyền đăng học liệu cho trường này.");
  if (!file && !input.linkUrl) throw new DomainError("Vui lòng chọn tệp hoặc nhập đường dẫn.", "file");
  await assertPeriodOpen(db, school.id, nowIso());
  if (file) {
    // Bytes the school already stores (the same file in another of its records) cost nothing more.
    const before = await storageUse(db, school.id);
    const after = await storageUse(db, school.id, file.stored.id);
    if (after.used > before.used && after.used > after.quota)
      throw new DomainError(
        `Trường đã dùng hết dung lượng lưu trữ (${Math.round(after.quota / 1024 / 1024)} MB, tính cả tệp trong thùng rác). Hãy xóa bớt học liệu cũ rồi xóa hẳn chúng trong Thùng rác, hoặc đề nghị xã tăng hạn mức.`,
        "file",
      );
  }
  const topics = await db
    .selectFrom("vocab_terms")
    .select(["code", "label"])
    .where("kind", "=", "topic")
    .where("code", "in", input.topics.length ? input.topics : ["-"])
    .execute();
  if (topics.length !== new Set(input.topics).size) throw new DomainError("Nội dung không hợp lệ.", "topics");
  return db.transaction().execute(async (trx) => {
    const fileId = file ? file.stored.id : null;
    const at = nowIso();
    const values = {
      school_id: school.id,
      author_user_id: actor.userId,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      kind: input.kind,
      subject: input.subject?.trim() || null,
      grades: JSON.stringify([...new Set(input.grades)].sort((a, b) => a - b)),
      keywords: JSON.stringify(input.keywords),
      integrates_topics: input.integratesTopics ? 1 : 0,
      visibility: input.visibility,
      file_id: fileId,
      file_name: file?.name ?? null,
      link_url: file ? null : input.linkUrl || null,
      search_text: searchText(
        input,
        topics.map((t) => t.label),
      ),
      created_at: at,
      updated_at: at,
    };
    const row = await trx.insertInto("materials").values(values).returning("id").executeTakeFirstOrThrow();
    if (topics.length)
      await trx
        .insertInto("material_topics")
        .values(topics.map((t) => ({ material_id: row.id, topic_code: t.code })))
        .execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: school.id,
      action: "create",
      entity: "material",
      entityId: row.id,
      after: { ...values, search_text: undefined },
      ip,
    });
    return row.id;
  });
}

export async function getMaterial(db: DB, id: number): Promise<Material | undefined> {
  return db.selectFrom("materials").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The last materials a person uploaded in the schools they still work in (a teacher's home page, issue 19). */
export async function recentMaterialsOf(db: DB, actor: Actor, limit = 5) {
  const schools = ownSchoolIds(actor);
  return db
    .selectFrom("materials")
    .select(["id", "title", "kind", "visibility", "created_at"])
    .where("author_user_id", "=", actor.userId)
    .where("school_id", "in", schools.length ? schools : [-1])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The folded words of what a user typed (letters and digits only, so no search syntax gets through). */
export function searchWords(q: string): string[] {
  return foldVietnamese(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
}

/** An FTS5 query from what a user typed: each folded word as a prefix, all required. */
export function ftsQuery(q: string): string | null {
  const words = searchWords(q);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

/** Materials whose folded text has every word as a prefix, by the engine's own full-text index. */
function fullTextMatch(db: DB, q: string) {
  const words = searchWords(q);
  if (!words.length) return null;
  if (engineOf(db) === "postgres")
    return sql<SqlBool>`to_tsvector('simple', materials.search_text) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(" & ")})`;
  return sql<SqlBool>`materials.id in (select rowid from materials_fts where materials_fts match ${ftsQuery(q)})`;
}

/** Every grade a material may be for (0 = preschool children). */
const ALL_GRADES = Array.from({ length: 13 }, (_, g) => g);

/**
 * The grades the list's filter offers (issue 20): a school's staff see their own school's grades (a THCS teacher
 * 6–9); the commune's staff, its leader, a province reader and anyone else, every grade.
 */
export async function gradeChoices(db: DB, actor: Actor): Promise<number[]> {
  const schools = ownSchoolIds(actor);
  if (can(actor, "commune.read") || !schools.length) return ALL_GRADES;
  const rows = await db.selectFrom("units").select("school_level").where("id", "in", schools).execute();
  const grades = new Set(rows.flatMap((r) => (r.school_level ? GRADES_BY_LEVEL[r.school_level] : [])));
  return grades.size ? ALL_GRADES.filter((g) => grades.has(g)) : ALL_GRADES;
}

export interface MaterialFilter {
  q?: string;
  topic?: string;
  kind?: string;
  grade?: number;
  schoolId?: number;
  publicOnly?: boolean;
}

/** Materials the viewer may see, filtered; the search uses the database's full-text index (not a scan in JavaScript). */
export async function listMaterials(
  db: DB,
  actor: Actor | null,
  f: MaterialFilter,
  opts: { page: number; pageSize: number },
) {
  let q = db.selectFrom("materials");
  if (f.publicOnly || !actor) q = q.where("materials.visibility", "=", "public");
  else {
    const reach = reachOf(actor);
    const own = ownSchoolIds(actor);
    const inReach = (eb: ExpressionBuilder<Database, "materials">) =>
      reach ? eb("materials.school_id", "in", reach.length ? reach : [-1]) : sql<SqlBool>`1 = 1`;
    q = q.where((eb) =>
      eb.or([
        eb("materials.visibility", "=", "public"),
        eb.and([eb("materials.visibility", "=", "commune"), inReach(eb)]),
        eb("materials.school_id", "in", own.length ? own : [-1]),
        ...(can(actor, "commune.read") ? [inReach(eb)] : []),
      ]),
    );
  }
  const match = f.q ? fullTextMatch(db, f.q) : null;
  if (f.q && !match) return { total: 0, rows: [] };
  if (match) q = q.where(match);
  if (f.topic)
    q = q.where(
      "materials.id",
      "in",
      db.selectFrom("material_topics").select("material_id").where("topic_code", "=", f.topic),
    );
  if (f.kind) q = q.where("materials.kind", "=", f.kind as Material["kind"]);
  if (f.schoolId) q = q.where("materials.school_id", "=", f.schoolId);
  // grades is a JSON array such as [8,9]: match the number as a whole element, not as a digit (1 is not 11).
  if (f.grade !== undefined) {
    const g = f.grade;
    q = q.where((eb) =>
      eb.or([`[${g}]`, `[${g},%`, `%,${g},%`, `%,${g}]`].map((p) => eb("materials.grades", "like", p))),
    );
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .innerJoin("units", "units.id", "materials.school_id")
    .leftJoin("stored_files", "stored_files.id", "materials.file_id")
    .select([
      "materials.id",
      "materials.title",
      "materials.kind",
      "materials.subject",
      "materials.grades",
      "materials.keywords",
      "materials.visibility",
      "materials.created_at",
      "materials.views",
      "materials.downloads",
      "materials.link_url",
      "stored_files.mime",
      "stored_files.size",
      "units.name as school_name",
    ])
    .orderBy("materials.created_at", "desc")
    .orderBy("materials.id", "desc")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total, rows };
}

/** Deleting a material moves it to the recycle bin; its file stays referenced there until the bin is purged. */
export async function deleteMaterial(
  db: DB,
  actor: Actor,
  material: Material,
  confirmed: boolean,
  ip: string | null = null,
): Promise<void> {
  if (!mayDeleteMaterial(actor, material))
    refuse(canSeeMaterial(actor, material), "Chỉ người đăng hoặc ban giám hiệu mới xóa được học liệu này.");
  requireDeleteConfirmation(confirmed);
  await assertPeriodOpen(db, material.school_id, material.created_at);
  await db.transaction().execute(async (trx) => {
    if (!(await claimRecord(trx, "materials", material.id))) return; // deleted already (a second click)
    await moveToBin(trx, {
      kind: "material",
      recordId: material.id,
      unitId: material.school_id,
      title: material.title,
      summary: "",
      snapshot: [
        { table: "materials", rows: await rowsWhere(trx, "materials", "id", [material.id]) },
        { table: "material_topics", rows: await rowsWhere(trx, "material_topics", "material_id", [material.id]) },
      ],
      fileIds: material.file_id ? [material.file_id] : [],
      actorUserId: actor.userId,
    });
    await trx.deleteFrom("materials").where("id", "=", material.id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: material.school_id,
      action: "delete",
      entity: "material",
      entityId: material.id,
      before: { title: material.title, kind: material.kind },
      ip,
    });
  });
}

/** Counts a view or a download. */
/** The stored file behind a material (its type, size and content key), if it has one. */
export async function materialFile(db: DB, material: Pick<Material, "file_id">) {
  if (!material.file_id) return undefined;
  return db.selectFrom("stored_files").selectAll().where("id", "=", material.file_id).executeTakeFirst();
}

/** The labels of a material's topics. */
export async function materialTopicLabels(db: DB, materialId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("material_topics")
    .innerJoin("vocab_terms", (j) =>
      j.onRef("vocab_terms.code", "=", "material_topics.topic_code").on("vocab_terms.kind", "=", "topic"),
    )
    .select("label")
    .where("material_id", "=", materialId)
    .execute();
  return rows.map((r) => r.label);
}

export async function countUse(db: DB, id: number, what: "views" | "downloads"): Promise<void> {
  await db
    .updateTable("materials")
    .set((eb) => ({ [what]: eb(what, "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** The commune sets a school's storage quota for materials (in MB). */
export async function setQuota(
  db: DB,
  actor: Actor,
  schoolId: number,
  megabytes: number,
  ip: string | null = null,
): Promise<void> {
  if (!managesCommuneUnit(actor, schoolId))
    refuse(reaches(actor, schoolId), "Chỉ cán bộ Phòng Văn hóa - Xã hội mới đặt được hạn mức lưu trữ.");
  if (!Number.isInteger(megabytes) || megabytes < 10 || megabytes > 1_000_000)
    throw new DomainError("Hạn mức từ 10 MB trở lên.", "quota");
  const bytes = megabytes * 1024 * 1024;
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("school_quotas")
      .select("bytes")
      .where("school_id", "=", schoolId)
      .executeTakeFirst();
    await trx
      .insertInto("school_quotas")
      .values({ school_id: schoolId, bytes })
      .onConflict((oc) => oc.column("school_id").doUpdateSet({ bytes }))
      .execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: schoolId,
      action: "update",
      entity: "school_quota",
      entityId: schoolId,
      before: before ?? null,
      after: { bytes },
      ip,
    });
  });
}
