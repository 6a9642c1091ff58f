import type { AppLoadContext } from "@remix-run/node";
import type { Club, Unit } from "../../db/schema";
import { can, type Actor } from "~/domain/auth/permissions";
import { type ClubFilter, type ClubSort, getClub } from "~/domain/clubs/clubs";
import { CLUB_FIELDS, CLUB_STATUSES } from "~/domain/clubs/vocabulary";
import { getUnit } from "~/domain/units/units";
import { notFound, requireActor, requireSchoolAccess } from "./auth.server";
import { db } from "./db.server";
import { idParam, oneOf, searchParam } from "./params";

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

/** The list's filters and order, as its page and its download read them (the school: the commune's readers only). */
export function parseClubFilter(url: URL, actor: Actor): { filter: ClubFilter; sort: ClubSort } {
  const p = url.searchParams;
  const commune = can(actor, "commune.read");
  return {
    filter: {
      q: searchParam(url),
      schoolId: commune ? (idParam(p.get("school") ?? undefined) ?? undefined) : undefined,
      status: CLUB_STATUSES.find((s) => s === p.get("status")),
      field: CLUB_FIELDS.find((f) => f === p.get("field")),
    },
    sort: oneOf<ClubSort>(p.get("sort"), ["name", "members", "school"], commune ? "school" : "name"),
  };
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
  MEETING_RECORDERS_ONLY,
  recordMeeting,
  updateClub,
} from "~/domain/clubs/clubs";
export { clubsWorkbook } from "~/domain/clubs/list-sheet";
export { listUnits } from "~/domain/units/units";
