import type { AppLoadContext } from "@remix-run/node";
import type { Unit } from "../../db/schema";
import { type Actor } from "~/domain/auth/permissions";
import { getUnit } from "~/domain/units/units";
import { notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam } from "./params";
import { mayOpenPeopleOf, refuse, seesUnit } from "~/domain/auth/policies";

/** The unit whose people a page is about, after checking the actor may look at it. */
export async function requirePeopleUnit(
  request: Request,
  context: AppLoadContext,
  unitIdText: string | undefined,
): Promise<{ actor: Actor; unit: Unit }> {
  const actor = await requireActor(request, context);
  const id = idParam(unitIdText);
  const unit = id ? await getUnit(db, id) : undefined;
  if (!unit || unit.kind === "province") notFound();
  if (!mayOpenPeopleOf(actor, unit)) refuse(seesUnit(actor, unit));
  return { actor, unit };
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { commitPeopleImport, previewPeopleImport } from "~/domain/people/import";
export {
  addPerson,
  getPerson,
  listPeople,
  peopleCounts,
  type PersonSort,
  setPersonLeft,
  updatePerson,
} from "~/domain/people/people";
export { peopleTemplate } from "~/domain/people/template";
export { listUnits } from "~/domain/units/units";
