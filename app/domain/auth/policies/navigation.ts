/** The sections of the app an actor sees in the navigation — the same policies the sections' guards call. */
import { can, type Actor } from "../permissions";
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
