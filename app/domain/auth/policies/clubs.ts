/** STEM clubs: who registers and manages a school's clubs, and who records their meetings. */
import type { DB } from "../../../../db/connection";
import type { Club } from "../../../../db/schema";
import { can, type Actor } from "../permissions";

export function canManageClubs(actor: Actor, schoolId: number): boolean {
  return can(actor, "school.manage", schoolId);
}

/**
 * Whether the actor advises the club now: one of its school's staff whose own person record (people.user_id, linked
 * by the principal on the person's page) is a current advisor of the club (club_members.role = 'advisor').
 */
export async function advisesClub(db: DB, actor: Actor, club: Pick<Club, "id" | "school_id">): Promise<boolean> {
  if (!can(actor, "attendance.write", club.school_id)) return false;
  const row = await db
    .selectFrom("club_members")
    .innerJoin("people", "people.id", "club_members.person_id")
    .select("club_members.id")
    .where("club_members.club_id", "=", club.id)
    .where("club_members.role", "=", "advisor")
    .where("club_members.left_on", "is", null)
    .where("people.user_id", "=", actor.userId)
    .where("people.unit_id", "=", club.school_id)
    .where("people.left_on", "is", null)
    .executeTakeFirst();
  return !!row;
}

/** Who records a club's meetings (and then takes their attendance): the school's administrators and the club's advisors (issue 20). */
export async function canRecordClubMeeting(
  db: DB,
  actor: Actor,
  club: Pick<Club, "id" | "school_id">,
): Promise<boolean> {
  return canManageClubs(actor, club.school_id) || advisesClub(db, actor, club);
}
