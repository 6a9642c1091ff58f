/** Reads back a list's download (app/domain/shared/list-workbook.ts): its filter line and its rows by header. */
import ExcelJS from "exceljs";

export type SheetRow = Record<string, string | number | Date | null>;

export interface ListSheet {
  title: string;
  /** "Lọc theo: …" or "Toàn bộ danh sách (không lọc)". */
  filters: string;
  /** The line that says how many rows the list holds. */
  count: string;
  header: string[];
  rows: SheetRow[];
  /** Every text cell of the sheet, one per line (to look for what must not be there). */
  text: string;
  sheet: ExcelJS.Worksheet;
}

const plain = (v: ExcelJS.CellValue): string | number | Date | null =>
  v === null || v === undefined
    ? null
    : typeof v === "object" && !(v instanceof Date)
      ? "richText" in v
        ? v.richText.map((r) => r.text).join("")
        : String((v as { text?: unknown }).text ?? "")
      : (v as string | number | Date);

export async function readListSheet(body: ArrayBuffer | Uint8Array): Promise<ListSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as ArrayBuffer); // a Buffer or an ArrayBuffer alike
  const sheet = wb.worksheets[0];
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === "STT") headerRow = n;
  });
  if (!headerRow) throw new Error("no header row (STT) in the workbook");
  const header = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1).map((v) => String(plain(v)));
  const rows: SheetRow[] = [];
  for (let n = headerRow + 1; typeof sheet.getRow(n).getCell(1).value === "number"; n++) {
    const row = sheet.getRow(n);
    rows.push(Object.fromEntries(header.map((h, i) => [h, plain(row.getCell(i + 1).value)])));
  }
  const text: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((c) => typeof plain(c.value) === "string" && text.push(plain(c.value) as string)),
  );
  return {
    title: String(plain(sheet.getCell("A1").value)),
    filters: String(plain(sheet.getCell("A2").value)),
    count: String(plain(sheet.getCell("A3").value)),
    header,
    rows,
    text: text.join("\n"),
    sheet,
  };
}

/** The values of one column, sorted (a multiset to compare). */
export function column(rows: SheetRow[], header: string): string[] {
  return rows.map((r) => String(r[header] ?? "")).sort();
}
