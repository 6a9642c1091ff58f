/**
 * The /reports list of a commune's half-year (issue 19): which units' reports stand where, searched by the unit's
 * name without diacritics and filtered by status, and the same rows as a workbook.
 */
import type { ReportStatus } from "../../../db/schema";
import { REPORT_STATUS_LABELS } from "../calendar/statuses";
import { listWorkbook } from "../shared/list-workbook";
import { DATE_TIME_FORMAT, vietnamDateCell } from "../shared/sheets";
import { foldVietnamese } from "../shared/text";

export type ReportListStatus = ReportStatus | "missing";
export const REPORT_LIST_STATUSES: ReportListStatus[] = ["missing", "draft", "submitted", "returned", "approved"];

export interface ReportListFilter {
  q?: string;
  status?: ReportListStatus;
}

export interface ReportListRow {
  unit: string;
  unitKind: string;
  status: ReportListStatus;
  statusLabel: string;
  timelinessLabel: string;
  submittedAt: string | null;
}

export function parseReportListFilter(url: URL): ReportListFilter {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const status = url.searchParams.get("status") as ReportListStatus | null;
  return { q: q || undefined, status: status && REPORT_LIST_STATUSES.includes(status) ? status : undefined };
}

export function filterReportRows<R extends ReportListRow>(rows: R[], f: ReportListFilter): R[] {
  const q = f.q ? foldVietnamese(f.q) : "";
  return rows.filter((r) => (!q || foldVietnamese(r.unit).includes(q)) && (!f.status || r.status === f.status));
}

export function reportListWorkbook(
  rows: ReportListRow[],
  o: { communeName: string; halfLabel: string; filter: ReportListFilter },
) {
  return listWorkbook({
    sheet: "Báo cáo 6 tháng",
    title: `TÌNH HÌNH NỘP BÁO CÁO ${o.halfLabel.toUpperCase()} — ${o.communeName.toUpperCase()}`,
    filters: [
      o.filter.q && `Tìm “${o.filter.q}”`,
      o.filter.status && `Trạng thái: ${REPORT_STATUS_LABELS[o.filter.status]}`,
    ],
    total: rows.length,
    rows,
    columns: [
      { header: "Đơn vị", width: 36, value: (r) => r.unit },
      { header: "Loại", width: 14, value: (r) => (r.unitKind === "school" ? "Trường học" : "Cơ quan") },
      { header: "Trạng thái", width: 20, value: (r) => r.statusLabel },
      {
        header: "Ngày nộp",
        width: 18,
        format: DATE_TIME_FORMAT,
        value: (r) => vietnamDateCell(r.submittedAt),
      },
      { header: "Thời hạn", width: 20, value: (r) => r.timelinessLabel },
    ],
  });
}
