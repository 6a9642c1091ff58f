/** Words and numbers of the recycle bin shown in pages (safe for the browser bundle). */
import type { BinKind } from "../../../db/schema";

export const BIN_DAYS = 30;

export const BIN_KIND_LABELS: Record<BinKind, string> = {
  club: "Câu lạc bộ",
  contest: "Cuộc thi",
  activity: "Hoạt động",
  material: "Học liệu",
  budget_line: "Dòng kinh phí",
};
