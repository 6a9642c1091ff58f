/** People: who manages a unit's list, and who sees names (students' names never leave their school). */
import type { PersonCategory, Unit } from "../../../../db/schema";
import { can, managesCommuneUnit, reaches, type Actor } from "../permissions";

/** Who may add, change or import a unit's people: the school's administrator; the commune's staff for offices. */
export function canManagePeople(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return unit.kind === "school" ? can(actor, "school.manage", unit.id) : managesCommuneUnit(actor, unit.id);
}

/** Who assigns a school's homeroom teachers and links its staff records to their accounts: its administrators (issue 20). */
export function canAssignHomerooms(actor: Actor, unit: Pick<Unit, "id" | "kind">): boolean {
  return unit.kind === "school" && canManagePeople(actor, unit);
}

/**
 * Whether a person record may stand for a login account (a club's advisor records its meetings, issue 20): a school's
 * staff member, never a pupil.
 */
export function mayLinkAccount(unit: Pick<Unit, "kind">, person: { category: PersonCategory }): boolean {
  return unit.kind === "school" && person.category !== "students";
}

/** Who may see a unit's list of people by name. Students' names stay inside their school. */
export function canSeeNames(actor: Actor, unit: Pick<Unit, "id" | "kind">, category: PersonCategory): boolean {
  if (unit.kind !== "school")
    return (can(actor, "commune.read") || can(actor, "commune.manage")) && reaches(actor, unit.id);
  if (category === "students") return can(actor, "students.names", unit.id);
  return can(actor, "school.read", unit.id);
}

/** A unit's list of people: a school's own staff and the commune's readers (counts for students); a commune unit's for the commune's readers and staff. */
export function mayOpenPeopleOf(actor: Actor, unit: Unit): boolean {
  if (unit.kind === "school") return can(actor, "school.read", unit.id);
  return (can(actor, "commune.read") || can(actor, "commune.manage")) && reaches(actor, unit.id);
}

/** The list of every unit's people (the commune's overview); a school's staff go to their own school's. */
export function mayListAllPeople(actor: Actor): boolean {
  return can(actor, "commune.read");
}
