/** The yearly budget estimate page (clause V.1): which units the actor plans for, and the year asked. */
import type { Actor } from "~/domain/auth/permissions";
import { mayManageUnitPaperwork } from "~/domain/auth/policies";
import { listUnits } from "~/domain/units/units";
import { reachOf } from "~/domain/auth/permissions";
import { forbidden, notFound } from "./auth.server";
import { db } from "./db.server";
import { idParam, yearParam } from "./params";

/** The units an actor may plan a budget for: their school, or (commune staff) the commune and its offices. */
export async function planningUnits(actor: Actor) {
  const units = await listUnits(db, { kinds: ["commune", "office", "school"], within: reachOf(actor) });
  return units.filter((u) => mayManageUnitPaperwork(actor, u)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
}

/** `?unit=` among the units the actor plans for (404 otherwise), else the first; `?year=`. */
export async function chosenPlanningUnit(actor: Actor, url: URL) {
  const units = await planningUnits(actor);
  if (!units.length) forbidden("Chỉ ban giám hiệu các trường và Phòng Văn hóa - Xã hội lập dự toán kinh phí.");
  const asked = idParam(url.searchParams.get("unit") ?? undefined);
  const unit = asked ? units.find((u) => u.id === asked) : units[0];
  if (!unit) notFound();
  return { units, unit, year: yearParam(url) };
}

export { budgetFigures } from "~/domain/indicators/budget";
export { budgetPlanOf, deleteBudgetPlanLine, saveBudgetPlanLine } from "~/domain/budget/plans";
