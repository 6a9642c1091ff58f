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
import { reportDocx, reportXlsx } from "../../app/domain/reports/documents";
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
});
