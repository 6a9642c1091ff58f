import type { IndicatorStatus } from "../indicators/status";
/**
 * What a half-year report document says, independent of its file format (DOCX, XLSX, CSV).
 * Built by app/domain/reports/report-data.ts from the indicator engine; written by documents.ts.
 */

export interface ReportIndicatorRow {
  code: string;
  name: string;
  planRef: string;
  /** Group heading used for the XLSX annex sheets, e.g. "Tuyên truyền", "Trường học", "Ngày kỷ niệm, báo cáo, kinh phí". */
  group: string;
  unit: "percent" | "count";
  /** Target for the period (already pro-rated), or null when none is set. */
  target: number | null;
  /** Result, or null for "no data" (e.g. no headcount to divide by). */
  value: number | null;
  /** For percentages, the counts behind the result ("45/60"); null otherwise. */
  numerator: number | null;
  denominator: number | null;
  status: IndicatorStatus;
  /** Vietnamese status label shown as is ("Đạt", "Chưa đạt", "Chưa có số liệu", "Không đặt chỉ tiêu"). */
  statusLabel: string;
}

export interface ReportUnitFigures {
  unitName: string;
  /** Indicator code → result for that unit (null = no data). */
  values: Record<string, number | null>;
}

export interface ReportDocument {
  /** Issuing body lines of the header's left column, e.g. ["UBND XÃ TÂN AN", "PHÒNG VĂN HÓA - XÃ HỘI"]; the last line is bold. */
  issuer: string[];
  /** "Số: 12/BC-UBND" or "Số:     /BC-..." when not yet numbered. */
  number: string;
  /** Place and date line: "Tân An, ngày 26 tháng 11 năm 2026". */
  placeDate: string;
  /** e.g. "Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW 6 tháng đầu năm 2026" (under the word "BÁO CÁO"). */
  subtitle: string;
  periodLabel: string;
  /** Body sections in order; headings like "I. KẾT QUẢ THỰC HIỆN". */
  sections: { heading: string; paragraphs: string[] }[];
  /** The indicator table (target, result, status). */
  indicators: ReportIndicatorRow[];
  /** One row per school (or unit) for the XLSX annex; may be empty for a single school's report. */
  units: ReportUnitFigures[];
  /** "Nơi nhận" list, e.g. ["UBND tỉnh Tây Ninh;", "Sở KH&CN;", "Lưu: VT, VHXH."]. */
  recipients: string[];
  /** Signature block: capacity ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "HIỆU TRƯỞNG"), title, signer name (may be empty). */
  signature: { capacity: string[]; name: string };
}
