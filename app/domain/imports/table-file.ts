/**
 * Reads the first sheet of an uploaded table, CSV or XLSX, into rows of text.
 * The kind is decided from the bytes (an XLSX file is a ZIP archive), not from the name.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { DomainError } from "../shared/errors";
import { cleanText } from "../shared/text";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 120_000;
export const MAX_IMPORT_COLUMNS = 40;

function isZip(buf: Uint8Array): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

const DELIMITERS = [",", ";", "\t"] as const;
type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "dấu phẩy (,)", ";": "dấu chấm phẩy (;)", "\t": "dấu tab" };

/**
 * A CSV has one delimiter, the one that splits its header and the rows under it alike: for each of comma,
 * semicolon and tab, the first ten lines are counted (outside quotes), and the delimiter that the most lines
 * hold the same number of times wins (then the one with more columns; then semicolon, tab, comma). A title
 * line above the header ("Danh sách lớp 6A1, 6A2") does not decide, and a semicolon file keeps
 * "Tổ trưởng, chủ nhiệm 6A1" whole.
 */
export function csvDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/, 10).filter((l) => l.trim());
  const scored = DELIMITERS.map((d) => {
    const counts = lines.map((line) => {
      let quoted = false;
      let n = 0;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && ch === d) n++;
      }
      return n;
    });
    const tally = new Map<number, number>();
    for (const n of counts) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    const [columns, agreeing] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    return { d, agreeing, columns };
  });
  scored.sort(
    (a, b) => b.agreeing - a.agreeing || b.columns - a.columns || PREFERENCE.indexOf(a.d) - PREFERENCE.indexOf(b.d),
  );
  return scored[0].agreeing > 0 ? scored[0].d : ",";
}
const PREFERENCE: Delimiter[] = [";", "\t", ","];

export interface TableFile {
  rows: string[][];
  /** How the file was read, in words for a message: "Excel (.xlsx)" or "CSV, phân tách bằng dấu chấm phẩy (;)". */
  readAs: string;
}

/** Says which columns are missing, how the file was read and which headers it has: enough to fix the file. */
export function missingColumnsMessage(missing: string[], table: TableFile, header: string[]): string {
  const seen = header.filter((h) => h.trim()).map((h) => `“${h}”`);
  return `Thiếu cột: ${missing.map((m) => `“${m}”`).join(", ")}. Tệp được đọc là ${table.readAs}, với các cột: ${seen.length ? seen.join(", ") : "(không có)"}. Hãy dùng tệp mẫu.`;
}

export async function readTableFile(buf: Uint8Array): Promise<TableFile> {
  if (buf.length === 0) throw new DomainError("Tệp trống.", "file");
  if (buf.length > MAX_IMPORT_BYTES) throw new DomainError("Tệp quá lớn (tối đa 5 MB).", "file");
  let rows: string[][];
  let readAs = "Excel (.xlsx)";
  if (isZip(buf)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
    } catch {
      throw new DomainError("Không đọc được tệp Excel. Hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8).", "file");
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new DomainError("Tệp Excel không có trang tính nào.", "file");
    if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS)
      throw new DomainError(`Tệp có quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")}).`, "file");
    // Only the columns under a header are read: one stray cell far to the right must not make every row 16,384 cells wide.
    // (The header may sit below a title row: the widest of the first rows sets the width.)
    let width = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount); r++)
      width = Math.max(width, Math.min(MAX_IMPORT_COLUMNS, sheet.getRow(r).cellCount));
    rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      for (let c = 1; c <= width; c++) values.push(cleanText(cellText(row.getCell(c).value)).trim());
      rows[rowNumber - 1] = values;
    });
    rows = Array.from(rows, (r) => r ?? []);
  } else {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch {
      throw new DomainError(
        "Tệp không phải CSV mã UTF-8 hoặc Excel (.xlsx). Trong Excel, chọn Lưu thành “CSV UTF-8”.",
        "file",
      );
    }
    if (text.includes("\u0000")) throw new DomainError("Tệp không phải bảng CSV hoặc Excel (.xlsx).", "file");
    const body = text.replace(/^\uFEFF/, "");
    const delimiter = csvDelimiter(body);
    readAs = `CSV, phân tách bằng ${DELIMITER_NAMES[delimiter]}`;
    try {
      rows = parse(body, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
        bom: true,
      }) as string[][];
      rows = rows.map((r) => r.slice(0, MAX_IMPORT_COLUMNS).map(cleanText));
    } catch (e) {
      throw new DomainError(`Tệp CSV bị lỗi định dạng: ${(e as Error).message.split("\n")[0]}`, "file");
    }
  }
  // Keep line numbers true: drop only trailing empty rows.
  while (rows.length && rows[rows.length - 1].every((c) => !c)) rows.pop();
  if (rows.length < 2) throw new DomainError("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", "file");
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw new DomainError(`Tệp có quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")}).`, "file");
  return { rows, readAs };
}

/** Finds each wanted column by its header, ignoring diacritics, case and spacing. */
export function mapColumns<K extends string>(
  header: string[],
  wanted: Record<K, readonly string[]>,
  fold: (s: string) => string,
): { index: Partial<Record<K, number>>; missing: K[] } {
  const folded = header.map((h) => fold(h));
  const index: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const i = folded.findIndex((h) => wanted[key].includes(h));
    if (i >= 0) index[key] = i;
    else missing.push(key);
  }
  return { index, missing };
}
