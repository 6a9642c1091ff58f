/** Who may open which half-year report: the commune's readers any unit's; a school's or office's preparers their own. */
import { filesReports, mayReadReports, mayReadUnitReport, refuse, seesUnit } from "~/domain/auth/policies";
import type { Actor } from "~/domain/auth/permissions";
import { isHalfYear } from "~/domain/reports/reports";
import { parsePeriod, type Period } from "~/domain/shared/periods";
import { getUnit } from "~/domain/units/units";
import type { Unit } from "../../db/schema";
import { forbidden, notFound } from "./auth.server";
import { db } from "./db.server";
import { idParam } from "./params";

export function halfPeriod(key: string | undefined): Period {
  const period = key && isHalfYear(key) && key >= "2025" && key < "2031" ? parsePeriod(key) : null;
  if (!period) notFound("Kỳ báo cáo không hợp lệ (ví dụ 2026-H1).");
  return period;
}

/**
 * The school or office whose report is asked for, if the actor may read it: 403 for a unit they see (a principal
 * asking for an office's report of their commune), 404 for one they do not (its existence is private).
 */
export async function reportUnit(actor: Actor, unitParam: string | undefined): Promise<Unit> {
  const id = idParam(unitParam);
  const unit = id ? await getUnit(db, id) : undefined;
  if (!unit || !filesReports(unit)) notFound();
  requireReportReader(actor);
  if (!mayReadUnitReport(actor, unit.id))
    refuse(
      seesUnit(actor, unit),
      "Mỗi đơn vị chỉ xem được báo cáo của chính mình; báo cáo của các đơn vị do xã xem và duyệt.",
    );
  return unit;
}

export function requireReportReader(actor: Actor): void {
  if (!mayReadReports(actor))
    forbidden("Báo cáo dành cho ban giám hiệu các trường, cán bộ các cơ quan chuyên môn và cán bộ xã.");
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { reportDeadline } from "~/domain/calendar/deadlines";
export { REPORT_STATUS_LABELS, timeliness, TIMELINESS_LABELS } from "~/domain/calendar/statuses";
export { computeIndicators, unitScope } from "~/domain/indicators/engine";
export { halvesSoFar, reportStatus } from "~/domain/overview/dashboard";
export { reportDocx, reportXlsx, toCsv } from "~/domain/reports/documents";
export { communeReportDocument, unitReportDocument } from "~/domain/reports/report-data";
export {
  approvableFrom,
  communeIdOf,
  cutoffBounds,
  nextHalf,
  periodRangeText,
  reportPeriod,
  reportPeriodOfUnit,
  setCutoff,
  withBounds,
} from "~/domain/reports/report-periods";
export {
  approveReport,
  approveReports,
  getReport,
  reopenReport,
  returnReport,
  saveDraft,
  submitReport,
} from "~/domain/reports/reports";
export { differences, signedFiguresFor } from "~/domain/reports/signed-figures";
export {
  filterReportRows,
  parseReportListFilter,
  REPORT_LIST_STATUSES,
  reportListWorkbook,
} from "~/domain/reports/list-sheet";
export { getUnit } from "~/domain/units/units";
