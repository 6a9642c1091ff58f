import { describe, expect, it } from "vitest";
import { statusFromText } from "../../app/domain/attendance/import";
import { csvDelimiter, missingColumnsMessage, readTableFile } from "../../app/domain/imports/table-file";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("reading a CSV", () => {
  it("uses one delimiter, chosen from the header line: a semicolon file keeps a comma inside a field", async () => {
    const file = await readTableFile(
      utf8("Mã;Họ và tên;Loại;Chức vụ\r\nGV01;Lê Thị Hoa;Giáo viên;Tổ trưởng, chủ nhiệm 6A1\r\n"),
    );
    expect(file.rows[1]).toEqual(["GV01", "Lê Thị Hoa", "Giáo viên", "Tổ trưởng, chủ nhiệm 6A1"]);
    expect(file.readAs).toBe("CSV, phân tách bằng dấu chấm phẩy (;)");
  });

  it("a comma file keeps a semicolon inside a field; a tab file reads tabs only", async () => {
    expect((await readTableFile(utf8("Mã,Ghi chú\nHS1,đến trễ; có phép\n"))).rows[1]).toEqual([
      "HS1",
      "đến trễ; có phép",
    ]);
    expect((await readTableFile(utf8("Mã\tGhi chú\nHS1\ta, b; c\n"))).rows[1]).toEqual(["HS1", "a, b; c"]);
  });

  it("a title line above the header does not decide; commas inside quotes of the header do not count", () => {
    expect(csvDelimiter("Danh sách điểm danh\nMã;Họ và tên;Trạng thái\n")).toBe(";");
    expect(csvDelimiter('"Họ, tên";Mã;Lớp\n')).toBe(";");
    expect(csvDelimiter("Danh sách lớp 6A1, 6A2\nMã;Họ và tên;Lớp\nHS1;An;6A1\n")).toBe(";");
  });

  it("a missing column says which, how the file was read and what columns it has", async () => {
    const file = await readTableFile(utf8("Ma so,Ho ten\nA,B\n"));
    expect(missingColumnsMessage(["Mã"], file, file.rows[0])).toBe(
      "Thiếu cột: “Mã”. Tệp được đọc là CSV, phân tách bằng dấu phẩy (,), với các cột: “Ma so”, “Ho ten”. Hãy dùng tệp mẫu.",
    );
  });
});

describe("attendance statuses as people write them", () => {
  it.each([
    ["Có mặt", "present"],
    ["x", "present"],
    ["Đến muộn", "late"],
    ["đi muộn", "late"],
    ["Đi trễ", "late"],
    ["vắng có phép", "excused"],
    ["Nghỉ có phép", "excused"],
    ["nghỉ không phép", "absent"],
    ["Vắng", "absent"],
  ])("“%s” is %s", (text, status) => {
    expect(statusFromText(text)).toBe(status);
  });

  it("an unknown word is refused", () => {
    expect(statusFromText("ốm")).toBeNull();
  });
});
