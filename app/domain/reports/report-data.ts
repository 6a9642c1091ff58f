/**
 * The commune's half-year report document (document-model.ts) from the indicator engine: all units aggregated,
 * one annex row per unit (the commune itself, its offices, its schools). A unit's document is in
 * document-content.ts.
 */
import type { DB } from "../../../db/connection";
import { computeIndicators, unitScope, type FigureScope } from "../indicators/engine";
import type { Period } from "../shared/periods";
import type { ReportDocument } from "./document-model";
import {
  communeHeading,
  periodPhrase,
  placeDate,
  rangeSentence,
  rows,
  summary,
  unitSignature,
} from "./document-content";
import { reportOverview } from "./reports";
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
  // The annex lists every unit the commune's figures count: the commune itself, its offices and its schools, so
  // that a "Toàn xã" total stands under the rows it is made of (issue 18).
  const listed = await db
    .selectFrom("units")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", communeId), eb("parent_id", "=", communeId)]))
    .where("kind", "in", ["commune", "office", "school"])
    .where("archived_at", "is", null)
    .execute();
  const order = ["commune", "office", "school"];
  listed.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, "vi"));
  const units = [];
  for (const u of listed) {
    const own = await computeIndicators(db, unitScope(u), period, now);
    units.push({ unitName: u.name, values: Object.fromEntries(own.map((f) => [f.code, f.value])) });
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
    ...unitSignature(listed.find((u) => u.id === communeId)!),
  };
}
