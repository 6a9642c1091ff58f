import type { MaterialKind, MaterialVisibility } from "../../../db/schema";

export const MATERIAL_KINDS = [
  "video",
  "podcast",
  "slides",
  "infographic",
  "electure",
  "document",
  "lesson_plan",
] as const;
export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = {
  video: "Video ngắn",
  podcast: "Podcast",
  slides: "Bài trình chiếu (slide)",
  infographic: "Infographic",
  electure: "Bài giảng điện tử",
  document: "Tài liệu số",
  lesson_plan: "Kế hoạch bài dạy",
};

export const VISIBILITIES = ["school", "commune", "public"] as const;
export const VISIBILITY_LABELS: Record<MaterialVisibility, string> = {
  school: "Chỉ trong trường",
  commune: "Các trường trong xã",
  public: "Công khai",
};
