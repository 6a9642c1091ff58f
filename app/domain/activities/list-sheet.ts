/** The activity list, filtered as on its page, as a workbook (issue 19). */
import type { DB } from "../../../db/connection";
import type { Actor } from "../auth/permissions";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { parsePeriod } from "../shared/periods";
import { DATE_TIME_FORMAT, vietnamDateCell } from "../shared/sheets";
import { type ActivityFilter, type ActivitySort, listActivities, listVocabulary } from "./activities";
import { ACTIVITY_STATUS_LABELS, COMMEMORATION_LABELS, DELIVERY_LABELS } from "./vocabulary";
import { unitNameInReach } from "../units/units";

/** `periodKey`: the period chosen on the page (its bounds are in the filter already), for the sheet's words. */
export async function activitiesWorkbook(
  db: DB,
  actor: Actor,
  f: ActivityFilter,
  sort: ActivitySort,
  periodKey: string,
): Promise<Buffer> {
  const [{ total, rows }, vocabulary, unit] = await Promise.all([
    listActivities(db, actor, f, { page: 1, pageSize: LIST_DOWNLOAD_LIMIT, sort }),
    listVocabulary(db),
    unitNameInReach(db, actor, f.unitId),
  ]);
  const term = (list: { code: string; label: string }[], code: string | undefined) =>
    list.find((t) => t.code === code)?.label ?? code;
  const filters = [
    f.q && `Tìm “${f.q}”`,
    unit && `Đơn vị: ${unit.name}`,
    f.topic && `Nội dung: ${term(vocabulary.topics, f.topic)}`,
    f.form && `Hình thức: ${term(vocabulary.forms, f.form)}`,
    f.audience && `Đối tượng: ${term(vocabulary.audiences, f.audience)}`,
    parsePeriod(periodKey)?.label,
    f.status && `Trạng thái: ${ACTIVITY_STATUS_LABELS[f.status]}`,
  ];
  return listWorkbook({
    sheet: "Hoạt động",
    title: "DANH SÁCH HOẠT ĐỘNG",
    filters,
    total,
    rows,
    columns: [
      { header: "Bắt đầu", width: 17, format: DATE_TIME_FORMAT, value: (a) => vietnamDateCell(a.starts_at) },
      { header: "Kết thúc", width: 17, format: DATE_TIME_FORMAT, value: (a) => vietnamDateCell(a.ends_at) },
      { header: "Hoạt động", width: 45, value: (a) => a.title },
      { header: "Đơn vị tổ chức", width: 28, value: (a) => a.organizer_name },
      { header: "Hình thức", width: 22, value: (a) => a.form_label ?? a.form },
      { header: "Cách thức", width: 12, value: (a) => DELIVERY_LABELS[a.delivery] },
      { header: "Địa điểm", width: 24, value: (a) => a.place },
      {
        header: "Ngày kỷ niệm",
        width: 20,
        value: (a) => (a.commemoration ? COMMEMORATION_LABELS[a.commemoration] : ""),
      },
      { header: "Số người dự kiến", width: 11, value: (a) => a.planned_participants },
      { header: "Trạng thái", width: 12, value: (a) => ACTIVITY_STATUS_LABELS[a.status] },
    ],
  });
}
