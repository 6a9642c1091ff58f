import type { AppLoadContext } from "@remix-run/node";
import type { PersonCategory, Unit } from "../../db/schema";
import { type Actor } from "~/domain/auth/permissions";
import type { PeopleQuery } from "~/domain/people/list-sheet";
import type { PersonSort } from "~/domain/people/people";
import { personCategoriesFor } from "~/domain/people/vocabulary";
import { getUnit } from "~/domain/units/units";
import { notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam, oneOf, searchParam } from "./params";
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

/** The list's tab, filters and order, as its page and its download read them. */
export function parsePeopleQuery(url: URL, unit: Unit): PeopleQuery {
  const p = url.searchParams;
  const categories = personCategoriesFor(unit.kind);
  const category = oneOf<PersonCategory>(p.get("category"), categories, categories[0]);
  return {
    category,
    q: searchParam(url),
    className: (category === "students" && p.get("class")?.trim().slice(0, 20)) || undefined,
    includeLeft: p.get("left") === "1",
    sort: oneOf<PersonSort>(p.get("sort"), ["name", "code", "class"], category === "students" ? "class" : "name"),
  };
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
  schoolClasses,
  setPersonLeft,
  updatePerson,
} from "~/domain/people/people";
export {
  HOMEROOMS_BY_PRINCIPALS,
  assignHomerooms,
  homeroomBoard,
  linkPersonAccount,
  staffAccounts,
} from "~/domain/people/homerooms";
export { peopleWorkbook } from "~/domain/people/list-sheet";
export { peopleTemplate } from "~/domain/people/template";
export { listUnits } from "~/domain/units/units";
