import type { ClubField, ClubRole, ClubStatus } from "../../../db/schema";

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
