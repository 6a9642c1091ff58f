/** The club list, filtered as on its page, as a workbook (issue 19): counts of members, never their names. */
import type { DB } from "../../../db/connection";
import type { Actor } from "../auth/permissions";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { calendarDateCell, DATE_FORMAT } from "../shared/sheets";
import { type ClubFilter, type ClubSort, listClubs } from "./clubs";
import { CLUB_FIELD_LABELS, CLUB_STATUS_LABELS, targetGradesText } from "./vocabulary";
import { unitNameInReach } from "../units/units";

export async function clubsWorkbook(db: DB, actor: Actor, f: ClubFilter, sort: ClubSort): Promise<Buffer> {
  const [{ total, rows }, school] = await Promise.all([
    listClubs(db, actor, { ...f, page: 1, pageSize: LIST_DOWNLOAD_LIMIT, sort }),
    unitNameInReach(db, actor, f.schoolId),
  ]);
  const filters = [
    f.q && `Tìm “${f.q}”`,
    school && `Trường: ${school.name}`,
    f.field && `Lĩnh vực: ${CLUB_FIELD_LABELS[f.field]}`,
    f.status && `Trạng thái: ${CLUB_STATUS_LABELS[f.status]}`,
  ];
  return listWorkbook({
    sheet: "Câu lạc bộ",
    title: "DANH SÁCH CÂU LẠC BỘ STEM",
    filters,
    total,
    rows,
    columns: [
      { header: "Câu lạc bộ", width: 34, value: (c) => c.name },
      { header: "Trường", width: 28, value: (c) => c.school_name },
      { header: "Lĩnh vực", width: 20, value: (c) => CLUB_FIELD_LABELS[c.field] },
      { header: "Khối", width: 12, value: targetGradesText },
      { header: "Lịch sinh hoạt", width: 28, value: (c) => c.schedule },
      { header: "Ngày thành lập", width: 12, format: DATE_FORMAT, value: (c) => calendarDateCell(c.founded_on) },
      { header: "Học sinh", width: 10, value: (c) => c.student_members },
      { header: "Giáo viên", width: 10, value: (c) => c.teacher_members },
      { header: "Buổi sinh hoạt", width: 11, value: (c) => c.meetings },
      { header: "Trạng thái", width: 15, value: (c) => CLUB_STATUS_LABELS[c.status] },
    ],
  });
}
