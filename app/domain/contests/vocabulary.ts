import type { ContestLevel, ContestResult } from "../../../db/schema";

export const CONTEST_LEVELS = ["school", "commune", "province", "national"] as const;
export const CONTEST_LEVEL_LABELS: Record<ContestLevel, string> = {
  school: "Cấp trường",
  commune: "Cấp xã",
  province: "Cấp tỉnh",
  national: "Cấp quốc gia",
};

export const CONTEST_FIELDS = [
  "science_engineering",
  "innovation",
  "informatics",
  "robotics",
  "stem",
  "environment",
  "other",
] as const;
export const CONTEST_FIELD_LABELS: Record<(typeof CONTEST_FIELDS)[number], string> = {
  science_engineering: "Khoa học kỹ thuật",
  innovation: "Sáng tạo thanh thiếu niên, nhi đồng",
  informatics: "Tin học, lập trình",
  robotics: "Robot",
  stem: "STEM tổng hợp",
  environment: "Môi trường",
  other: "Khác",
};

/** A contest's or an entry's field in words; a code no longer in the list is shown as stored. */
export function contestFieldLabel(field: string): string {
  return CONTEST_FIELD_LABELS[field as keyof typeof CONTEST_FIELD_LABELS] ?? field;
}

export const CONTEST_RESULTS = ["first", "second", "third", "consolation", "participation"] as const;
export const CONTEST_RESULT_LABELS: Record<ContestResult, string> = {
  first: "Giải Nhất",
  second: "Giải Nhì",
  third: "Giải Ba",
  consolation: "Giải Khuyến khích",
  participation: "Tham gia (không đạt giải)",
};
/** Results that count as awards. */
export const AWARDS: ContestResult[] = ["first", "second", "third", "consolation"];

/** Where a contest stands on a day (from its dates; nothing is stored). */
export const CONTEST_STATUSES = ["upcoming", "ongoing", "finished"] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];
export const CONTEST_STATUS_LABELS: Record<ContestStatus, string> = {
  upcoming: "Sắp diễn ra",
  ongoing: "Đang diễn ra",
  finished: "Đã kết thúc",
};

/** `today`: the calendar date in Vietnam, "YYYY-MM-DD". */
export function contestStatus(c: { starts_on: string; ends_on: string }, today: string): ContestStatus {
  return today < c.starts_on ? "upcoming" : today > c.ends_on ? "finished" : "ongoing";
}
