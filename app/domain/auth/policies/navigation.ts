/** The sections of the app an actor sees in the navigation — the same policies the sections' guards call. */
import { can, hasRole, type Actor } from "../permissions";
import { mayReadIndicators, mayReadReports } from "./reports";

export type Section =
  | "home"
  | "people"
  | "clubs"
  | "contests"
  | "activities"
  | "attendance"
  | "materials"
  | "indicators"
  | "reports"
  | "admin";

export function sectionsFor(actor: Actor): Section[] {
  const out: Section[] = ["home"];
  const readsSchools = can(actor, "school.read");
  if (readsSchools) out.push("people", "clubs", "contests", "activities");
  if (can(actor, "attendance.write") || can(actor, "commune.read")) out.push("attendance");
  if (readsSchools) out.push("materials");
  if (mayReadIndicators(actor)) out.push("indicators");
  if (mayReadReports(actor)) out.push("reports");
  if (can(actor, "accounts.manage") || can(actor, "units.manage")) out.push("admin");
  return out;
}

/**
 * The sections a role uses most, one tap away on a phone's bottom bar (issue 20): at most four, in the order of the
 * day's work; the others are under "Thêm".
 */
export function primarySections(actor: Actor, sections: Section[] = sectionsFor(actor)): Section[] {
  const order: Section[] = hasRole(actor, "teacher")
    ? ["home", "attendance", "materials", "activities"]
    : hasRole(actor, "school_admin")
      ? ["home", "activities", "attendance", "reports"]
      : hasRole(actor, "commune_staff")
        ? ["home", "reports", "indicators", "activities"]
        : hasRole(actor, "system_admin")
          ? ["home", "admin", "indicators", "reports"]
          : hasRole(actor, "office_staff")
            ? ["home", "reports", "materials"]
            : ["home", "indicators", "reports", "activities"];
  return order.filter((s) => sections.includes(s)).slice(0, 4);
}
