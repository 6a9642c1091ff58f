import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/domain/auth/permissions";
import {
  type ContestFilter,
  type ContestSort,
  getContest,
  type ContestWithOrganizer,
} from "~/domain/contests/contests";
import { CONTEST_LEVELS, CONTEST_STATUSES } from "~/domain/contests/vocabulary";
import { notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam, oneOf, searchParam } from "./params";
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

/** The list's filters and order, as its page and its download read them. */
export function parseContestFilter(url: URL): { filter: ContestFilter; sort: ContestSort } {
  const p = url.searchParams;
  const year = Number(p.get("year"));
  return {
    filter: {
      q: searchParam(url),
      year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
      level: CONTEST_LEVELS.find((l) => l === p.get("level")),
      status: CONTEST_STATUSES.find((s) => s === p.get("status")),
    },
    sort: oneOf<ContestSort>(p.get("sort"), ["newest", "name"], "newest"),
  };
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
export { contestsWorkbook } from "~/domain/contests/list-sheet";
export { releaseUnclaimed } from "~/domain/files/lifecycle";
export { storedPath } from "~/domain/files/storage";
export { storeSmallFile } from "~/domain/files/upload-stream";
export { schoolClasses } from "~/domain/people/people";
export { getUnit } from "~/domain/units/units";
