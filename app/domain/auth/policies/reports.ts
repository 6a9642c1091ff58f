/** Half-year reports and the plan's figures: who prepares, approves and reads them. */
import type { Unit } from "../../../../db/schema";
import { can, ownSchoolIds, reaches, type Actor } from "../permissions";

/** A school's report is prepared and submitted by its administrators. */
export function mayPrepareReport(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return unit.kind === "school" && can(actor, "school.manage", unit.id);
}

/** Reports of a commune's schools are approved, returned and reopened (and its cut-offs set) by that commune's staff. */
export function mayApproveReportsIn(actor: Actor, communeId: number): boolean {
  return can(actor, "reports.approve") && reaches(actor, communeId);
}

/** Reports and the indicator pages are for the commune's readers and the schools' administrators (not teachers). */
export function mayReadReports(actor: Actor): boolean {
  return can(actor, "commune.read") || can(actor, "school.manage");
}

/** One school's report: the commune's readers in reach, or the school's own administrators. */
export function mayReadSchoolReport(actor: Actor, schoolId: number): boolean {
  return (
    (can(actor, "commune.read") && reaches(actor, schoolId)) ||
    (mayReadReports(actor) && ownSchoolIds(actor).includes(schoolId))
  );
}

export const mayReadIndicators = mayReadReports;

/** The commune's own report (all its schools): the commune's readers. */
export function mayReadCommuneReport(actor: Actor): boolean {
  return can(actor, "commune.read");
}
