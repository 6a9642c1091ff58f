/** STEM clubs: who registers and manages a school's clubs. */
import { can, type Actor } from "../permissions";

export function canManageClubs(actor: Actor, schoolId: number): boolean {
  return can(actor, "school.manage", schoolId);
}
