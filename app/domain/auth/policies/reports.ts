/** Half-year reports and the plan's figures: who prepares, approves and reads them. */
import type { Unit } from "../../../../db/schema";
import { REPORTING_KINDS } from "../../calendar/deadlines";
import { can, reaches, reportingUnitIds, type Actor } from "../permissions";

export function filesReports(unit: Pick<Unit, "kind">): boolean {
  return (REPORTING_KINDS as readonly string[]).includes(unit.kind);
}

/** A unit's report is prepared and submitted by its own staff: a school's administrators, an office's staff. */
export function mayPrepareReport(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return filesReports(unit) && can(actor, "reports.prepare", unit.id);
}

/** Reports of a commune's units are approved, returned and reopened (and its cut-offs set) by that commune's staff. */
export function mayApproveReportsIn(actor: Actor, communeId: number): boolean {
  return can(actor, "reports.approve") && reaches(actor, communeId);
}

/** The reports section: the commune's readers, and those who prepare a unit's report. */
export function mayReadReports(actor: Actor): boolean {
  return can(actor, "commune.read") || can(actor, "reports.prepare");
}

/** One unit's report: the commune's readers in reach, or the unit's own preparers. */
export function mayReadUnitReport(actor: Actor, unitId: number): boolean {
  return (can(actor, "commune.read") && reaches(actor, unitId)) || reportingUnitIds(actor).includes(unitId);
}

/** The indicator pages: the commune's readers and the schools' administrators (not teachers, not offices). */
export function mayReadIndicators(actor: Actor): boolean {
  return can(actor, "commune.read") || can(actor, "school.manage");
}

/** The commune's own report (all its units): the commune's readers. */
export function mayReadCommuneReport(actor: Actor): boolean {
  return can(actor, "commune.read");
}
