/**
 * Writes a half-year report (document-model.ts) as a DOCX laid out like a Vietnamese administrative document
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I), as an XLSX workbook of its figures, and its tables as CSV.
 *
 * Layout choices:
 * - DOCX: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body (13 pt header lines and tables,
 *   12 pt "Nơi nhận:", 11 pt recipients). The header is a borderless 2×2 table, so that "Số: …" and the
 *   place-and-date line sit on the same line. The indicator table comes right after the FIRST section
 *   (usually "I. KẾT QUẢ THỰC HIỆN", which it documents); with no sections it follows the subtitle.
 * - XLSX: percentages are stored as the number shown (75 for 75%) with the format `0.0"%"`, counts as plain
 *   numbers; a missing target or result is an empty cell (the "Đánh giá" column says why).
 * - Text cells of XLSX and CSV go through `safeCell`, so that a name typed "=…" is never read as a formula.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from "docx";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import { formatFigure } from "../shared/figures";
import { cleanTexts } from "../shared/text";
import type { ReportDocument, ReportIndicatorRow } from "./document-model";
import { safeCell } from "../shared/cells";
import { fitRowHeight, MONEY_FORMAT, printSetup, styleHeader, wrappedLines } from "../shared/sheets";

const FONT = "Times New Roman";
const CREATOR = "Tân An STEM";

// ---------------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------------

export { formatFigure };

function indicatorLabel(row: ReportIndicatorRow): string {
  return `${row.name} (${row.code})`;
}

// ---------------------------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------------------------

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip rounds down: A4 would be 11905 × 16837, not 11906 × 16838). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** A4 minus the left (30 mm) and right (15 mm) margins. */
const TEXT_WIDTH_MM = 210 - 30 - 15;
/** Left and right columns of the header and signature tables (NĐ 30: issuer on the left, motto on the right). */
const SIDE_COLUMNS_MM = [62, TEXT_WIDTH_MM - 62];
/** TT, Chỉ tiêu, Mục kế hoạch, Chỉ tiêu năm/kỳ, Kết quả, Đánh giá. */
const INDICATOR_COLUMNS_MM = [10, 57, 22, 22, 27, 27];

const pt = (size: number) => size * 2; // docx sizes are half-points

type RunStyle = { size?: number; bold?: boolean; italics?: boolean; underline?: boolean };

function run(text: string, style: RunStyle = {}, lineBreak = false): TextRun {
  return new TextRun({
    text,
    break: lineBreak ? 1 : undefined,
    font: FONT,
    size: pt(style.size ?? 14),
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
  });
}

/** A paragraph of one or more lines (a "\n" in the text starts a new line). */
function para(
  text: string,
  style: RunStyle & {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    firstLine?: number;
    before?: number;
    after?: number;
    keepNext?: boolean;
  } = {},
): Paragraph {
  const lines = text.split("\n");
  return new Paragraph({
    alignment: style.align,
    indent: style.firstLine ? { firstLine: style.firstLine } : undefined,
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    keepNext: style.keepNext,
    children: lines.map((line, i) => run(line, style, i > 0)),
  });
}

/** The short horizontal line under the issuer and under the subtitle: a bottom border narrowed by indents. */
function shortLine(columnWidthMm: number, lineMm: number): Paragraph {
  const side = mm(Math.max(0, (columnWidthMm - lineMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function borderlessTable(widthsMm: number[], rows: Paragraph[][][], cantSplit?: boolean): Table {
  const widths = widthsMm.map(mm);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                borders: NO_CELL_BORDERS,
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

function headerTable(doc: ReportDocument): Table {
  const [leftMm] = SIDE_COLUMNS_MM;
  const issuer = doc.issuer.map((line, i) =>
    para(i === doc.issuer.length - 1 ? line.toLocaleUpperCase("vi-VN") : line, {
      align: AlignmentType.CENTER,
      size: 12,
      bold: i === doc.issuer.length - 1,
    }),
  );
  const motto = [
    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { align: AlignmentType.CENTER, size: 12, bold: true }),
    para("Độc lập - Tự do - Hạnh phúc", { align: AlignmentType.CENTER, size: 14, bold: true, underline: true }),
  ];
  return borderlessTable(SIDE_COLUMNS_MM, [
    [[...issuer, shortLine(leftMm, 25)], motto],
    [
      [para(doc.number, { align: AlignmentType.CENTER, size: 13, before: 120 })],
      [para(doc.placeDate, { align: AlignmentType.CENTER, size: 14, italics: true, before: 120 })],
    ],
  ]);
}

function indicatorCell(widthMm: number, children: Paragraph[], align: "center" | "left" = "center"): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: align === "center" ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: mm(1.5), right: mm(1.5), top: mm(0.5), bottom: mm(0.5) },
    children,
  });
}

/**
 * "48/57", or for long numbers "18.800.000/" and "47.000.000" on two lines: a narrow cell then breaks after the
 * slash, never inside a number.
 */
function countsText(row: ReportIndicatorRow): string {
  const [n, d] = [formatFigure(row.numerator, "count"), formatFigure(row.denominator, "count")];
  return n.length + d.length > 12 ? `${n}/\n${d}` : `${n}/${d}`;
}

function indicatorTable(rows: ReportIndicatorRow[]): Table {
  const W = INDICATOR_COLUMNS_MM;
  const cellText = (text: string, opts: RunStyle & { left?: boolean } = {}) =>
    para(text, { size: 13, align: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER, ...opts });
  const headers = ["TT", "Chỉ tiêu", "Mục kế hoạch", "Chỉ tiêu năm/kỳ", "Kết quả", "Đánh giá"];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => indicatorCell(W[i], [cellText(h, { bold: true })])),
  });
  const body = rows.map((row, i) => {
    const result = [cellText(row.value === null ? "Chưa có số liệu" : formatFigure(row.value, row.unit))];
    if (row.numerator !== null && row.denominator !== null) result.push(cellText(countsText(row), { size: 12 }));
    return new TableRow({
      cantSplit: true,
      children: [
        indicatorCell(W[0], [cellText(String(i + 1))]),
        indicatorCell(W[1], [cellText(indicatorLabel(row), { left: true })], "left"),
        indicatorCell(W[2], [cellText(row.planRef)]),
        indicatorCell(W[3], [cellText(formatFigure(row.target, row.unit))]),
        indicatorCell(W[4], result),
        indicatorCell(W[5], [cellText(row.statusLabel)]),
      ],
    });
  });
  const widths = W.map(mm);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...body],
  });
}

function signatureTable(doc: ReportDocument): Table {
  const recipients = [
    para("Nơi nhận:", { size: 12, bold: true, italics: true }),
    ...doc.recipients.map((r) => para(/^\s*[-–]/.test(r) ? r : `- ${r}`, { size: 11 })),
  ];
  const signer = [
    ...doc.signature.capacity.map((line) => para(line, { align: AlignmentType.CENTER, size: 14, bold: true })),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => para("", { size: 14 })),
    para(doc.signature.name, { align: AlignmentType.CENTER, size: 14, bold: true }),
  ];
  return borderlessTable(SIDE_COLUMNS_MM, [[recipients, signer]], true);
}

/** The report as a Word document (NĐ 30/2020 layout). Its text as stored text (NFC, valid XML) whatever the model holds. */
export async function reportDocx(model: ReportDocument): Promise<Buffer> {
  const doc = cleanTexts(model);
  const body: (Paragraph | Table)[] = [
    headerTable(doc),
    para("BÁO CÁO", { align: AlignmentType.CENTER, bold: true, before: 360, keepNext: true }),
    para(doc.subtitle, { align: AlignmentType.CENTER, bold: true, keepNext: true }),
    shortLine(TEXT_WIDTH_MM, 30),
    para("", { after: 120 }),
  ];
  const table = [
    para(`Bảng. Kết quả thực hiện các chỉ tiêu${doc.periodLabel ? ` (${doc.periodLabel})` : ""}`, {
      align: AlignmentType.CENTER,
      bold: true,
      size: 13,
      before: 120,
      after: 120,
      keepNext: true,
    }),
    indicatorTable(doc.indicators),
  ];
  doc.sections.forEach((section, i) => {
    body.push(
      para(section.heading, {
        bold: true,
        align: AlignmentType.JUSTIFIED,
        firstLine: mm(10),
        before: 120,
        keepNext: true,
      }),
    );
    // The signature block never stands alone on a page: the last paragraph of the last section keeps with it.
    const closing = i === doc.sections.length - 1 && !(i === 0 && doc.indicators.length > 0);
    section.paragraphs.forEach((p, j) =>
      body.push(
        para(p, {
          align: AlignmentType.JUSTIFIED,
          firstLine: mm(10),
          before: 120,
          keepNext: closing && j === section.paragraphs.length - 1,
        }),
      ),
    );
    // The indicator table documents the results, which the first section gives.
    if (i === 0 && doc.indicators.length > 0) body.push(...table);
  });
  if (doc.sections.length === 0 && doc.indicators.length > 0) body.push(...table);
  body.push(para("", { after: 120, keepNext: true }), signatureTable(doc));

  const document = new Document({
    title: `Báo cáo: ${doc.subtitle}`,
    subject: doc.periodLabel,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: pt(14), language: { value: "vi-VN" } },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        // Page numbers from page 2, centred at the top (NĐ 30/2020, Phụ lục I); none on the first page.
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
        },
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------------------------

const PERCENT_NUMFMT = '0.0"%"';

function countNumFmt(value: number): string {
  return Number.isInteger(value) ? "#,##0" : "#,##0.0";
}

function setFigure(cell: ExcelJS.Cell, value: number | null, unit: "percent" | "count"): void {
  if (value === null || !Number.isFinite(value)) return; // empty cell
  cell.value = value;
  cell.numFmt = unit === "percent" ? PERCENT_NUMFMT : countNumFmt(value);
  cell.alignment = { horizontal: "right" };
}

/** A legal, unique sheet name: no []:*?/\, no quote at either end, at most 31 characters. */
function sheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const clean = (s: string) =>
    s
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim();
  const base = clean(wanted) || fallback;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name =
      clean(
        Array.from(base)
          .slice(0, 31 - suffix.length)
          .join(""),
      ) + suffix;
    if (!taken.has(name.toLocaleLowerCase("vi-VN"))) {
      taken.add(name.toLocaleLowerCase("vi-VN"));
      return name;
    }
  }
}

/** Money figures (the budget indicators, BUD-…): amounts in đồng, written with their unit. */
function isMoney(ind: ReportIndicatorRow): boolean {
  return ind.code.startsWith("BUD-");
}

function setAmount(cell: ExcelJS.Cell, value: number | null, ind: ReportIndicatorRow, part: "value" | "count"): void {
  setFigure(cell, value, part === "value" ? ind.unit : "count");
  if (cell.value !== null && isMoney(ind) && (part === "count" || ind.unit === "count")) cell.numFmt = MONEY_FORMAT;
}

/** A title line across the table's columns, wrapped, as tall as its text needs. */
function titleRow(sheet: ExcelJS.Worksheet, text: string, columns: number, widths: number[], bold = false): void {
  const row = sheet.addRow([safeCell(text)]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  if (bold) row.font = { bold: true, size: 13 };
  const width = widths.slice(0, columns).reduce((a, b) => a + b, 0);
  row.height = wrappedLines(text, width) * (bold ? 18 : 15) + 3;
}

/** The report's figures as a workbook: "Tổng hợp" (the indicator table), then one sheet per indicator group by unit. */
export async function reportXlsx(model: ReportDocument): Promise<Buffer> {
  const doc = cleanTexts(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.title = `Báo cáo: ${doc.subtitle}`;
  wb.subject = doc.periodLabel;
  const taken = new Set<string>();

  // --- Tổng hợp --------------------------------------------------------------------------------------------------
  const summary = wb.addWorksheet(sheetName("Tổng hợp", taken, "Tổng hợp"));
  const columns = ["TT", "Chỉ tiêu", "Mục kế hoạch", "Chỉ tiêu năm/kỳ", "Kết quả", "Đánh giá", "Tử số", "Mẫu số"];
  const widths = [5, 55, 12, 18, 18, 18, 20, 20];
  summary.columns = widths.map((width) => ({ width }));
  titleRow(summary, `BÁO CÁO: ${doc.subtitle}`, columns.length, widths, true);
  titleRow(
    summary,
    [doc.issuer[doc.issuer.length - 1], doc.periodLabel, doc.placeDate].filter(Boolean).join(" · "),
    columns.length,
    widths,
  );
  summary.addRow([]);
  const headerRow = summary.addRow(columns);
  styleHeader(headerRow);
  fitRowHeight(headerRow, widths);
  doc.indicators.forEach((ind, i) => {
    const row = summary.addRow([
      i + 1,
      safeCell(indicatorLabel(ind)),
      safeCell(ind.planRef),
      null,
      null,
      safeCell(ind.statusLabel),
      null,
      null,
    ]);
    setAmount(row.getCell(4), ind.target, ind, "value");
    setAmount(row.getCell(5), ind.value, ind, "value");
    setAmount(row.getCell(7), ind.numerator, ind, "count");
    setAmount(row.getCell(8), ind.denominator, ind, "count");
    row.alignment = { vertical: "top" };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    fitRowHeight(row, widths);
  });
  printSetup(summary, {
    headerRow: headerRow.number,
    lastColumn: columns.length,
    lastRow: headerRow.number + doc.indicators.length,
    orientation: "landscape",
  });

  // --- One sheet per group: every unit listed, and the whole commune under them ---------------------------------
  const groups = new Map<string, ReportIndicatorRow[]>();
  for (const ind of doc.indicators) groups.set(ind.group, [...(groups.get(ind.group) ?? []), ind]);
  let groupNo = 0;
  for (const [group, inds] of groups) {
    groupNo++;
    const sheet = wb.addWorksheet(sheetName(group, taken, `Nhóm ${groupNo}`));
    const unitWidth = Math.max(24, ...doc.units.map((u) => Math.min(45, u.unitName.length + 2)));
    const groupWidths = [unitWidth, ...inds.map(() => 20)];
    sheet.columns = groupWidths.map((width) => ({ width }));
    const header = sheet.addRow([
      "Đơn vị",
      ...inds.map((ind) =>
        safeCell(`${ind.code} – ${ind.name}${isMoney(ind) && ind.unit === "count" ? " (đồng)" : ""}`),
      ),
    ]);
    styleHeader(header);
    fitRowHeight(header, groupWidths);
    for (const unit of doc.units) {
      const row = sheet.addRow([safeCell(unit.unitName)]);
      row.getCell(1).alignment = { wrapText: true, vertical: "top" };
      inds.forEach((ind, j) => setAmount(row.getCell(j + 2), unit.values[ind.code] ?? null, ind, "value"));
      fitRowHeight(row, groupWidths);
    }
    // A commune-wide total under several units; a single unit's report has its own row only.
    if (doc.units.length > 1) {
      const total = sheet.addRow(["Toàn xã"]);
      inds.forEach((ind, j) => setAmount(total.getCell(j + 2), ind.value, ind, "value"));
      total.font = { bold: true };
      total.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
    }
    // The filter covers the units, not the "Toàn xã" total under them.
    printSetup(sheet, {
      headerRow: 1,
      lastColumn: 1 + inds.length,
      lastRow: 1 + doc.units.length,
      orientation: inds.length > 5 ? "landscape" : "portrait",
    });
    sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------------------------

/**
 * A table as RFC 4180 CSV: UTF-8 with a BOM (so Excel reads Vietnamese), CRLF line ends, fields quoted when they hold
 * a comma, quote or line break, no value → empty field. Numbers are written as JavaScript writes them ("85.5"); text
 * that a spreadsheet would take for a formula gets a leading apostrophe (`safeCell`).
 */
export function toCsv(columns: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) =>
    v === null || v === undefined ? "" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : safeCell(v);
  return stringify([columns.map(cell), ...rows.map((r) => r.map(cell))], {
    bom: true,
    record_delimiter: "windows",
    // With a record delimiter given, csv-stringify only quotes fields holding "\r\n" unless told to quote any line break.
    quote_record_delimiter: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One table as XLSX (the records behind a figure)
// ---------------------------------------------------------------------------------------------------------------

/**
 * A table as a workbook of one sheet: a title line, the header row frozen, filtered and repeated on every printed
 * page, A4 landscape fitted to the page width; numbers stay numbers, text goes through `safeCell`.
 */
export async function tableXlsx(
  title: string,
  subtitle: string,
  columns: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tân An STEM";
  const sheet = wb.addWorksheet(sheetName(title, new Set(), "Bảng"));
  sheet.addRow([safeCell(cleanTexts(title))]).font = { bold: true, size: 13 };
  sheet.addRow([safeCell(cleanTexts(subtitle))]);
  const header = sheet.addRow(columns.map((c) => safeCell(c)));
  styleHeader(header);
  for (const r of rows)
    sheet.addRow(
      r.map((v) =>
        v === null ? null : typeof v === "number" ? (Number.isFinite(v) ? v : null) : safeCell(cleanTexts(v)),
      ),
    );
  printSetup(sheet, {
    headerRow: header.number,
    lastColumn: columns.length,
    lastRow: header.number + rows.length,
    orientation: "landscape",
  });
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(columns[i]?.length ?? 0, ...rows.slice(0, 500).map((r) => String(r[i] ?? "").length));
    col.width = Math.min(50, Math.max(8, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
