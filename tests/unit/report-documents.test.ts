import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../app/domain/reports/document-model";
import { formatFigure, reportDocx, reportXlsx, toCsv } from "../../app/domain/reports/documents";

const doc: ReportDocument = {
  issuer: ["UBND XÃ TÂN AN", "Phòng Văn hóa - Xã hội"],
  number: "Số: 12/BC-UBND",
  placeDate: "Tân An, ngày 26 tháng 11 năm 2026",
  subtitle: "Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW 6 tháng đầu năm 2026",
  periodLabel: "6 tháng đầu năm 2026",
  sections: [
    { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: ["Các trường đã tổ chức nhiều hoạt động STEM cho học sinh."] },
    { heading: "II. PHƯƠNG HƯỚNG, NHIỆM VỤ", paragraphs: ["Tiếp tục duy trì câu lạc bộ STEM."] },
  ],
  indicators: [
    {
      code: "SCH-2.1",
      name: "Tỷ lệ học sinh tham gia hoạt động STEM",
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
    {
      code: "NQ57-27a",
      name: "Số buổi tuyên truyền",
      planRef: "Mục II.1",
      group: "Tuyên truyền",
      unit: "count",
      target: 2,
      value: 3,
      numerator: null,
      denominator: null,
      status: "met",
      statusLabel: "Đạt",
    },
    {
      code: "SCH-2.6",
      name: "Tỷ lệ giáo viên được bồi dưỡng",
      planRef: "Mục II.3",
      group: "Trường học",
      unit: "percent",
      target: null,
      value: null,
      numerator: null,
      denominator: null,
      status: "no_data",
      statusLabel: "Chưa có số liệu",
    },
  ],
  units: [
    { unitName: "Trường THCS Tân An", values: { "SCH-2.1": 80, "NQ57-27a": 2, "SCH-2.6": null } },
    { unitName: "Trường Tiểu học Tân An", values: { "SCH-2.1": 70, "NQ57-27a": 1 } },
  ],
  recipients: ["UBND tỉnh Tây Ninh;", "Sở KH&CN;", "Lưu: VT, VHXH."],
  signature: { capacity: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn Bình" },
};

describe("formatFigure", () => {
  it("writes Vietnamese numbers", () => {
    expect(formatFigure(85.5, "percent")).toBe("85,5%");
    expect(formatFigure(75, "percent")).toBe("75,0%");
    expect(formatFigure(1200, "count")).toBe("1.200");
    expect(formatFigure(1.5, "count")).toBe("1,5");
    expect(formatFigure(null, "count")).toBe("—");
  });
});

describe("reportDocx", () => {
  it("writes an NĐ 30 report with the header, the indicator table and the signature block", async () => {
    const buf = await reportDocx(doc);
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("word/document.xml")!.async("string");
    // Paragraph ends become line breaks so that texts of separate paragraphs don't run together.
    const text = xml
      .replace(/<\/w:p>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BÁO CÁO",
      doc.subtitle,
      "Số: 12/BC-UBND",
      "Tân An, ngày 26 tháng 11 năm 2026",
      "PHÒNG VĂN HÓA - XÃ HỘI", // the last issuer line, upper case
      "Tỷ lệ học sinh tham gia hoạt động STEM (SCH-2.1)",
      "Nơi nhận:",
      "UBND tỉnh Tây Ninh;",
      "Sở KH&CN;",
      "Lưu: VT, VHXH.",
      "KT. CHỦ TỊCH",
      "Nguyễn Văn Bình",
    ]) {
      expect(text).toContain(s);
    }
    const lines = text.split("\n");
    expect(lines).toContain("75,0%");
    expect(lines).toContain("45/60");
    expect(lines).toContain("70,0%"); // target
    expect(lines).toContain("3");
    expect(lines).toContain("—"); // no target
    expect(lines.filter((l) => l === "Chưa có số liệu")).toHaveLength(2); // no value + its status
    // The indicator table follows the first section and comes before the second.
    expect(text.indexOf("Tỷ lệ học sinh")).toBeGreaterThan(text.indexOf("I. KẾT QUẢ THỰC HIỆN"));
    expect(text.indexOf("Tỷ lệ học sinh")).toBeLessThan(text.indexOf("II. PHƯƠNG HƯỚNG"));
    // A4 portrait, margins 20/20/30/15 mm; the table header repeats.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain("<w:tblHeader/>");
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:creator>Tân An STEM</dc:creator>");
    expect(core).toContain(doc.subtitle);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
  });
});

describe("reportXlsx", () => {
  it("writes the summary sheet and one sheet per group with real numbers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Trường học", "Tuyên truyền"]);

    const summary = wb.getWorksheet("Tổng hợp")!;
    const values = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const headerNo = 4;
    expect(values(summary, headerNo)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Mục kế hoạch",
      "Chỉ tiêu năm/kỳ",
      "Kết quả",
      "Đánh giá",
      "Tử số",
      "Mẫu số",
    ]);
    expect(values(summary, headerNo + 1)).toEqual([
      1,
      "Tỷ lệ học sinh tham gia hoạt động STEM (SCH-2.1)",
      "Mục II.2",
      70,
      75,
      "Đạt",
      45,
      60,
    ]);
    expect(values(summary, headerNo + 2)).toEqual([2, "Số buổi tuyên truyền (NQ57-27a)", "Mục II.1", 2, 3, "Đạt"]);
    const third = summary.getRow(headerNo + 3);
    expect(third.getCell(1).value).toBe(3);
    expect(third.getCell(4).value).toBeNull();
    expect(third.getCell(5).value).toBeNull();
    expect(third.getCell(6).value).toBe("Chưa có số liệu");
    expect(summary.getRow(headerNo + 1).getCell(5).numFmt).toBe('0.0"%"');
    expect(String(summary.getCell("A1").value)).toContain(doc.subtitle);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: headerNo });

    const school = wb.getWorksheet("Trường học")!;
    expect(values(school, 1)).toEqual([
      "Đơn vị",
      "SCH-2.1 – Tỷ lệ học sinh tham gia hoạt động STEM",
      "SCH-2.6 – Tỷ lệ giáo viên được bồi dưỡng",
    ]);
    expect(values(school, 2)).toEqual(["Trường THCS Tân An", 80]);
    expect(values(school, 3)).toEqual(["Trường Tiểu học Tân An", 70]);
    expect(values(school, 4)).toEqual(["Toàn xã", 75]);
    expect(school.getRow(4).getCell(3).value).toBeNull();
    expect(school.rowCount).toBe(4);

    const outreach = wb.getWorksheet("Tuyên truyền")!;
    expect(values(outreach, 1)).toEqual(["Đơn vị", "NQ57-27a – Số buổi tuyên truyền"]);
    expect(values(outreach, 2)).toEqual(["Trường THCS Tân An", 2]);
    expect(values(outreach, 3)).toEqual(["Trường Tiểu học Tân An", 1]);
    expect(values(outreach, 4)).toEqual(["Toàn xã", 3]);
  });

  it("makes legal, unique sheet names from group names", async () => {
    const long = "Ngày kỷ niệm, báo cáo, kinh phí: tổng hợp [quý 1/2]?";
    const odd: ReportDocument = {
      ...doc,
      indicators: [
        { ...doc.indicators[0], group: long },
        { ...doc.indicators[1], group: "Tổng hợp" },
      ],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(odd)) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names[0]).toBe("Tổng hợp");
    expect(names[2]).toBe("Tổng hợp (2)");
    expect(names[1].length).toBeLessThanOrEqual(31);
    expect(names[1]).not.toMatch(/[[\]:*?/\\]/);
    expect(names[1].startsWith("Ngày kỷ niệm, báo cáo, kinh phí")).toBe(true);
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 CSV with a BOM and CRLF that parses back intact", () => {
    const csv = toCsv(
      ["Đơn vị", "Ghi chú", "Tỷ lệ"],
      [
        ["Trường THCS Tân An", 'Lớp 6A, 6B; "CLB Robot"', 85.5],
        ["Trường Tiểu học Tân An", null, 1200],
        ["=HYPERLINK(1)", "dòng 1\ndòng 2", null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Lớp 6A, 6B; ""CLB Robot"""');
    expect(csv.split("\r\n")[1]).toBe('Trường THCS Tân An,"Lớp 6A, 6B; ""CLB Robot""",85.5');
    expect(csv.replace(/\r\n/g, "").replace(/"dòng 1\ndòng 2"/, "")).not.toContain("\n");
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      ["Đơn vị", "Ghi chú", "Tỷ lệ"],
      ["Trường THCS Tân An", 'Lớp 6A, 6B; "CLB Robot"', "85.5"],
      ["Trường Tiểu học Tân An", "", "1200"],
      ["'=HYPERLINK(1)", "dòng 1\ndòng 2", ""],
    ]);
  });
});
