/**
 * The aggregate behind "reached" figures (issue #7, docs/decisions/015): for each person, quarter (Vietnam time),
 * topic and form, how many counted activities (not cancelled) they attended, present or late. A commune's figure
 * then reads a few rows per person instead of every attendance record of the period.
 *
 * Kept current on write, in the same transaction as the change (never a nightly batch): every write that can
 * change it calls `refreshReach` — attendance marks (recordMarks: roll call, QR, import), an activity's update
 * (status, start, form, topics) or deletion, a club's deletion with its meetings. A refresh recomputes the
 * touched people's rows for the touched quarters from the records, so it is right whatever the change was.
 * `rebuildReach` recomputes everything (the demo seed, the benchmark's generator; migration 0010 has its own copy).
 */
import { engineOf } from "../../../db/engine";
import type { Executor } from "../audit/audit";
import { monthsIn, parsePeriod, type Period } from "../shared/periods";
import { vietnamParts } from "../shared/time";

/** The quarter ("2026-Q3") of an instant, Vietnam time. */
export function quarterOf(instant: string): string {
  const date = vietnamParts(instant).date;
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarters making up a period, or null when it is not whole quarters (a month). */
export function quartersOf(period: Period): string[] | null {
  const [y1, m1] = period.startDate.split("-").map(Number);
  const months = monthsIn(period);
  if ((m1 - 1) % 3 !== 0 || months % 3 !== 0) return null;
  const out: string[] = [];
  for (let i = 0; i < months; i += 3) {
    const month = m1 - 1 + i;
    out.push(`${y1 + Math.floor(month / 12)}-Q${Math.floor((month % 12) / 3) + 1}`);
  }
  return out;
}

/**
 * The activity as it is now (start, status, form), locked against a concurrent change (PostgreSQL): a write
 * that refreshes the aggregate for an activity must use the quarter it is in when the write commits, not when it
 * was loaded. `update`: the caller changes or deletes the activity; `share`: it records marks. Undefined if gone.
 */
export async function lockedActivity(db: Executor, activityId: number, mode: "update" | "share") {
  let q = db.selectFrom("activities").select(["starts_at", "status", "form"]).where("id", "=", activityId);
  if (engineOf(db) === "postgres") q = mode === "update" ? q.forUpdate() : q.forShare();
  return q.executeTakeFirst();
}

/** Whose rows to recompute: listed people, or everyone who has a record at some activities. */
export type ReachPeople = { personIds: number[] } | { attendeesOf: number[] };

const CHUNK = 5000;

async function refreshQuarter(
  db: Executor,
  quarter: Period,
  people: number[] | { attendeesOf: number[] } | "all",
  without: number[],
) {
  const persons =
    people === "all"
      ? null
      : Array.isArray(people)
        ? people
        : db
            .selectFrom("attendance")
            .select("attendance.person_id")
            .where("attendance.activity_id", "in", people.attendeesOf);
  // PostgreSQL runs writers side by side: two refreshes of one person would each delete, then each insert the
  // rows (a duplicate key), or count from a view without the other's mark. Lock the people first, in id order.
  if (persons && engineOf(db) === "postgres")
    await db.selectFrom("people").select("id").where("id", "in", persons).orderBy("id").forUpdate().execute();
  let del = db.deleteFrom("reach_quarters").where("quarter", "=", quarter.key);
  if (persons) del = del.where("person_id", "in", persons);
  await del.execute();
  await db
    .insertInto("reach_quarters")
    .columns(["person_id", "quarter", "topic_code", "form", "activities"])
    .expression((eb) => {
      let q = eb
        .selectFrom("attendance")
        .innerJoin("activities", "activities.id", "attendance.activity_id")
        .innerJoin("activity_topics", "activity_topics.activity_id", "activities.id")
        .select([
          "attendance.person_id",
          eb.val(quarter.key).as("quarter"),
          "activity_topics.topic_code",
          "activities.form",
          eb.fn.countAll<number>().as("activities"),
        ])
        .where("attendance.status", "in", ["present", "late"])
        .where("activities.status", "!=", "cancelled")
        .where("activities.starts_at", ">=", quarter.from)
        .where("activities.starts_at", "<", quarter.to)
        .groupBy(["attendance.person_id", "activity_topics.topic_code", "activities.form"]);
      if (persons) q = q.where("attendance.person_id", "in", persons);
      if (without.length) q = q.where("activities.id", "not in", without);
      return q;
    })
    .execute();
}

/**
 * Recomputes the people's rows for the quarters. `without` leaves out activities about to be deleted (call it
 * before the delete: afterwards their attendees are no longer known).
 */
export async function refreshReach(
  db: Executor,
  people: ReachPeople,
  quarters: Iterable<string>,
  opts: { without?: number[] } = {},
): Promise<void> {
  const without = opts.without ?? [];
  for (const key of new Set(quarters)) {
    const quarter = parsePeriod(key);
    if (!quarter) throw new Error(`Not a quarter: ${key}`);
    if ("attendeesOf" in people) {
      if (people.attendeesOf.length) await refreshQuarter(db, quarter, people, without);
      continue;
    }
    const ids = [...new Set(people.personIds)];
    // Chunks keep every query under the database's limit on bound values.
    for (let i = 0; i < ids.length; i += CHUNK) await refreshQuarter(db, quarter, ids.slice(i, i + CHUNK), without);
  }
}

/** Recomputes the whole aggregate from the records, every quarter that has an activity (run it in a transaction). */
export async function rebuildReach(db: Executor): Promise<void> {
  const range = await db
    .selectFrom("activities")
    .select((eb) => [eb.fn.min<string>("starts_at").as("first"), eb.fn.max<string>("starts_at").as("last")])
    .executeTakeFirst();
  await db.deleteFrom("reach_quarters").execute();
  if (!range?.first || !range.last) return;
  const last = quarterOf(range.last);
  for (let quarter = parsePeriod(quarterOf(range.first))!; ; quarter = parsePeriod(quarterOf(quarter.to))!) {
    await refreshQuarter(db, quarter, "all", []);
    if (quarter.key === last) break;
  }
}
