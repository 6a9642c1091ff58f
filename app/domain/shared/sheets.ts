/**
 * How every workbook the app writes prints and reads (issue 18): A4, fitted to the page width, the header row
 * frozen, filtered and repeated on every printed page; dates as dates (sortable), in Vietnam time; row heights
 * that fit wrapped text.
 */
import type ExcelJS from "exceljs";

/** A4 (paper size 9), fitted to one page wide and as many pages tall as needed. */
export function printSetup(
  sheet: ExcelJS.Worksheet,
  o: { headerRow: number; lastColumn: number; lastRow?: number; orientation?: "portrait" | "landscape" },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: o.orientation ?? "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${o.headerRow}:${o.headerRow}`,
  };
  sheet.headerFooter = { oddFooter: "&CTrang &P/&N" };
  sheet.views = [{ state: "frozen", ySplit: o.headerRow, xSplit: 0 }];
  sheet.autoFilter = {
    from: { row: o.headerRow, column: 1 },
    to: { row: Math.max(o.headerRow, o.lastRow ?? o.headerRow), column: o.lastColumn },
  };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
}

/** Points per printed line of 11 pt text, and characters per unit of column width (a little under one). */
const LINE_PT = 15;
const CHARS_PER_WIDTH = 1.1;

/** Lines a text takes wrapped in a column of that width (its own line breaks count). */
export function wrappedLines(text: string, width: number, bold = false): number {
  // Bold text is wider; words do not break mid-way, so a line holds a little less than its width.
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH * (bold ? 0.8 : 0.95)));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** Sets a row's height so that each of its wrapped cells shows whole (widths by column number, from 1). */
export function fitRowHeight(row: ExcelJS.Row, widths: number[], minLines = 1): void {
  let lines = minLines;
  row.eachCell((cell, col) => {
    if (typeof cell.value === "string" && cell.alignment?.wrapText)
      lines = Math.max(lines, wrappedLines(cell.value, widths[col - 1] ?? 10, Boolean(cell.font?.bold)));
  });
  row.height = Math.min(409, lines * LINE_PT + 3); // Excel's largest row height
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * An instant as a spreadsheet date showing its Vietnam wall-clock time (spreadsheets have no time zone: the
 * serial number written is the local time), or null.
 */
export function vietnamDateCell(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + VIETNAM_OFFSET_MS) : null;
}

export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
export const MONEY_FORMAT = '#,##0" đồng"';

/** A calendar date ("YYYY-MM-DD") as a spreadsheet date, or null. */
export function calendarDateCell(date: string | null | undefined): Date | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const d = new Date(`${date.slice(0, 10)}T00:00:00.000Z`);
  return Number.isFinite(d.getTime()) ? d : null;
}

export const DATE_FORMAT = "dd/mm/yyyy";
