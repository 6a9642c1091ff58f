/**
 * Issue 18: the documents print as an office prints them. Each check reads the file back: the DOCX's page-number
 * field and first-page header, the signer, numbers kept whole, the signature kept with the text before it; the
 * XLSX's paper size, fit to width, print titles, frozen header and filter on every sheet, row heights, money in
 * đồng; the attendance sheet's dates as dates.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { attendanceWorkbook } from "../../app/domain/attendance/export";
import { documentDefaults, unitSignature } from "../../app/domain/reports/document-content";
import type { ReportDocument, ReportIndicatorRow } from "../../app/domain/reports/document-model";
import { reportDocx, reportXlsx, tableXlsx } from "../../app/domain/reports/documents";

const row = (over: Partial<ReportIndicatorRow>): ReportIndicatorRow => ({
  code: "NQ57-25a",
  name: "Tỷ lệ lãnh đạo, cán bộ, công chức, viên chức được tuyên truyền Nghị quyết 57",
  planRef: "II.1.a",
  group: "Tuyên truyền",
  unit: "percent",
  target: 100,
  value: 80,
  numerator: 248,
  denominator: 310,
  status: "behind",
  statusLabel: "Chưa đạt",
  ...over,
});

const doc: ReportDocument = {
  issuer: ["UBND XÃ TÂN AN", "PHÒNG VĂN HÓA - XÃ HỘI"],
  ...unitSignature({ id: 1, name: "UBND xã Tân An", kind: "commune", signer_name: "Trần Thị Thu Hà" }),
  placeDate: "Tân An, ngày 06 tháng 12 năm 2026",
  subtitle: "Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW 6 tháng đầu năm 2026",
  periodLabel: "6 tháng đầu năm 2026",
  sections: [
    { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1} của báo cáo.`) },
    { heading: "II. PHƯƠNG HƯỚNG", paragraphs: ["Tiếp tục.", "Đôn đốc các đơn vị gửi báo cáo đúng hạn."] },
  ],
  indicators: [
    row({}),
    row({
      code: "BUD-IV",
      name: "Kinh phí: dự toán và thực chi",
      group: "Ngày kỷ niệm, báo cáo, kinh phí",
      value: 94.9,
      numerator: 18_800_000,
      denominator: 19_800_000,
      status: "met",
      statusLabel: "Đạt",
    }),
    row({
      code: "DAY-1.2",
      name: "Hoạt động hưởng ứng các ngày 18/5, 01/10, 10/10",
      group: "Ngày kỷ niệm, báo cáo, kinh phí",
      value: 60,
      numerator: 6,
      denominator: 10,
    }),
  ],
  units: [
    { unitName: "UBND xã Tân An", values: { "NQ57-25a": 70, "BUD-IV": 90, "DAY-1.2": 0 } },
    { unitName: "Phòng Văn hóa - Xã hội", values: { "NQ57-25a": 85, "BUD-IV": 100, "DAY-1.2": 0 } },
    { unitName: "Trường THCS Tân An", values: { "NQ57-25a": 90, "BUD-IV": 95, "DAY-1.2": 100 } },
  ],
  recipients: ["UBND tỉnh;", "Lưu: VT, VHXH."],
  signature: { capacity: ["TRƯỞNG PHÒNG"], name: "Trần Thị Thu Hà" },
};

async function docxXml(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const files = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)!.async("string");
  return { files, read, document: await read("word/document.xml") };
}

describe("the DOCX prints as NĐ 30/2020 asks", () => {
  it("numbers pages from page 2, centred at the top; the first page has no number", async () => {
    const { files, read, document } = await docxXml(await reportDocx(doc));
    expect(document).toContain("<w:titlePg/>");
    const headers = files.filter((f) => /^word\/header\d+\.xml$/.test(f));
    const texts = await Promise.all(headers.map(read));
    const numbered = texts.filter((x) => /<w:fldChar|<w:instrText[^>]*>\s*PAGE\s*</.test(x));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
    expect(texts.some((x) => !/PAGE/.test(x))).toBe(true); // the first page's header: empty
    expect(document).toMatch(/<w:headerReference w:type="first"/);
  });

  it("names the signer and the unit's abbreviation; a long count breaks after its slash, never inside a number", async () => {
    const { document } = await docxXml(await reportDocx(doc));
    const text = document.replace(/<w:br\/>/g, "\n").replace(/<[^>]+>/g, "");
    expect(text).toContain("Trần Thị Thu Hà");
    expect(text).toContain("/BC-VHXH");
    expect(text).toContain("18.800.000/\n19.800.000");
    expect(text).toContain("248/310"); // short: one line
  });

  it("keeps the last paragraph with the signature block", async () => {
    const { document } = await docxXml(await reportDocx(doc));
    const last = document.indexOf("Đôn đốc các đơn vị gửi báo cáo đúng hạn.");
    const paragraph = document.slice(document.lastIndexOf("<w:p>", last), last);
    expect(paragraph).toContain("<w:keepNext/>");
    const signer = document.indexOf("Nơi nhận:");
    const rowStart = document.lastIndexOf("<w:tr>", signer);
    expect(document.slice(rowStart, signer)).toContain("<w:cantSplit/>");
  });

  it("takes each unit's signer and abbreviation, else defaults by kind of unit", () => {
    expect(unitSignature({ id: 2, name: "Trường THCS Tân An", kind: "school" })).toEqual({
      number: "Số:       /BC-THCSTA",
      signature: { capacity: ["HIỆU TRƯỞNG"], name: "" },
    });
    expect(
      unitSignature({
        id: 3,
        name: "Trường THCS Tân An",
        kind: "school",
        signer_name: "Phạm Thị Lan",
        signer_title: "KT. HIỆU TRƯỞNG",
        doc_abbreviation: "THCS",
      }),
    ).toEqual({ number: "Số:       /BC-THCS", signature: { capacity: ["KT. HIỆU TRƯỞNG"], name: "Phạm Thị Lan" } });
    expect(documentDefaults({ name: "Phòng Kinh tế", kind: "office" })).toEqual({
      title: "TRƯỞNG PHÒNG",
      abbreviation: "PKT",
    });
    expect(documentDefaults({ name: "Văn phòng HĐND và UBND xã", kind: "office" }).title).toBe("CHÁNH VĂN PHÒNG");
  });
});

describe("the XLSX annexes print on A4, fitted to the width, with their header on every page", () => {
  it("sets paper, fit, print titles, frozen header and filter on every sheet; rows as tall as their text; money in đồng", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportXlsx(doc)) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBe(3);
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.pageSetup.fitToPage, sheet.name).toBe(true);
      expect(sheet.pageSetup.fitToWidth, sheet.name).toBe(1);
      expect(sheet.pageSetup.fitToHeight, sheet.name).toBe(0);
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toMatch(/^\d+:\d+$/);
      expect(sheet.views[0]).toMatchObject({ state: "frozen" });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
    }
    const summary = book.getWorksheet("Tổng hợp")!;
    const header = Number(summary.pageSetup.printTitlesRow!.split(":")[0]);
    expect(summary.getRow(header).getCell(2).value).toBe("Chỉ tiêu");
    // The title spans the table and shows whole; a wrapped "Chỉ tiêu" row is taller than one line.
    expect(summary.getCell("A1").isMerged).toBe(true);
    const first = summary.getRow(header + 1);
    expect(first.height).toBeGreaterThan(15);
    const money = summary.getRow(header + 2);
    expect(money.getCell(7).numFmt).toContain("đồng");
    expect(money.getCell(7).value).toBe(18_800_000);
    // Group sheets: the heading row as tall as its wrapped names; "Toàn xã" under all the units it counts.
    const days = book.getWorksheet("Ngày kỷ niệm, báo cáo, kinh phí")!;
    expect(days.getRow(1).height).toBeGreaterThanOrEqual(45);
    const names: unknown[] = [];
    days.eachRow((r) => names.push(r.getCell(1).value));
    expect(names).toEqual(["Đơn vị", "UBND xã Tân An", "Phòng Văn hóa - Xã hội", "Trường THCS Tân An", "Toàn xã"]);
    expect(days.getRow(2).getCell(2).numFmt).toBe('0.0"%"'); // BUD-IV is a share; its amounts are in the summary
  });

  it("a drill-down table prints the same way", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await tableXlsx("Hoạt động", "Năm 2026", ["Ngày", "Tên"], [["01/01/2026", "Một"]])) as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: "3:3",
      orientation: "landscape",
    });
  });
});

describe("the attendance sheet", () => {
  it("records the marking time as a date (Vietnam time), with frozen header, filter and print setup", async () => {
    const book = new ExcelJS.Workbook();
    const buffer = await attendanceWorkbook(
      {
        title: "Tập huấn",
        starts_at: "2026-03-18T01:00:00.000Z",
        ends_at: "2026-03-18T04:00:00.000Z",
        organizer: { name: "Trường THCS Tân An" },
      } as never,
      [
        {
          code: "GV1",
          fullName: "Võ Minh Tuấn",
          className: null,
          status: "present",
          note: null,
          markedAt: "2026-03-18T01:05:00.000Z",
        },
        { code: "GV2", fullName: "Phan Bảo Hoa", className: null, status: null, note: null, markedAt: null },
      ] as never,
    );
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = 4;
    expect(sheet.getRow(header).getCell(7).value).toBe("Ghi nhận lúc");
    const marked = sheet.getRow(header + 1).getCell(7);
    expect(marked.type).toBe(ExcelJS.ValueType.Date);
    expect((marked.value as Date).toISOString()).toBe("2026-03-18T08:05:00.000Z"); // 08:05 shown, Vietnam time
    expect(marked.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(sheet.getRow(header + 2).getCell(7).value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: `${header}:${header}` });
  });
});
