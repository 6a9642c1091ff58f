/**
 * Whatever was typed (or stored before text was cleaned at the boundary), every generated document stays
 * well-formed: the report's DOCX and XLSX parts parse as XML, and the text comes back (without the
 * characters XML cannot carry).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../app/domain/reports/document-model";
import { parse } from "csv-parse/sync";
import { attendanceWorkbook } from "../../app/domain/attendance/export";
import type { RosterEntry } from "../../app/domain/attendance/attendance";
import { reportDocx, reportXlsx, toCsv } from "../../app/domain/reports/documents";
import type { Activity } from "../../db/schema";
import { cleanText } from "../../app/domain/shared/text";
import { xmlError } from "../support/xml";

const docWith = (text: string): ReportDocument => ({
  issuer: ["UBND XÃ TÂN AN", text],
  number: "Số: 12/BC-UBND",
  placeDate: "Tân An, ngày 26 tháng 11 năm 2026",
  subtitle: text,
  periodLabel: "6 tháng đầu năm 2026",
  sections: [{ heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: [text, `Ghi chú: ${text}`] }],
  indicators: [
    {
      code: "SCH-2.1",
      name: text,
      planRef: "Mục II.2",
      group: "Trường học",
      unit: "percent",
      target: 70,
      value: 75,
      numerator: 45,
      denominator: 60,
      status: "met",
      statusLabel: "Đạt",
    },
  ],
  units: [{ unitName: text, values: { "SCH-2.1": 80 } }],
  recipients: [text],
  signature: { capacity: ["TM. ỦY BAN NHÂN DÂN"], name: text },
});

// Strings with control characters, lone surrogates, U+FFFE/FFFF and combining marks among ordinary text.
const anyText = fc.string({ unit: "binary", minLength: 1, maxLength: 60 });

describe("generated documents, whatever was typed", () => {
  it("the report's DOCX parts are well-formed XML and carry the text", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const zip = await JSZip.loadAsync(await reportDocx(docWith(text)));
        for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
          expect(xmlError(await zip.file(name)!.async("string")), name).toBeNull();
        }
        const body = await zip.file("word/document.xml")!.async("string");
        const visible = cleanText(text).replace(/\s+/g, "");
        const letters = body
          .replace(/<[^>]+>/g, "")
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/\s+/g, "");
        if (visible) expect(letters).toContain(visible);
      }),
      { numRuns: 60 },
    );
  });

  it("the report's XLSX parts are well-formed XML and the unit's name reads back", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const buffer = await reportXlsx(docWith(text));
        const zip = await JSZip.loadAsync(buffer);
        for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
          expect(xmlError(await zip.file(name)!.async("string")), name).toBeNull();
        }
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(buffer as unknown as ArrayBuffer);
        const cells: string[] = [];
        book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
        const expected = cleanText(text).trim();
        if (expected) expect(cells.some((c) => c.includes(expected))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("the attendance XLSX is well-formed, reads back the names and notes, and never starts a cell with a formula", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (name, note) => {
        const activity = {
          title: name,
          starts_at: "2026-10-10T01:00:00.000Z",
          ends_at: "2026-10-10T03:00:00.000Z",
          organizer: { name },
        } as Activity & {
          organizer: { name: string };
        };
        const person: RosterEntry = {
          personId: 1,
          code: name,
          fullName: name,
          category: "students",
          className: name,
          unitId: 1,
          status: "present",
          note,
          markedAt: "2026-10-10T01:05:00.000Z",
        };
        const buffer = await attendanceWorkbook(activity, [
          person,
          { ...person, personId: 2, status: null, note: null, markedAt: null },
        ]);
        const zip = await JSZip.loadAsync(buffer);
        for (const part of Object.keys(zip.files).filter((n) => n.endsWith(".xml")))
          expect(xmlError(await zip.file(part)!.async("string")), part).toBeNull();
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(buffer as unknown as ArrayBuffer);
        const cells: string[] = [];
        book.getWorksheet("Điểm danh")!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
        for (const expected of [cleanText(name).trim(), cleanText(note).trim()].filter(Boolean))
          expect(cells.some((c) => c.includes(expected))).toBe(true);
        for (const c of cells) expect(c).not.toMatch(/^[=+\-@]/);
      }),
      { numRuns: 40 },
    );
  });

  it("a CSV download parses back to the same cells, cleaned, one record per row", async () => {
    await fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), (texts) => {
        const csv = toCsv(
          ["Mã", "Tên"],
          texts.map((t, i) => [i, t]),
        );
        expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        const rows = parse(csv.replace(/^\uFEFF/, ""), { relax_quotes: false }) as string[][];
        expect(rows).toHaveLength(texts.length + 1);
        rows.slice(1).forEach((r, i) => expect(r[1].replace(/^'/, "")).toBe(cleanText(texts[i]).replace(/^'/, "")));
      }),
      { numRuns: 100 },
    );
  });
});
