import type {
  ActivityStatus,
  BudgetCategory,
  Commemoration,
  Delivery,
  FundingSource,
  PostKind,
} from "../../../db/schema";

export const DELIVERIES = ["in_person", "online", "hybrid"] as const;
export const DELIVERY_LABELS: Record<Delivery, string> = {
  in_person: "Trực tiếp",
  online: "Trực tuyến",
  hybrid: "Kết hợp",
};

export const ACTIVITY_STATUSES = ["planned", "held", "cancelled"] as const;
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Dự kiến",
  held: "Đã tổ chức",
  cancelled: "Đã hủy",
};

/** The forms that are posts on a website or social page (clause III.1.1): each has a link and a kind. */
export const POST_FORMS = ["website", "social_media"] as const;
export const POST_KINDS = ["news", "photo", "video"] as const;
export const POST_KIND_LABELS: Record<PostKind, string> = {
  news: "Tin, bài viết",
  photo: "Ảnh, phóng sự ảnh",
  video: "Video",
};

export function isPostForm(form: string | null | undefined): boolean {
  return (POST_FORMS as readonly string[]).includes(form ?? "");
}

/** The three days the plan asks every unit to mark each year (III.1.2). */
export const COMMEMORATIONS = ["18/5", "01/10", "10/10"] as const;
export const COMMEMORATION_LABELS: Record<Commemoration, string> = {
  "18/5": "18/5 – Ngày Khoa học và Công nghệ Việt Nam",
  "01/10": "01/10 – Ngày hội Đổi mới sáng tạo quốc gia",
  "10/10": "10/10 – Ngày Chuyển đổi số quốc gia",
};
/** Month and day of each commemoration. */
export const COMMEMORATION_DATES: Record<Commemoration, { month: number; day: number }> = {
  "18/5": { month: 5, day: 18 },
  "01/10": { month: 10, day: 1 },
  "10/10": { month: 10, day: 10 },
};

export const BUDGET_CATEGORIES = [
  "banners",
  "printing",
  "water",
  "lunches",
  "sound",
  "speakers",
  "transport",
  "awards",
  "other",
] as const;
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  banners: "Băng rôn, khẩu hiệu",
  printing: "In ấn tài liệu",
  water: "Nước uống",
  lunches: "Ăn trưa",
  sound: "Âm thanh",
  speakers: "Thuê báo cáo viên",
  transport: "Đưa đón đại biểu, báo cáo viên",
  awards: "Khen thưởng",
  other: "Khác",
};

export const FUNDING_SOURCES = ["state_budget", "programme_budget", "socialized"] as const;
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  state_budget: "Ngân sách nhà nước",
  programme_budget: "Kinh phí chương trình, đề án",
  socialized: "Xã hội hóa",
};
