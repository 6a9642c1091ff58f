/** The materials list, filtered and searched as on its page, as a workbook (issue 19). */
import type { DB } from "../../../db/connection";
import type { Actor } from "../auth/permissions";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { DATE_TIME_FORMAT, vietnamDateCell } from "../shared/sheets";
import { gradeLabel } from "../units/vocabulary";
import { listMaterials, materialKeywords, type MaterialFilter } from "./materials";
import { MATERIAL_KIND_LABELS, VISIBILITY_LABELS } from "./vocabulary";
import { unitNameInReach } from "../units/units";

/** Each material's topics in words, read a bounded number of materials at a time. */
async function topicLabels(db: DB, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("material_topics")
      .innerJoin("vocab_terms", (j) =>
        j.onRef("vocab_terms.code", "=", "material_topics.topic_code").on("vocab_terms.kind", "=", "topic"),
      )
      .select(["material_topics.material_id", "vocab_terms.label"])
      .where("material_topics.material_id", "in", ids.slice(i, i + 500))
      .orderBy("vocab_terms.sort_order")
      .execute();
    for (const r of rows) out.set(r.material_id, [...(out.get(r.material_id) ?? []), r.label]);
  }
  return out;
}

export async function materialsWorkbook(db: DB, actor: Actor, f: MaterialFilter): Promise<Buffer> {
  const [{ total, rows }, topic, school] = await Promise.all([
    listMaterials(db, actor, f, { page: 1, pageSize: LIST_DOWNLOAD_LIMIT }),
    f.topic
      ? db
          .selectFrom("vocab_terms")
          .select("label")
          .where("kind", "=", "topic")
          .where("code", "=", f.topic)
          .executeTakeFirst()
      : undefined,
    unitNameInReach(db, actor, f.schoolId),
  ]);
  const topics = await topicLabels(
    db,
    rows.map((m) => m.id),
  );
  const filters = [
    f.q && `Tìm “${f.q}”`,
    topic && `Nội dung: ${topic.label}`,
    f.kind && `Loại: ${MATERIAL_KIND_LABELS[f.kind as keyof typeof MATERIAL_KIND_LABELS] ?? f.kind}`,
    f.grade !== undefined && gradeLabel(f.grade),
    school && `Trường: ${school.name}`,
  ];
  return listWorkbook({
    sheet: "Học liệu",
    title: "DANH SÁCH HỌC LIỆU SỐ",
    filters,
    total,
    rows,
    columns: [
      { header: "Học liệu", width: 40, value: (m) => m.title },
      { header: "Loại", width: 18, value: (m) => MATERIAL_KIND_LABELS[m.kind] },
      { header: "Môn học", width: 16, value: (m) => m.subject },
      { header: "Khối", width: 14, value: (m) => (JSON.parse(m.grades) as number[]).map(gradeLabel).join(", ") },
      { header: "Nội dung", width: 30, value: (m) => (topics.get(m.id) ?? []).join("; ") },
      { header: "Từ khoá", width: 24, value: (m) => materialKeywords(m).join("; ") },
      { header: "Trường", width: 26, value: (m) => m.school_name },
      { header: "Chia sẻ", width: 16, value: (m) => VISIBILITY_LABELS[m.visibility] },
      { header: "Ngày đăng", width: 17, format: DATE_TIME_FORMAT, value: (m) => vietnamDateCell(m.created_at) },
      { header: "Lượt xem", width: 9, value: (m) => m.views },
      { header: "Lượt tải", width: 9, value: (m) => m.downloads },
    ],
  });
}
