/** The contest list, filtered as on its page, as a workbook (issue 19): counts of entries and awards, no names. */
import type { DB } from "../../../db/connection";
import type { Actor } from "../auth/permissions";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { calendarDateCell, DATE_FORMAT } from "../shared/sheets";
import { type ContestFilter, type ContestSort, listContests } from "./contests";
import { CONTEST_LEVEL_LABELS, CONTEST_STATUS_LABELS, contestFieldLabel, contestStatus } from "./vocabulary";

export async function contestsWorkbook(db: DB, actor: Actor, f: ContestFilter, sort: ContestSort): Promise<Buffer> {
  const { total, rows, today } = await listContests(db, actor, { ...f, page: 1, pageSize: LIST_DOWNLOAD_LIMIT, sort });
  const filters = [
    f.q && `Tìm “${f.q}”`,
    f.year && `Năm ${f.year}`,
    f.level && CONTEST_LEVEL_LABELS[f.level],
    f.status && CONTEST_STATUS_LABELS[f.status],
  ];
  return listWorkbook({
    sheet: "Cuộc thi",
    title: "DANH SÁCH CUỘC THI KHOA HỌC, SÁNG TẠO",
    filters,
    total,
    rows,
    columns: [
      { header: "Cuộc thi", width: 40, value: (c) => c.name },
      { header: "Đơn vị tổ chức", width: 28, value: (c) => c.organizer_name },
      { header: "Cấp", width: 13, value: (c) => CONTEST_LEVEL_LABELS[c.level] },
      { header: "Lĩnh vực", width: 22, value: (c) => contestFieldLabel(c.field) },
      { header: "Bắt đầu", width: 12, format: DATE_FORMAT, value: (c) => calendarDateCell(c.starts_on) },
      { header: "Kết thúc", width: 12, format: DATE_FORMAT, value: (c) => calendarDateCell(c.ends_on) },
      { header: "Tình trạng", width: 13, value: (c) => CONTEST_STATUS_LABELS[contestStatus(c, today)] },
      { header: "Bài dự thi", width: 10, value: (c) => c.entries },
      { header: "Đạt giải", width: 10, value: (c) => c.awards },
    ],
  });
}
