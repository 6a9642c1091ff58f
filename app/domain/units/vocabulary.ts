import type { HeadcountCategory, SchoolLevel, UnitKind } from "../../../db/schema";

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: "Tỉnh",
  commune: "Xã",
  office: "Phòng, ban",
  school: "Trường học",
  hamlet: "Ấp",
};

export const SCHOOL_LEVELS = ["preschool", "primary", "lower_secondary", "upper_secondary"] as const;
export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, string> = {
  preschool: "Mầm non",
  primary: "Tiểu học",
  lower_secondary: "THCS",
  upper_secondary: "THPT",
};

/** Grades taught at each level (0 = preschool children). */
export const GRADES_BY_LEVEL: Record<SchoolLevel, number[]> = {
  preschool: [0],
  primary: [1, 2, 3, 4, 5],
  lower_secondary: [6, 7, 8, 9],
  upper_secondary: [10, 11, 12],
};

export const HEADCOUNT_CATEGORY_LABELS: Record<HeadcountCategory, string> = {
  officials: "Cán bộ, công chức, viên chức",
  school_managers: "Cán bộ quản lý giáo dục",
  teachers: "Giáo viên",
  school_staff: "Nhân viên trường học",
  students: "Học sinh",
  communication_staff: "Cán bộ chuyên trách tuyên truyền",
};

/** Which headcount categories a kind of unit keeps (the plan's denominators). */
export function headcountCategoriesFor(kind: UnitKind): HeadcountCategory[] {
  if (kind === "school") return ["school_managers", "teachers", "school_staff", "students"];
  if (kind === "office" || kind === "commune") return ["officials", "communication_staff"];
  if (kind === "hamlet") return ["communication_staff"];
  return [];
}

export function gradeLabel(grade: number): string {
  return grade === 0 ? "Trẻ mầm non" : `Khối ${grade}`;
}
