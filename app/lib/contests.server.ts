import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/domain/auth/permissions";
import { getContest, type ContestWithOrganizer } from "~/domain/contests/contests";
import { notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam } from "./params";
import { canSeeContest } from "~/domain/auth/policies";

/** The contest a page is about; one the actor may not see answers 404. */
export async function requireContest(
  request: Request,
  context: AppLoadContext,
  idText: string | undefined,
): Promise<{ actor: Actor; contest: ContestWithOrganizer }> {
  const actor = await requireActor(request, context);
  const id = idParam(idText);
  const contest = id ? await getContest(db, id) : undefined;
  if (!contest || !(await canSeeContest(db, actor, contest.id))) notFound();
  return { actor, contest };
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export {
  awardsBySchool,
  contestOrganizerFor,
  type ContestSort,
  createContest,
  createEntry,
  deleteContest,
  deleteEntry,
  entryCandidates,
  entryCount,
  getEntry,
  listContests,
  listEntries,
  recordResult,
  updateContest,
} from "~/domain/contests/contests";
export { releaseUnclaimed } from "~/domain/files/lifecycle";
export { storedPath } from "~/domain/files/storage";
export { storeSmallFile } from "~/domain/files/upload-stream";
export { schoolClasses } from "~/domain/people/people";
export { getUnit } from "~/domain/units/units";
