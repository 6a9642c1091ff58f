/**
 * "Reached" figures (NQ57-25a, SCH-2.1, NQ57-30c): distinct people of the units and categories who attended
 * (present or late) at least one counted activity on the topics within the period (optionally of some forms),
 * over the headcount of the period's year. A person at three sessions counts once; a topic includes its
 * sub-topics (CĐS: nền tảng số…); periods are Vietnam-time; an empty denominator is "no data" (null).
 *
 * A share's numerator is part of its denominator's population (issue #17): per unit and category, at most the
 * headcount is counted. Where the roster holds more people reached than the year's headcount (a roster of today
 * against last year's headcount, a class added without its headcount), the share says which unit and category
 * disagree, so the school corrects one or the other, instead of printing a share above 100 %.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/connection";
import type { HeadcountCategory } from "../../../db/schema";
import type { Period } from "../shared/periods";
import { quartersOf } from "../reach/reach-aggregate";
import { countedActivityIds } from "./scope";

/** Where a unit's records count more people of a category than its headcount for the year (null: none entered). */
export interface PopulationGap {
  unitId: number;
  category: HeadcountCategory;
  reached: number;
  headcount: number | null;
}

export interface Share {
  numerator: number;
  denominator: number | null;
  /** Percent, or null when there is no headcount to divide by. */
  value: number | null;
  /** Units and categories whose people reached exceed the headcount (only the headcount is counted). */
  gaps: PopulationGap[];
}

export interface ReachQuery {
  unitIds: number[];
  categories: HeadcountCategory[];
  period: Period;
  /** Topics, each with its sub-topics; NQ57 when not given. */
  topics?: string[];
  forms?: string[];
}

/** A topic code column matching one of the codes or one of their sub-topics (vocabulary `parent_code`). */
export function topicWithin(column: string, codes: string[]) {
  const list = sql.join(codes.length ? codes : ["-"]);
  return sql<boolean>`(${sql.ref(column)} in (${list}) or ${sql.ref(column)} in (select code from vocab_terms where kind = 'topic' and parent_code in (${list})))`;
}

/** The attendance rows that make people "reached" (the drill-down lists them with their sessions). */
export function reachedAttendance(db: DB, q: ReachQuery) {
  let activities = countedActivityIds(db, q.period).where(
    "id",
    "in",
    db
      .selectFrom("activity_topics")
      .select("activity_id")
      .where(topicWithin("activity_topics.topic_code", q.topics ?? ["NQ57"])),
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
        .where(topicWithin("reach_quarters.topic_code", q.topics ?? ["NQ57"]))
        .$if(Boolean(q.forms), (b) => b.where("reach_quarters.form", "in", q.forms!.length ? q.forms! : ["-"])),
    ),
  );
}

/**
 * "Who has not been reached yet": the units' people of the categories on the roster during the period (not
 * left before it began) that no counted activity on the topics reached in it.
 */
export function notReachedPeople(db: DB, q: ReachQuery) {
  return db
    .selectFrom("people")
    .where("people.unit_id", "in", q.unitIds.length ? q.unitIds : [-1])
    .where("people.category", "in", q.categories)
    .where((eb) => eb.or([eb("people.left_on", "is", null), eb("people.left_on", ">=", q.period.startDate)]))
    .where("people.id", "not in", reachedPeople(db, q).select("people.id"));
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

/** Each unit's share: its people reached, at most its headcount per category, over its headcount. */
export async function reachedSharesByUnit(db: DB, q: ReachQuery): Promise<Map<number, Share>> {
  const units = q.unitIds.length ? q.unitIds : [-1];
  const reached = await reachedPeople(db, q)
    .select(["people.unit_id as unit", "people.category as category", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["people.unit_id", "people.category"])
    .execute();
  const heads = await db
    .selectFrom("headcounts")
    .select(["unit_id as unit", "category", (eb) => eb.fn.sum<number>("count").as("n")])
    .where("unit_id", "in", units)
    .where("category", "in", q.categories)
    .where("year", "=", q.period.year)
    .groupBy(["unit_id", "category"])
    .execute();
  const headcount = new Map(heads.map((h) => [`${h.unit}|${h.category}`, Number(h.n)]));
  const out = new Map<number, Share>();
  for (const unitId of q.unitIds) {
    const total = heads.filter((h) => h.unit === unitId).reduce((s, h) => s + Number(h.n), 0);
    out.set(unitId, { numerator: 0, denominator: total || null, value: null, gaps: [] });
  }
  for (const r of reached) {
    const share = out.get(r.unit)!;
    const n = Number(r.n);
    const head = headcount.get(`${r.unit}|${r.category}`) ?? null;
    share.numerator += Math.min(n, head ?? 0);
    if (n > (head ?? 0)) share.gaps.push({ unitId: r.unit, category: r.category, reached: n, headcount: head || null });
  }
  for (const share of out.values()) share.value = percent(share.numerator, share.denominator);
  return out;
}

/** The units' share together: the sum of each unit's (so no unit's surplus makes up for another's shortfall). */
export async function reachedShare(db: DB, q: ReachQuery): Promise<Share> {
  const byUnit = [...(await reachedSharesByUnit(db, q)).values()];
  const numerator = byUnit.reduce((s, u) => s + u.numerator, 0);
  const denominator = byUnit.reduce((s, u) => s + (u.denominator ?? 0), 0) || null;
  return { numerator, denominator, value: percent(numerator, denominator), gaps: byUnit.flatMap((u) => u.gaps) };
}
