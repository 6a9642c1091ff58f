/**
 * The content of a half-year report document (document-model.ts) from the indicator engine: the commune's
 * (all schools aggregated with the commune's own activities, one annex row per school) or one school's.
 * The layout follows Nghị định 30/2020/NĐ-CP; documents.ts writes it as DOCX, XLSX or CSV.
 */
import type { DB } from "../../../db/connection";
import { computeIndicators, type FigureScope, type IndicatorFigure } from "../indicators/engine";
import { schoolsOf } from "../indicators/dashboard";
import { formatFigure } from "../shared/figures";
import type { Period } from "../shared/periods";
import { vietnamToday } from "../shared/time";
import type { ReportDocument, ReportIndicatorRow } from "./document-model";
import { reportOverview, TIMELINESS_LABELS } from "./reports";

function rows(figures: IndicatorFigure[]): ReportIndicatorRow[] {
  return figures.map((f) => ({
    code: f.code,
    name: f.name,
    planRef: f.planRef,
    group: f.group,
    unit: f.unit,
    target: f.target,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    status: f.status,
    statusLabel: f.statusLabel,
  }));
}

function placeDate(place: string, now: Date): string {
  const [y, m, d] = vietnamToday(now).split("-");
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The commune a unit belongs to (the unit itself if it is one) heads its documents: "UBND XÃ TÂN AN", "Tân An". */
async function communeHeading(db: DB, unitId: number): Promise<{ issuer: string; place: string }> {
  const unit = await db.selectFrom("units").select(["kind", "name", "parent_id"]).where("id", "=", unitId).executeTakeFirstOrThrow();
  const commune =
    unit.kind === "commune" || unit.parent_id === null
      ? unit
      : await db.selectFrom("units").select(["kind", "name", "parent_id"]).where("id", "=", unit.parent_id).executeTakeFirstOrThrow();
  return { issuer: commune.name.toUpperCase(), place: commune.name.replace(/^(UBND\s+)?(xã|phường|thị trấn)\s+/i, "") };
}

/** "6 tháng đầu năm 2026" / "năm 2026" for titles. */
function periodPhrase(period: Period): string {
  return period.label.charAt(0).toLowerCase() + period.label.slice(1);
}

function summary(figures: IndicatorFigure[]): string[] {
  const met = figures.filter((f) => f.status === "met");
  const behind = figures.filter((f) => f.status === "behind");
  const noData = figures.filter((f) => f.status === "no_data");
  const line = (f: IndicatorFigure) =>
    `${f.name} (${f.code}): ${f.value === null ? "chưa có số liệu" : formatFigure(f.value, f.unit)}${f.target !== null ? `/chỉ tiêu ${formatFigure(f.target, f.unit)}` : ""}`;
  return [
    `Trong kỳ có ${met.length}/${figures.length} chỉ tiêu đạt, ${behind.length} chỉ tiêu chưa đạt, ${noData.length} chỉ tiêu chưa có số liệu. Số liệu được tổng hợp trực tiếp từ hồ sơ hoạt động, điểm danh, câu lạc bộ, cuộc thi và học liệu trên hệ thống Tân An STEM.`,
    ...(met.length ? [`Các chỉ tiêu đạt: ${met.map(line).join("; ")}.`] : []),
    ...(behind.length ? [`Các chỉ tiêu chưa đạt: ${behind.map((f) => `${line(f)}${f.gap ? ` (${f.gap.toLowerCase()})` : ""}`).join("; ")}.`] : []),
  ];
}

export async function communeReportDocument(db: DB, communeId: number, period: Period, now: Date = new Date()): Promise<ReportDocument> {
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
      `Báo cáo ${half.endsWith("H1") ? "6 tháng đầu năm" : "6 tháng cuối năm"}: ${overview.filter((o) => o.report?.submitted_at).length}/${overview.length} trường đã gửi, ${overview.filter((o) => o.status === "approved").length} báo cáo đã được duyệt. ` +
        overview.map((o) => `${o.school.name}: ${TIMELINESS_LABELS[o.timeliness].toLowerCase()}`).join("; ") +
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
    recipients: ["UBND tỉnh;", "Sở Khoa học và Công nghệ;", "TT Đảng ủy, HĐND xã;", "Chủ tịch, các PCT UBND xã;", "Lưu: VT, VHXH."],
    signature: { capacity: ["TRƯỞNG PHÒNG"], name: "" },
  };
}

export async function schoolReportDocument(
  db: DB,
  school: { id: number; name: string },
  period: Period,
  narrative: string,
  now: Date = new Date(),
): Promise<ReportDocument> {
  const figures = await computeIndicators(db, { kind: "school", schoolId: school.id }, period, now);
  const heading = await communeHeading(db, school.id);
  return {
    issuer: [heading.issuer, school.name.toUpperCase()],
    number: "Số:       /BC-Tr",
    placeDate: placeDate(heading.place, now),
    subtitle: `Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW ${periodPhrase(period)}`,
    periodLabel: period.label,
    sections: [
      { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: summary(figures) },
      { heading: "II. ĐÁNH GIÁ, KIẾN NGHỊ", paragraphs: narrative.trim() ? narrative.trim().split(/\n{2,}/) : ["(Chưa có phần đánh giá.)"] },
    ],
    indicators: rows(figures),
    units: [{ unitName: school.name, values: Object.fromEntries(figures.map((f) => [f.code, f.value])) }],
    recipients: ["Phòng Văn hóa - Xã hội xã;", "Lưu: VT."],
    signature: { capacity: ["HIỆU TRƯỞNG"], name: "" },
  };
}
