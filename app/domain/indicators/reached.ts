/**
 * "Reached" figures (NQ57-25a, SCH-2.1): distinct people of the units and categories who attended (present
 * or late) at least one activity on the topic within the period, over the headcount of the period's year.
 * A person at three sessions counts once; periods are Vietnam-time; an empty denominator is "no data" (null).
 */
import type { DB } from "../../../db/connection";
import type { HeadcountCategory } from "../../../db/schema";
import type { Period } from "../shared/periods";
import { countedActivityIds } from "./scope";

export interface Share {
  numerator: number;
  denominator: number | null;
  /** Percent, or null when there is no headcount to divide by. */
  value: number | null;
}

export async function reachedShare(db: DB, q: { unitIds: number[]; categories: HeadcountCategory[]; period: Period; topic?: string }): Promise<Share> {
  const units = q.unitIds.length ? q.unitIds : [-1];
  const topic = q.topic ?? "NQ57";
  const reached = await db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .select((eb) => eb.fn.count<number>("attendance.person_id").distinct().as("n"))
    .where("people.unit_id", "in", units)
    .where("people.category", "in", q.categories)
    .where("attendance.status", "in", ["present", "late"])
    .where("attendance.activity_id", "in", countedActivityIds(db, q.period))
    .where("attendance.activity_id", "in", db.selectFrom("activity_topics").select("activity_id").where("topic_code", "=", topic))
    .executeTakeFirstOrThrow();
  const year = Number(q.period.startDate.slice(0, 4));
  const head = await db
    .selectFrom("headcounts")
    .select((eb) => eb.fn.sum<number>("count").as("total"))
    .where("unit_id", "in", units)
    .where("category", "in", q.categories)
    .where("year", "=", year)
    .executeTakeFirst();
  const numerator = Number(reached.n);
  const denominator = head?.total === null || head?.total === undefined || Number(head.total) === 0 ? null : Number(head.total);
  return { numerator, denominator, value: denominator === null ? null : Math.round((numerator / denominator) * 1000) / 10 };
}
