import type { Club, ClubField, ClubRole, ClubStatus } from "../../../db/schema";

export const CLUB_FIELDS = ["robotics", "programming", "science", "environment", "innovation", "other"] as const;
export const CLUB_FIELD_LABELS: Record<ClubField, string> = {
  robotics: "Robot",
  programming: "Lập trình",
  science: "Thí nghiệm khoa học",
  environment: "Môi trường",
  innovation: "Đổi mới sáng tạo",
  other: "Khác",
};

export const CLUB_STATUSES = ["active", "paused", "closed"] as const;
export const CLUB_STATUS_LABELS: Record<ClubStatus, string> = {
  active: "Đang hoạt động",
  paused: "Tạm dừng",
  closed: "Đã giải thể",
};

export const CLUB_ROLE_LABELS: Record<ClubRole, string> = { member: "Thành viên", advisor: "Giáo viên phụ trách" };

/** The grades a club is for, as stored (a JSON list); nothing readable is no grades. */
export function targetGrades(club: Pick<Club, "target_grades">): number[] {
  try {
    const v = JSON.parse(club.target_grades);
    return Array.isArray(v) ? v.filter((g) => Number.isInteger(g)) : [];
  } catch {
    return [];
  }
}

/** A club's grades in words: "6, 7, 8", "Mầm non". */
export function targetGradesText(club: Pick<Club, "target_grades">): string {
  return targetGrades(club)
    .map((g) => (g === 0 ? "Mầm non" : g))
    .join(", ");
}
