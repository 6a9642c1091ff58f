import ExcelJS from "exceljs";
import type { Activity } from "../../../db/schema";
import { formatDateTimeRange } from "../shared/format";
import { DATE_TIME_FORMAT, printSetup, styleHeader, vietnamDateCell } from "../shared/sheets";
import type { RosterEntry } from "./attendance";
import { ATTENDANCE_STATUS_LABELS } from "./vocabulary";

import { safeCell } from "../shared/cells";

/**
 * The attendance of an activity (the caller's own people) as an XLSX workbook. `total`: everyone on the
 * roster; when the roster is longer than the rows given, the sheet says how many are left out.
 */
export async function attendanceWorkbook(
  activity: Activity & { organizer: { name: string } },
  roster: RosterEntry[],
  total = roster.length,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tân An STEM";
  const sheet = wb.addWorksheet("Điểm danh");
  sheet.addRow([safeCell(activity.title)]).font = { bold: true, size: 13 };
  sheet.addRow([safeCell(`${activity.organizer.name} · ${formatDateTimeRange(activity.starts_at, activity.ends_at)}`)]);
  sheet.addRow([]);
  const header = sheet.addRow(["STT", "Mã", "Họ và tên", "Lớp", "Trạng thái", "Ghi chú", "Ghi nhận lúc"]);
  styleHeader(header);
  roster.forEach((p, i) =>
    sheet.addRow([
      i + 1,
      safeCell(p.code),
      safeCell(p.fullName),
      safeCell(p.className),
      p.status ? ATTENDANCE_STATUS_LABELS[p.status] : "Chưa điểm danh",
      safeCell(p.note),
      vietnamDateCell(p.markedAt),
    ]),
  );
  // "Ghi nhận lúc" is a date (sortable, filterable), shown in Vietnam time.
  sheet.getColumn(7).numFmt = DATE_TIME_FORMAT;
  if (total > roster.length)
    sheet.addRow([
      `… và ${(total - roster.length).toLocaleString("vi-VN")} người nữa không có trong tệp này (tối đa ${roster.length.toLocaleString("vi-VN")} dòng).`,
    ]);
  sheet.columns = [
    { width: 6 },
    { width: 14 },
    { width: 28 },
    { width: 8 },
    { width: 16 },
    { width: 24 },
    { width: 18 },
  ];
  printSetup(sheet, { headerRow: header.number, lastColumn: 7, lastRow: header.number + roster.length });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
