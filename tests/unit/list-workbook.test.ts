import { describe, expect, it } from "vitest";
import { holdsFolded } from "../../app/domain/shared/search";
import { listWorkbook } from "../../app/domain/shared/list-workbook";
import { DATE_FORMAT } from "../../app/domain/shared/sheets";
import { readListSheet } from "../support/list-sheet";

describe("a list's workbook (issue 19)", () => {
  it("prints on A4 with its header frozen and filtered; text is never a formula and carries no control character", async () => {
    const rows = [
      { name: '=HYPERLINK("http://x","bấm")', n: 3, d: new Date("2026-05-18T00:00:00Z") },
      { name: "Nguyê\u0303n\u0001 Văn A", n: 0, d: null },
      { name: "+1-2", n: Number.NaN, d: null },
    ];
    const body = await listWorkbook({
      sheet: "Thử",
      title: "DANH SÁCH THỬ",
      filters: ["Tìm “a”", undefined, false, "Năm 2026"],
      total: 5,
      rows,
      columns: [
        { header: "Tên", width: 20, value: (r) => r.name },
        { header: "Số", width: 8, value: (r) => r.n },
        { header: "Ngày", width: 12, format: DATE_FORMAT, value: (r) => r.d },
      ],
    });
    const sheet = await readListSheet(body);
    expect(sheet.filters).toBe("Lọc theo: Tìm “a” · Năm 2026");
    expect(sheet.count).toMatch(/^5 mục · Xuất lúc/);
    expect(sheet.header).toEqual(["STT", "Tên", "Số", "Ngày"]);
    expect(sheet.rows.map((r) => r["Tên"])).toEqual(['\'=HYPERLINK("http://x","bấm")', "Nguyễn Văn A", "'+1-2"]);
    expect(sheet.rows.map((r) => r["STT"])).toEqual([1, 2, 3]);
    expect(sheet.rows.map((r) => r["Số"])).toEqual([3, 0, null]);
    expect(sheet.rows[0]["Ngày"]).toEqual(new Date("2026-05-18T00:00:00Z"));
    expect(sheet.sheet.getColumn(4).numFmt).toBe(DATE_FORMAT);
    // Two rows were left out: the sheet says so below the table.
    expect(sheet.text).toContain("… và 2 mục nữa không có trong tệp này");
    expect(sheet.sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(sheet.sheet.autoFilter).toBe("A4:D7");
  });

  it("an unfiltered list says so", async () => {
    const sheet = await readListSheet(
      await listWorkbook({ sheet: "Thử", title: "T", filters: [], total: 0, rows: [], columns: [] }),
    );
    expect(sheet.filters).toBe("Toàn bộ danh sách (không lọc)");
    expect(sheet.rows).toEqual([]);
  });

  it("a search holds a text whatever its diacritics, case or Unicode form", () => {
    expect(holdsFolded("cau lac bo", ["Câu lạc bộ STEM"])).toBe(true);
    expect(holdsFolded("CÂU LẠC BỘ".normalize("NFD"), ["Câu lạc bộ STEM"])).toBe(true);
    expect(holdsFolded("đổi", [null, "Chuyển Đổi số"])).toBe(true);
    expect(holdsFolded("cau lac bo xanh", ["Câu lạc bộ STEM"])).toBe(false);
  });
});
