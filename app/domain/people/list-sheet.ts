/**
 * A unit's list of people, filtered as on its page, as a workbook (issue 19). Students' names only for their own
 * school's staff (decision 006): anyone else asking for the students gets how many each class has.
 */
import type { DB } from "../../../db/connection";
import type { PersonCategory, Unit } from "../../../db/schema";
import type { Actor } from "../auth/permissions";
import { canSeeNames, refuse } from "../auth/policies";
import { formatDate } from "../shared/format";
import { LIST_DOWNLOAD_LIMIT, listWorkbook } from "../shared/list-workbook";
import { listPeople, type PersonSort, studentsByClass } from "./people";
import { PERSON_CATEGORY_LABELS } from "./vocabulary";

export interface PeopleQuery {
  category: PersonCategory;
  q?: string;
  className?: string;
  includeLeft: boolean;
  sort: PersonSort;
}

export async function peopleWorkbook(db: DB, actor: Actor, unit: Unit, o: PeopleQuery): Promise<Buffer> {
  const label = PERSON_CATEGORY_LABELS[o.category];
  const title = `DANH SÁCH ${label.toUpperCase()} · ${unit.name}`;
  if (!canSeeNames(actor, unit, o.category)) {
    if (o.category !== "students") refuse(true);
    const classes = await studentsByClass(db, unit.id);
    return listWorkbook({
      sheet: "Số học sinh theo lớp",
      title: `SỐ HỌC SINH THEO LỚP · ${unit.name}`,
      filters: ["Học sinh đang học (họ tên học sinh chỉ hiển thị cho cán bộ, giáo viên của trường)"],
      total: classes.length,
      rows: classes,
      columns: [
        { header: "Khối", width: 8, value: (c) => c.grade },
        { header: "Lớp", width: 12, value: (c) => c.className ?? "(chưa xếp lớp)" },
        { header: "Số học sinh", width: 12, value: (c) => c.students },
      ],
    });
  }
  const { total, rows } = await listPeople(db, unit.id, {
    categories: [o.category],
    q: o.q,
    className: o.category === "students" ? o.className : undefined,
    includeLeft: o.includeLeft,
    sort: o.sort,
    page: 1,
    pageSize: LIST_DOWNLOAD_LIMIT,
  });
  const students = o.category === "students";
  const filters = [
    o.q && `Tìm “${o.q}”`,
    students && o.className && `Lớp ${o.className}`,
    o.includeLeft ? "Cả người đã rời" : "Chỉ người đang ở đơn vị",
  ];
  return listWorkbook({
    sheet: label.slice(0, 31),
    title,
    filters,
    total,
    rows,
    columns: [
      { header: "Mã", width: 14, value: (p) => p.code },
      { header: "Họ và tên", width: 30, value: (p) => p.full_name },
      ...(students
        ? [
            { header: "Khối", width: 7, value: (p: (typeof rows)[number]) => p.grade },
            { header: "Lớp", width: 9, value: (p: (typeof rows)[number]) => p.class_name },
          ]
        : [{ header: "Chức vụ", width: 24, value: (p: (typeof rows)[number]) => p.position }]),
      {
        header: "Trạng thái",
        width: 20,
        value: (p) => (p.left_on ? `Đã rời ${formatDate(p.left_on)}` : students ? "Đang học" : "Đang công tác"),
      },
    ],
  });
}
