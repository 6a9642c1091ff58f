/**
 * The parts of a half-year report document (document-model.ts) shared by the commune's and a unit's, and a unit's
 * (a school's or an office's) document itself: the figures of one unit over its report period, with its narrative. The layout
 * follows Nghị định 30/2020/NĐ-CP; documents.ts writes it as DOCX, XLSX or CSV.
 */
import type { DB } from "../../../db/connection";
import type { UnitKind } from "../../../db/schema";
import { computeIndicators, unitScope, type IndicatorFigure } from "../indicators/engine";
import { formatFigure } from "../shared/figures";
import type { Period } from "../shared/periods";
import { vietnamToday } from "../shared/time";
import type { ReportDocument, ReportIndicatorRow } from "./document-model";
import { periodRangeText } from "./report-periods";

export function rows(figures: IndicatorFigure[]): ReportIndicatorRow[] {
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

export function placeDate(place: string, now: Date): string {
  const [y, m, d] = vietnamToday(now).split("-");
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The commune a unit belongs to (the unit itself if it is one) heads its documents: "UBND XÃ TÂN AN", "Tân An". */
export async function communeHeading(db: DB, unitId: number): Promise<{ issuer: string; place: string }> {
  const unit = await db
    .selectFrom("units")
    .select(["kind", "name", "parent_id"])
    .where("id", "=", unitId)
    .executeTakeFirstOrThrow();
  const commune =
    unit.kind === "commune" || unit.parent_id === null
      ? unit
      : await db
          .selectFrom("units")
          .select(["kind", "name", "parent_id"])
          .where("id", "=", unit.parent_id)
          .executeTakeFirstOrThrow();
  return { issuer: commune.name.toUpperCase(), place: commune.name.replace(/^(UBND\s+)?(xã|phường|thị trấn)\s+/i, "") };
}

/** "6 tháng đầu năm 2026" / "năm 2026" for titles. */
export function periodPhrase(period: Period): string {
  return period.label.charAt(0).toLowerCase() + period.label.slice(1);
}

export function summary(figures: IndicatorFigure[]): string[] {
  const met = figures.filter((f) => f.status === "met");
  const behind = figures.filter((f) => f.status === "behind");
  const noData = figures.filter((f) => f.status === "no_data");
  const noTarget = figures.filter((f) => f.status === "no_target");
  const line = (f: IndicatorFigure) =>
    `${f.name} (${f.code}): ${f.value === null ? "chưa có số liệu" : formatFigure(f.value, f.unit)}${f.target !== null ? `/chỉ tiêu ${formatFigure(f.target, f.unit)}` : ""}`;
  return [
    `Trong kỳ có ${met.length}/${figures.length} chỉ tiêu đạt, ${behind.length} chỉ tiêu chưa đạt, ${noData.length} chỉ tiêu chưa có số liệu, ${noTarget.length} chỉ tiêu không đặt chỉ tiêu. Số liệu được tổng hợp trực tiếp từ hồ sơ hoạt động, điểm danh, câu lạc bộ, cuộc thi và học liệu trên hệ thống Tân An STEM.`,
    ...(met.length ? [`Các chỉ tiêu đạt: ${met.map(line).join("; ")}.`] : []),
    ...(behind.length
      ? [
          `Các chỉ tiêu chưa đạt: ${behind.map((f) => `${line(f)}${f.gap ? ` (${f.gap.toLowerCase()})` : ""}`).join("; ")}.`,
        ]
      : []),
    ...(noTarget.length
      ? [`Các chỉ tiêu không đặt chỉ tiêu (theo dõi kết quả): ${noTarget.map(line).join("; ")}.`]
      : []),
    ...figures.filter((f) => f.notes?.length).map((f) => `Lưu ý về ${f.code}: ${f.notes!.join(" ")}`),
  ];
}

/** "Số liệu trong báo cáo tính từ ngày 11/12/2025 đến hết ngày 10/06/2026." */
export function rangeSentence(period: Period): string {
  const [from, to] = periodRangeText(period).split(" – ");
  return `Số liệu trong báo cáo tính từ ngày ${from} đến hết ngày ${to}.`;
}

/** The parts of a unit a report document reads: its name and kind, and its document settings (issue 18). */
export type DocumentUnit = {
  id: number;
  name: string;
  kind: UnitKind;
  signer_name?: string | null;
  signer_title?: string | null;
  doc_abbreviation?: string | null;
};

/** Initials of a unit's name for its document abbreviation: "Trường THCS Tân An" → "THCSTA". */
function initials(name: string): string {
  return name
    .replace(/^(trường|ubnd)\s+/i, "")
    .split(/\s+/)
    .filter((w) => w && !/^(và|xã)$/i.test(w))
    .map((w) => (w === w.toLocaleUpperCase("vi-VN") && w.length > 1 ? w : w[0]))
    .join("")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLocaleUpperCase("vi-VN");
}

/**
 * Who signs a unit's report and its abbreviation when the unit has not set them: the head of a school, an office
 * or a centre by its name; the commune's report is the Phòng Văn hóa - Xã hội's ("VHXH").
 */
export function documentDefaults(unit: Pick<DocumentUnit, "name" | "kind">): { title: string; abbreviation: string } {
  if (unit.kind === "commune") return { title: "TRƯỞNG PHÒNG", abbreviation: "VHXH" };
  const title =
    unit.kind === "school"
      ? "HIỆU TRƯỞNG"
      : /^văn phòng/i.test(unit.name)
        ? "CHÁNH VĂN PHÒNG"
        : /^phòng/i.test(unit.name)
          ? "TRƯỞNG PHÒNG"
          : /^trung tâm/i.test(unit.name)
            ? "GIÁM ĐỐC"
            : "THỦ TRƯỞNG CƠ QUAN";
  return { title, abbreviation: initials(unit.name) || "BC" };
}

/** The number line and the signature of a unit's document, from its settings or the defaults. */
export function unitSignature(unit: DocumentUnit): { number: string; signature: ReportDocument["signature"] } {
  const d = documentDefaults(unit);
  return {
    number: `Số:       /BC-${unit.doc_abbreviation || d.abbreviation}`,
    signature: { capacity: [unit.signer_title || d.title], name: unit.signer_name ?? "" },
  };
}

/** A school's or an office's report document from figures already computed (live, or those its approval signed). */
export async function unitReportDocumentFrom(
  db: DB,
  school: DocumentUnit,
  period: Period,
  figures: IndicatorFigure[],
  narrative: string,
  now: Date = new Date(),
): Promise<ReportDocument> {
  const heading = await communeHeading(db, school.id);
  return {
    issuer: [heading.issuer, school.name.toUpperCase()],
    number: unitSignature(school).number,
    placeDate: placeDate(heading.place, now),
    subtitle: `Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW ${periodPhrase(period)}`,
    periodLabel: period.label,
    sections: [
      { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: [rangeSentence(period), ...summary(figures)] },
      {
        heading: "II. ĐÁNH GIÁ, KIẾN NGHỊ",
        paragraphs: narrative.trim() ? narrative.trim().split(/\n{2,}/) : ["(Chưa có phần đánh giá.)"],
      },
    ],
    indicators: rows(figures),
    units: [{ unitName: school.name, values: Object.fromEntries(figures.map((f) => [f.code, f.value])) }],
    recipients: ["Phòng Văn hóa - Xã hội xã;", "Lưu: VT."],
    signature: unitSignature(school).signature,
  };
}

export async function unitReportDocument(
  db: DB,
  school: DocumentUnit,
  period: Period,
  narrative: string,
  now: Date = new Date(),
): Promise<ReportDocument> {
  const figures = await computeIndicators(db, unitScope(school), period, now);
  return unitReportDocumentFrom(db, school, period, figures, narrative, now);
}
