import type { AppLoadContext } from "@remix-run/node";
import type { Club, Unit } from "../../db/schema";
import type { Actor } from "~/domain/auth/permissions";
import { getClub } from "~/domain/clubs/clubs";
import { getUnit } from "~/domain/units/units";
import { notFound, requireActor, requireSchoolAccess } from "./auth.server";
import { db } from "./db.server";
import { idParam } from "./params";

/** The club a page is about; another school's club answers 404. */
export async function requireClub(
  request: Request,
  context: AppLoadContext,
  idText: string | undefined,
): Promise<{ actor: Actor; club: Club; school: Unit }> {
  const actor = await requireActor(request, context);
  const id = idParam(idText);
  const club = id ? await getClub(db, id) : undefined;
  if (!club) notFound();
  requireSchoolAccess(actor, club.school_id);
  const school = (await getUnit(db, club.school_id))!;
  return { actor, club, school };
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export {
  addMembers,
  clubDeletionConsequences,
  clubMeetings,
  clubMembers,
  type ClubSort,
  createClub,
  deleteClub,
  endMembership,
  joinCandidates,
  listClubs,
  recordMeeting,
  updateClub,
} from "~/domain/clubs/clubs";
export { schoolClasses } from "~/domain/people/people";
export { listUnits } from "~/domain/units/units";
