import ExcelJS from "exceljs";
import type { Unit } from "../../../db/schema";
import { PEOPLE_TEMPLATE_HEADERS } from "./import";
import { PERSON_CATEGORY_LABELS, personCategoriesFor } from "./vocabulary";

/** The XLSX template to fill in: Vietnamese headers, example rows, and a sheet of instructions. */
export async function peopleTemplate(unit: Unit): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tân An STEM";
  const sheet = wb.addWorksheet("Danh sách");
  sheet.addRow(PEOPLE_TEMPLATE_HEADERS);
  sheet.getRow(1).font = { bold: true };
  sheet.columns = [{ width: 14 }, { width: 28 }, { width: 22 }, { width: 8 }, { width: 8 }, { width: 22 }];
  const help = wb.addWorksheet("Hướng dẫn");
  help.columns = [{ width: 100 }];
  for (const line of [
    `Danh sách người của: ${unit.name}`,
    "Mỗi dòng một người. Giữ nguyên dòng tiêu đề. Xóa các dòng ví dụ trước khi nhập.",
    "Mã: mã cán bộ hoặc mã học sinh, không trùng trong đơn vị (chữ không dấu, số, dấu chấm, gạch ngang).",
    `Loại: một trong ${personCategoriesFor(unit.kind)
      .map((c) => `“${PERSON_CATEGORY_LABELS[c]}”`)
      .join(", ")}.`,
    "Khối và Lớp: bắt buộc với học sinh (ví dụ Khối 6, Lớp 6A1); để trống với cán bộ, giáo viên.",
    "Nhập lại cùng tệp không tạo bản trùng: người có cùng mã được cập nhật theo tệp.",
    unit.kind === "school"
      ? "Ví dụ một dòng giáo viên:  GV001 | Nguyễn Văn An | Giáo viên | | | Tổ Khoa học tự nhiên"
      : "Ví dụ:  CB001 | Nguyễn Văn An | Cán bộ, công chức, viên chức | | | Chuyên viên",
    unit.kind === "school" ? "Ví dụ một dòng học sinh:  HS0001 | Trần Thị Bình | Học sinh | 6 | 6A1 |" : "",
    "Chỉ ghi những thông tin cần cho chỉ tiêu: không nhập ngày sinh, địa chỉ, số điện thoại của học sinh.",
  ])
    help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
