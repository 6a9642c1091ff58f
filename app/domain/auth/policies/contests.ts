/** Contests and their entries: who may register, change or record results, and which contests an actor sees. */
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../../db/connection";
import type { Contest, ContestEntry, Database, Unit } from "../../../../db/schema";
import { can, managesCommuneUnit, ownSchoolIds, reachOf, type Actor } from "../permissions";

type ContestWithOrganizer = Contest & { organizer: Unit };

export function canManageContest(actor: Actor, organizer: Pick<Unit, "id" | "kind">): boolean {
  return organizer.kind === "school"
    ? can(actor, "school.manage", organizer.id)
    : managesCommuneUnit(actor, organizer.id);
}

/** The commune's readers see every contest; a school's staff see their school's and the open ones. */
export function contestVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "contests">) => {
    const reach = reachOf(actor);
    const inReach = reach ? eb("contests.organizer_unit_id", "in", reach.length ? reach : [-1]) : sql<SqlBool>`1 = 1`;
    if (can(actor, "commune.read")) return inReach;
    const own = ownSchoolIds(actor);
    return eb.or([
      eb.and([eb("contests.open_to_all", "=", 1), inReach]),
      eb("contests.organizer_unit_id", "in", own.length ? own : [-1]),
    ]);
  };
}

export async function canSeeContest(db: DB, actor: Actor, id: number): Promise<boolean> {
  return !!(await db
    .selectFrom("contests")
    .select("id")
    .where("id", "=", id)
    .where(contestVisibleTo(actor))
    .executeTakeFirst());
}

/** The entry's school records its result; the contest's organizer may too. */
export function canRecordResult(
  actor: Actor,
  entry: Pick<ContestEntry, "school_id">,
  contest: Pick<ContestWithOrganizer, "organizer">,
): boolean {
  return can(actor, "school.manage", entry.school_id) || canManageContest(actor, contest.organizer);
}

/** An entry (and its evidence, which may show students): the entering school's staff; the contest's organizer sees it listed. */
export function mayReadEntry(actor: Actor, entry: Pick<ContestEntry, "school_id">): boolean {
  return can(actor, "school.read", entry.school_id);
}

/** An entry's evidence file (a certificate with students' names): the entering school's own staff. */
export function maySeeEntryEvidence(actor: Actor, entry: Pick<ContestEntry, "school_id">): boolean {
  return can(actor, "students.names", entry.school_id);
}

/** An entry is withdrawn by its school's administrators. */
export function mayDeleteEntry(actor: Actor, entry: Pick<ContestEntry, "school_id">): boolean {
  return can(actor, "school.manage", entry.school_id);
}
