/**
 * The commune's half-year report document (document-model.ts) from the indicator engine: all schools aggregated
 * with the commune's own activities, one annex row per school. A school's document is in document-content.ts.
 */
import type { DB } from "../../../db/connection";
import { computeIndicators, type FigureScope } from "../indicators/engine";
import type { Period } from "../shared/periods";
import type { ReportDocument } from "./document-model";
import { communeHeading, periodPhrase, placeDate, rangeSentence, rows, summary } from "./document-content";
import { reportOverview } from "./reports";
import { schoolsOf } from "../units/units";
import { TIMELINESS_LABELS } from "../calendar/statuses";

export { unitReportDocument } from "./document-content";

export async function communeReportDocument(
  db: DB,
  communeId: number,
  period: Period,
  now: Date = new Date(),
): Promise<ReportDocument> {
  const scope: FigureScope = { kind: "commune", communeId };
  const figures = await computeIndicators(db, scope, period, now);
  const schools = await schoolsOf(db, communeId);
  const units = [];
  for (const s of schools) {
    const own = await computeIndicators(db, { kind: "school", schoolId: s.id }, period, now);
    units.push({ unitName: s.name, values: Object.fromEntries(own.map((f) => [f.code, f.value])) });
  }
  const halves = period.key.includes("-H") ? [period.key] : [`${period.key}-H1`, `${period.key}-H2`];
  const reporting: string[] = [];
  for (const half of halves) {
    const overview = await reportOverview(db, half, now, communeId);
    reporting.push(
      `Báo cáo ${half.endsWith("H1") ? "6 tháng đầu năm" : "6 tháng cuối năm"}: ${overview.filter((o) => o.report?.submitted_at).length}/${overview.length} đơn vị (cơ quan chuyên môn và trường học) đã gửi, ${overview.filter((o) => o.status === "approved").length} báo cáo đã được duyệt. ` +
        overview.map((o) => `${o.unit.name}: ${TIMELINESS_LABELS[o.timeliness].toLowerCase()}`).join("; ") +
        ".",
    );
  }
  const heading = await communeHeading(db, communeId);
  return {
    issuer: [heading.issuer, "PHÒNG VĂN HÓA - XÃ HỘI"],
    number: "Số:       /BC-VHXH",
    placeDate: placeDate(heading.place, now),
    subtitle: `Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW ${periodPhrase(period)}`,
    periodLabel: period.label,
    sections: [
      {
        heading: "I. KẾT QUẢ THỰC HIỆN",
        paragraphs: [
          "Thực hiện Kế hoạch của UBND xã về tuyên truyền Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Phòng Văn hóa - Xã hội tổng hợp kết quả của các phòng, ban và các trường học trên địa bàn như sau:",
          rangeSentence(period),
          ...summary(figures),
        ],
      },
      { heading: "II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", paragraphs: reporting },
      {
        heading: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        paragraphs: [
          "Tiếp tục đa dạng hóa hình thức tuyên truyền; tập trung các chỉ tiêu chưa đạt nêu trên; đôn đốc các đơn vị gửi báo cáo đúng hạn (trước ngày 10/6 và 10/12 hằng năm).",
        ],
      },
    ],
    indicators: rows(figures),
    units,
    recipients: [
      "UBND tỉnh;",
      "Sở Khoa học và Công nghệ;",
      "TT Đảng ủy, HĐND xã;",
      "Chủ tịch, các PCT UBND xã;",
      "Lưu: VT, VHXH.",
    ],
    signature: { capacity: ["TRƯỞNG PHÒNG"], name: "" },
  };
}
