/**
 * "Reached" figures (NQ57-25a, SCH-2.1, NQ57-30c): distinct people of the units and categories who attended
 * (present or late) at least one counted activity on the topic within the period (optionally of some forms),
 * over the headcount of the period's year. A person at three sessions counts once; periods are Vietnam-time;
 * an empty denominator is "no data" (null).
 */
import type { DB } from "../../../db/connection";
import type { HeadcountCategory } from "../../../db/schema";
import type { Period } from "../shared/periods";
import { quartersOf } from "../reach/reach-aggregate";
import { countedActivityIds } from "./scope";

export interface Share {
  numerator: number;
  denominator: number | null;
  /** Percent, or null when there is no headcount to divide by. */
  value: number | null;
}

export interface ReachQuery {
  unitIds: number[];
  categories: HeadcountCategory[];
  period: Period;
  topic?: string;
  forms?: string[];
}

/** The attendance rows that make people "reached" (the drill-down lists them with their sessions). */
export function reachedAttendance(db: DB, q: ReachQuery) {
  let activities = countedActivityIds(db, q.period).where(
    "id",
    "in",
    db
      .selectFrom("activity_topics")
      .select("activity_id")
      .where("topic_code", "=", q.topic ?? "NQ57"),
  );
  if (q.forms) activities = activities.where("form", "in", q.forms.length ? q.forms : ["-"]);
  // People first: the units' few thousand people and their own attendance (index on person), not every
  // activity of the period across a province. SQLite keeps a CROSS JOIN's order; PostgreSQL plans it freely.
  return db
    .selectFrom("people")
    .crossJoin("attendance")
    .whereRef("attendance.person_id", "=", "people.id")
    .where("people.unit_id", "in", q.unitIds.length ? q.unitIds : [-1])
    .where("people.category", "in", q.categories)
    .where("attendance.status", "in", ["present", "late"])
    .where("attendance.activity_id", "in", activities);
}

/**
 * The units' people of the categories reached in the period: read from the aggregate kept on write
 * (reach-aggregate.ts) for periods made of quarters, from the attendance records otherwise (a month).
 * Tested to agree with `reachedAttendance` (indicators-reach-aggregate.test.ts).
 */
export function reachedPeople(db: DB, q: ReachQuery) {
  const people = db
    .selectFrom("people")
    .where("people.unit_id", "in", q.unitIds.length ? q.unitIds : [-1])
    .where("people.category", "in", q.categories);
  const quarters = quartersOf(q.period);
  if (!quarters) return people.where("people.id", "in", reachedAttendance(db, q).select("attendance.person_id"));
  return people.where((eb) =>
    eb.exists(
      eb
        .selectFrom("reach_quarters")
        .select("reach_quarters.person_id")
        .whereRef("reach_quarters.person_id", "=", "people.id")
        .where("reach_quarters.quarter", "in", quarters)
        .where("reach_quarters.topic_code", "=", q.topic ?? "NQ57")
        .$if(Boolean(q.forms), (b) => b.where("reach_quarters.form", "in", q.forms!.length ? q.forms! : ["-"])),
    ),
  );
}

export async function reachedCount(db: DB, q: ReachQuery): Promise<number> {
  const row = await reachedPeople(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The units' headcount for the categories in the period's year; null when none was recorded (or it is 0). */
export async function headcountTotal(
  db: DB,
  q: { unitIds: number[]; categories: HeadcountCategory[]; period: Period },
): Promise<number | null> {
  const head = await db
    .selectFrom("headcounts")
    .select((eb) => eb.fn.sum<number>("count").as("total"))
    .where("unit_id", "in", q.unitIds.length ? q.unitIds : [-1])
    .where("category", "in", q.categories)
    .where("year", "=", q.period.year)
    .executeTakeFirst();
  return head?.total === null || head?.total === undefined || Number(head.total) === 0 ? null : Number(head.total);
}

/** Percent with one decimal, or null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number | null): number | null {
  return denominator === null || denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

export async function reachedShare(db: DB, q: ReachQuery): Promise<Share> {
  const numerator = await reachedCount(db, q);
  const denominator = await headcountTotal(db, q);
  return { numerator, denominator, value: percent(numerator, denominator) };
}
