/**
 * A list as the page shows it, filtered, as a workbook of one sheet (issue 19): a title, the filters in words and
 * when it was made, then a numbered table whose header row is frozen, filtered and repeated on every printed page
 * (A4 landscape, fitted to the width). Text goes through `safeCell` (never a formula, nothing XML cannot carry);
 * numbers stay numbers and dates dates.
 */
import ExcelJS from "exceljs";
import { safeCell } from "./cells";
import { formatDateTime, formatNumber } from "./format";
import { fitRowHeight, printSetup, styleHeader } from "./sheets";

/** The most rows a list's download holds; a longer list says how many are left out (filter it further). */
export const LIST_DOWNLOAD_LIMIT = 10_000;

export type SheetValue = string | number | Date | null | undefined;

export interface SheetColumn<Row> {
  header: string;
  /** In characters (Excel's column width). */
  width: number;
  value: (row: Row) => SheetValue;
  /** Excel's number format for numbers and dates (DATE_FORMAT, DATE_TIME_FORMAT, …). */
  format?: string;
}

export async function listWorkbook<Row>(o: {
  /** The sheet's name (at most 31 characters, none of []:*?/\). */
  sheet: string;
  title: string;
  /** The filters in words ("Năm: 2026"); empty ones are left out; none: the whole list. */
  filters: (string | false | null | undefined | 0)[];
  columns: SheetColumn<Row>[];
  rows: Row[];
  /** Rows the list holds; more than `rows`: the sheet says how many were left out. */
  total: number;
  now?: Date;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tân An STEM";
  const sheet = wb.addWorksheet(o.sheet);
  // The first column numbers the rows.
  const widths = [6, ...o.columns.map((c) => c.width)];
  sheet.columns = widths.map((width) => ({ width }));
  sheet.addRow([safeCell(o.title)]).font = { bold: true, size: 13 };
  const filters = o.filters.filter(Boolean);
  sheet.addRow([safeCell(filters.length ? `Lọc theo: ${filters.join(" · ")}` : "Toàn bộ danh sách (không lọc)")]);
  sheet.addRow([`${formatNumber(o.total)} mục · Xuất lúc ${formatDateTime(o.now ?? new Date())} từ Tân An STEM`]).font =
    { italic: true };
  const header = sheet.addRow(["STT", ...o.columns.map((c) => safeCell(c.header))]);
  styleHeader(header);
  fitRowHeight(header, widths);
  o.rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      ...o.columns.map((c) => {
        const v = c.value(r);
        if (typeof v === "string") return safeCell(v);
        if (typeof v === "number") return Number.isFinite(v) ? v : null;
        return v ?? null;
      }),
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    fitRowHeight(row, widths);
  });
  o.columns.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 2).numFmt = c.format;
  });
  if (o.total > o.rows.length)
    sheet.addRow([
      `… và ${formatNumber(o.total - o.rows.length)} mục nữa không có trong tệp này (tối đa ${formatNumber(o.rows.length)} dòng): hãy lọc hẹp hơn.`,
    ]);
  printSetup(sheet, {
    headerRow: header.number,
    lastColumn: widths.length,
    lastRow: header.number + o.rows.length,
    orientation: "landscape",
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
