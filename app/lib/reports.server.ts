/** Who may open which half-year report: the commune's readers any school's; a school's administrators their own. */
import { mayReadReports, mayReadSchoolReport } from "~/domain/auth/policies";
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

export async function reportSchool(actor: Actor, unitParam: string | undefined): Promise<Unit> {
  const id = idParam(unitParam);
  const unit = id ? await getUnit(db, id) : undefined;
  if (!unit || unit.kind !== "school") notFound();
  requireReportReader(actor);
  if (!mayReadSchoolReport(actor, unit.id)) notFound();
  return unit;
}

export function requireReportReader(actor: Actor): void {
  if (!mayReadReports(actor)) forbidden("Báo cáo dành cho ban giám hiệu các trường và cán bộ xã.");
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { reportDeadline } from "~/domain/calendar/deadlines";
export { REPORT_STATUS_LABELS, timeliness, TIMELINESS_LABELS } from "~/domain/calendar/statuses";
export { computeIndicators } from "~/domain/indicators/engine";
export { halvesSoFar, reportStatus } from "~/domain/overview/dashboard";
export { reportDocx, reportXlsx, toCsv } from "~/domain/reports/documents";
export { communeReportDocument, schoolReportDocument } from "~/domain/reports/report-data";
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
  getReport,
  reopenReport,
  returnReport,
  saveDraft,
  submitReport,
} from "~/domain/reports/reports";
export { differences, signedFiguresFor } from "~/domain/reports/signed-figures";
export { getUnit } from "~/domain/units/units";
