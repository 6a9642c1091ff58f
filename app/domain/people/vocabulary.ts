import type { PersonCategory, UnitKind } from "../../../db/schema";
import { foldVietnamese } from "../shared/text";

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, string> = {
  school_managers: "Cán bộ quản lý",
  teachers: "Giáo viên",
  school_staff: "Nhân viên",
  students: "Học sinh",
  officials: "Cán bộ, công chức, viên chức",
  communication_staff: "Cán bộ chuyên trách tuyên truyền",
};

/** Which kinds of people a unit keeps. */
export function personCategoriesFor(kind: UnitKind): PersonCategory[] {
  if (kind === "school") return ["school_managers", "teachers", "school_staff", "students"];
  if (kind === "office" || kind === "commune") return ["officials", "communication_staff"];
  if (kind === "hamlet") return ["communication_staff"];
  return [];
}

/** Folds text typed by people (headers, labels): see foldVietnamese. */
export const fold = foldVietnamese;

/** Words people write in the "Loại" column, folded, for each category. */
export const CATEGORY_ALIASES: Record<PersonCategory, string[]> = {
  students: ["hoc sinh", "hs"],
  teachers: ["giao vien", "gv"],
  school_managers: ["can bo quan ly", "cbql", "quan ly", "ban giam hieu", "bgh"],
  school_staff: ["nhan vien", "nv"],
  officials: [
    "can bo, cong chuc, vien chuc",
    "can bo cong chuc vien chuc",
    "cbccvc",
    "can bo",
    "cong chuc",
    "vien chuc",
  ],
  communication_staff: ["can bo chuyen trach tuyen truyen", "chuyen trach tuyen truyen", "tuyen truyen vien"],
};

export function categoryFromText(text: string, allowed: PersonCategory[]): PersonCategory | null {
  const f = fold(text);
  for (const c of allowed) if (CATEGORY_ALIASES[c].includes(f) || fold(PERSON_CATEGORY_LABELS[c]) === f) return c;
  return null;
}
