import { reachOf } from "~/domain/auth/permissions";
import type { AppLoadContext } from "@remix-run/node";
import type { Activity, Unit } from "../../db/schema";
import {
  type ActivityFilter,
  type ActivitySort,
  getActivity,
  listVocabulary,
  organizerChoices,
} from "~/domain/activities/activities";
import { ACTIVITY_STATUSES } from "~/domain/activities/vocabulary";
import { parsePeriod } from "~/domain/shared/periods";
import type { Actor } from "~/domain/auth/permissions";
import { listUnits } from "~/domain/units/units";
import { notFound, requireActor } from "./auth.server";
import { db } from "./db.server";
import { idParam, oneOf, searchParam } from "./params";
import { canSeeActivity } from "~/domain/auth/policies";

/** The activity a page is about; one the actor may not see answers 404. */
export async function requireActivity(
  request: Request,
  context: AppLoadContext,
  idText: string | undefined,
): Promise<{ actor: Actor; activity: Activity & { organizer: Unit } }> {
  const actor = await requireActor(request, context);
  const id = idParam(idText);
  const activity = id ? await getActivity(db, id) : undefined;
  if (!activity || !(await canSeeActivity(db, actor, activity.id))) notFound();
  return { actor, activity };
}

/** What the activity form needs to offer. */
export async function activityFormOptions(actor: Actor) {
  const [organizers, units, vocabulary] = await Promise.all([
    organizerChoices(db, actor),
    listUnits(db, { kinds: ["commune", "office", "school", "hamlet"], within: reachOf(actor) }),
    listVocabulary(db),
  ]);
  const pick = (u: Unit) => ({ id: u.id, name: u.name, kind: u.kind });
  return { organizers: organizers.map(pick), units: units.map(pick), vocabulary };
}

export function parseActivityFilter(url: URL) {
  const p = url.searchParams;
  const period = parsePeriod(p.get("period"));
  return {
    filter: {
      q: searchParam(url),
      unitId: idParam(p.get("unit") ?? undefined) ?? undefined,
      topic: p.get("topic") || undefined,
      form: p.get("form") || undefined,
      audience: p.get("audience") || undefined,
      status: ACTIVITY_STATUSES.find((s) => s === p.get("status")),
      from: period?.from,
      to: period?.to,
    } satisfies ActivityFilter,
    period: period?.key ?? "",
  };
}

/** The list's order, as its page and its download read it. */
export function activitySort(url: URL): ActivitySort {
  return oneOf<ActivitySort>(url.searchParams.get("sort"), ["newest", "oldest", "title"], "newest");
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export {
  activityDetail,
  type ActivitySort,
  addBudgetLine,
  calendarActivities,
  createActivity,
  deleteActivity,
  deleteBudgetLine,
  deletionConsequences,
  invitedAmong,
  listActivities,
  listVocabulary,
  organizerChoices,
  setReach,
  updateActivity,
} from "~/domain/activities/activities";
export { feedIcs, feedToken, unitForFeed } from "~/domain/activities/calendar-feed";
export { activitiesWorkbook } from "~/domain/activities/list-sheet";
export { listUnits } from "~/domain/units/units";
