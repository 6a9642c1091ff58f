/**
 * Importing a unit's people from CSV/XLSX: every row is checked and previewed before anything is
 * written; the commit writes all rows or none; rows already as in the file are left alone, so
 * importing the same file again changes nothing. People are matched by their code.
 */
import type { DB } from "../../../db/connection";
import type { Person, PersonCategory, Unit } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import type { Actor } from "../auth/permissions";
import { mapColumns, missingColumnsMessage, readTableFile } from "../imports/table-file";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";
import { personAuditView, personValues, unitRuleErrors } from "./people";
import { personSchema } from "./schemas";
import { categoryFromText, fold, PERSON_CATEGORY_LABELS, personCategoriesFor } from "./vocabulary";
import { canManagePeople, refuse, seesUnit } from "../auth/policies";

export const PEOPLE_COLUMNS = {
  code: ["ma", "ma so", "ma hoc sinh", "ma can bo", "ma dinh danh"],
  fullName: ["ho va ten", "ho ten", "ten"],
  category: ["loai", "doi tuong"],
  grade: ["khoi"],
  className: ["lop"],
  position: ["chuc vu", "vi tri"],
} as const;

/** Headers of the template, in order. */
export const PEOPLE_TEMPLATE_HEADERS = ["Mã", "Họ và tên", "Loại", "Khối", "Lớp", "Chức vụ"];

export type RowStatus = "new" | "update" | "unchanged" | "error";

export interface PreviewRow {
  line: number;
  code: string;
  fullName: string;
  category: PersonCategory | null;
  status: RowStatus;
  errors: string[];
}

export interface ImportPreview {
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  fileErrors: string[];
}

type Values = ReturnType<typeof personValues>;

interface CheckedRow extends PreviewRow {
  values?: Values;
  existing?: Person;
}

async function checkRows(db: DB, unit: Unit, data: Uint8Array): Promise<{ rows: CheckedRow[]; fileErrors: string[] }> {
  const file = await readTableFile(data);
  const table = file.rows;
  const { index, missing } = mapColumns(table[0], PEOPLE_COLUMNS, fold);
  const required = (["code", "fullName", "category"] as const).filter((k) => missing.includes(k));
  const allowed = personCategoriesFor(unit.kind);
  if (required.length) {
    const names: Record<string, string> = { code: "Mã", fullName: "Họ và tên", category: "Loại" };
    return {
      rows: [],
      fileErrors: [
        missingColumnsMessage(
          required.map((k) => names[k]),
          file,
          table[0],
        ),
      ],
    };
  }
  const existing = new Map(
    (await db.selectFrom("people").selectAll().where("unit_id", "=", unit.id).execute()).map((p) => [
      p.code.toLowerCase(),
      p,
    ]),
  );
  const seen = new Map<string, number>();
  const rows: CheckedRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    const get = (k: keyof typeof PEOPLE_COLUMNS) => (index[k] === undefined ? "" : (cells[index[k]!] ?? "").trim());
    if (cells.every((c) => !c?.trim())) continue;
    const line = i + 1;
    const categoryText = get("category");
    const category = categoryFromText(categoryText, allowed);
    const raw = {
      code: get("code"),
      fullName: get("fullName"),
      category: category ?? "",
      grade: get("grade"),
      className: get("className"),
      position: get("position"),
    };
    const row: CheckedRow = { line, code: raw.code, fullName: raw.fullName, category, status: "error", errors: [] };
    const parsed = personSchema.safeParse(raw);
    if (!category)
      row.errors.push(
        categoryText
          ? `Loại “${categoryText}” không hợp lệ (${allowed.map((c) => PERSON_CATEGORY_LABELS[c]).join(", ")}).`
          : "Thiếu loại.",
      );
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        if (issue.path[0] !== "category" || category) row.errors.push(issue.message);
    } else {
      row.errors.push(...Object.values(unitRuleErrors(unit, parsed.data)));
    }
    const key = raw.code.toLowerCase();
    if (raw.code && seen.has(key)) row.errors.push(`Mã trùng với dòng ${seen.get(key)} trong tệp.`);
    else if (raw.code) seen.set(key, line);
    if (!row.errors.length && parsed.success) {
      row.values = personValues(parsed.data);
      const current = existing.get(key);
      if (!current) row.status = "new";
      else {
        row.existing = current;
        const same =
          (Object.keys(row.values) as (keyof Values)[]).every(
            (k) => (current[k] ?? null) === (row.values![k] ?? null),
          ) && current.left_on === null;
        row.status = same ? "unchanged" : "update";
      }
    }
    rows.push(row);
  }
  if (!rows.length) return { rows, fileErrors: ["Tệp không có dòng dữ liệu nào."] };
  return { rows, fileErrors: [] };
}

function summarize(rows: CheckedRow[], fileErrors: string[]): ImportPreview {
  const counts: Record<RowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows: rows.map(({ values, existing, ...r }) => r), counts, fileErrors };
}

export async function previewPeopleImport(db: DB, actor: Actor, unit: Unit, data: Uint8Array): Promise<ImportPreview> {
  if (!canManagePeople(actor, unit)) refuse(seesUnit(actor, unit), "Bạn không có quyền nhập danh sách cho đơn vị này.");
  const { rows, fileErrors } = await checkRows(db, unit, data);
  return summarize(rows, fileErrors);
}

/** Writes every row, or none when any row has an error. Returns what was done. */
export async function commitPeopleImport(
  db: DB,
  actor: Actor,
  unit: Unit,
  data: Uint8Array,
  fileName: string,
  ip: string | null = null,
): Promise<ImportPreview> {
  if (!canManagePeople(actor, unit)) refuse(seesUnit(actor, unit), "Bạn không có quyền nhập danh sách cho đơn vị này.");
  const { rows, fileErrors } = await checkRows(db, unit, data);
  const preview = summarize(rows, fileErrors);
  if (fileErrors.length || preview.counts.error)
    throw new DomainError("Tệp còn dòng lỗi: chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại.");
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    for (const r of rows) {
      if (r.status === "new") {
        const row = await trx
          .insertInto("people")
          .values({ unit_id: unit.id, ...r.values!, user_id: null, left_on: null, created_at: at, updated_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        await writeAudit(trx, {
          actorUserId: actor.userId,
          unitId: unit.id,
          action: "create",
          entity: "person",
          entityId: row.id,
          after: personAuditView(r.values!),
          ip,
        });
      } else if (r.status === "update") {
        const before = r.existing!;
        await trx
          .updateTable("people")
          .set({ ...r.values!, left_on: null, updated_at: at })
          .where("id", "=", before.id)
          .execute();
        const student = before.category === "students" || r.values!.category === "students";
        await writeAudit(trx, {
          actorUserId: actor.userId,
          unitId: unit.id,
          action: "update",
          entity: "person",
          entityId: before.id,
          before: personAuditView(before, student),
          after: personAuditView({ ...r.values!, left_on: null }, student),
          ip,
        });
      }
    }
    // The file's name may carry a class or a pupil's name: the log keeps the counts only.
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: "create",
      entity: "people_import",
      after: { new: preview.counts.new, updated: preview.counts.update, unchanged: preview.counts.unchanged },
      ip,
    });
  });
  return preview;
}
