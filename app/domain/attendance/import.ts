/**
 * Importing an activity's attendance from CSV/XLSX: people matched by their staff or student code among
 * the importer's own people; every row previewed (matched, unmatched, duplicated, bad status) before
 * anything is written; then all rows or none; the same file again changes nothing.
 */
import type { DB } from "../../../db/connection";
import type { Activity, AttendanceStatus } from "../../../db/schema";
import type { Actor } from "../auth/permissions";
import { mapColumns, missingColumnsMessage, readTableFile } from "../imports/table-file";
import { fold } from "../people/vocabulary";
import { normalizeCode } from "../people/people";
import { DomainError } from "../shared/errors";
import { recordMarks, type Mark } from "./attendance";
import { ATTENDANCE_STATUS_LABELS, STATUS_ALIASES } from "./vocabulary";
import { markableUnitIds, refuse } from "../auth/policies";

export const ATTENDANCE_COLUMNS = {
  code: ["ma", "ma so", "ma hoc sinh", "ma can bo", "ma giao vien"],
  status: ["trang thai", "diem danh", "co mat"],
  note: ["ghi chu"],
  fullName: ["ho va ten", "ho ten"],
} as const;

export type AttendanceRowStatus = "new" | "update" | "unchanged" | "error";

export interface AttendancePreviewRow {
  line: number;
  code: string;
  fullName: string;
  status: AttendanceRowStatus;
  mark: AttendanceStatus | null;
  errors: string[];
}

export interface AttendancePreview {
  rows: AttendancePreviewRow[];
  counts: Record<AttendanceRowStatus, number>;
  fileErrors: string[];
}

export function statusFromText(text: string): AttendanceStatus | null {
  const f = fold(text);
  if (!f) return "present";
  for (const [status, aliases] of Object.entries(STATUS_ALIASES) as [AttendanceStatus, string[]][]) {
    if (aliases.includes(f) || fold(ATTENDANCE_STATUS_LABELS[status]) === f) return status;
  }
  return null;
}

/** Checks every row of the file against the importer's people and the activity's current marks. */
export async function checkAttendanceFile(
  db: DB,
  actor: Actor,
  activity: Activity,
  data: Uint8Array,
): Promise<{ preview: AttendancePreview; marks: Mark[]; unitOf: Map<number, number> }> {
  const file = await readTableFile(data);
  const table = file.rows;
  // The header may sit below a title (the attendance export has three title rows): the first row with a "Mã" column.
  const headerAt = Math.max(
    0,
    table.slice(0, 10).findIndex((r) => !mapColumns(r, ATTENDANCE_COLUMNS, fold).missing.includes("code")),
  );
  const { index, missing } = mapColumns(table[headerAt], ATTENDANCE_COLUMNS, fold);
  const empty = { new: 0, update: 0, unchanged: 0, error: 0 };
  if (missing.includes("code"))
    return {
      preview: { rows: [], counts: empty, fileErrors: [missingColumnsMessage(["Mã"], file, table[headerAt])] },
      marks: [],
      unitOf: new Map(),
    };
  const units = await markableUnitIds(db, actor);
  if (!units.length) refuse(true, "Bạn không có quyền điểm danh.");
  const people = await db
    .selectFrom("people")
    .select(["id", "code", "full_name", "unit_id"])
    .where("unit_id", "in", units)
    .where("left_on", "is", null)
    .execute();
  const byCode = new Map<string, (typeof people)[number][]>();
  for (const p of people) {
    const same = byCode.get(p.code);
    if (same) same.push(p);
    else byCode.set(p.code, [p]);
  }
  const current = new Map(
    (
      await db
        .selectFrom("attendance")
        .select(["person_id", "status", "note"])
        .where("activity_id", "=", activity.id)
        .execute()
    ).map((a) => [a.person_id, a]),
  );
  const seen = new Map<string, number>();
  const rows: AttendancePreviewRow[] = [];
  // A file repeats a handful of status words: read each once.
  const statusOf = new Map<string, { skip: boolean; mark: AttendanceStatus | null }>();
  const readStatus = (text: string) => {
    let s = statusOf.get(text);
    if (!s) statusOf.set(text, (s = { skip: fold(text) === "chua diem danh", mark: statusFromText(text) }));
    return s;
  };
  const marks: Mark[] = [];
  const unitOf = new Map<number, number>();
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => !c?.trim())) continue;
    const get = (k: keyof typeof ATTENDANCE_COLUMNS) => (index[k] === undefined ? "" : (cells[index[k]!] ?? "").trim());
    const line = i + 1;
    const code = normalizeCode(get("code"));
    const row: AttendancePreviewRow = { line, code, fullName: "", status: "error", mark: null, errors: [] };
    // A row of the export left as "Chưa điểm danh" says nothing: skipped, not an error.
    const status = readStatus(get("status"));
    if (status.skip) {
      rows.push({ ...row, status: "unchanged" });
      continue;
    }
    const mark = status.mark;
    const note = get("note").slice(0, 200);
    if (!code) row.errors.push("Thiếu mã.");
    if (!mark)
      row.errors.push(`Trạng thái “${get("status")}” không hợp lệ (Có mặt, Đến muộn, Vắng có phép, Vắng không phép).`);
    if (code && seen.has(code)) row.errors.push(`Mã trùng với dòng ${seen.get(code)} trong tệp.`);
    else if (code) seen.set(code, line);
    const found = code ? (byCode.get(code) ?? []) : [];
    if (code && found.length === 0) row.errors.push("Không tìm thấy người có mã này trong danh sách của đơn vị.");
    if (found.length > 1) row.errors.push("Mã này có ở nhiều đơn vị: không xác định được người.");
    if (found.length === 1) row.fullName = found[0].full_name;
    if (!row.errors.length && found.length === 1 && mark) {
      const before = current.get(found[0].id);
      row.mark = mark;
      row.status = !before ? "new" : before.status === mark && (before.note ?? "") === note ? "unchanged" : "update";
      if (row.status !== "unchanged") {
        marks.push({ personId: found[0].id, status: mark, note });
        unitOf.set(found[0].id, found[0].unit_id);
      }
    }
    rows.push(row);
  }
  const counts = { ...empty };
  for (const r of rows) counts[r.status]++;
  return {
    preview: { rows, counts, fileErrors: rows.length ? [] : ["Tệp không có dòng dữ liệu nào."] },
    marks,
    unitOf,
  };
}

/** Writes every mark of a clean file, or none. */
export async function commitAttendanceFile(
  db: DB,
  actor: Actor,
  activity: Activity,
  data: Uint8Array,
  ip: string | null = null,
): Promise<AttendancePreview> {
  const { preview, marks, unitOf } = await checkAttendanceFile(db, actor, activity, data);
  if (preview.fileErrors.length || preview.counts.error)
    throw new DomainError("Tệp còn dòng lỗi: chưa ghi dòng nào. Hãy sửa tệp rồi tải lên lại.");
  // The check already resolved every code among the importer's own people (and their units).
  await recordMarks(db, actor, activity, marks, "import", ip, actor.userId, { checkedUnits: unitOf });
  return preview;
}
