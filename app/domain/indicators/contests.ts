/**
 * Contest figures (SCH-2.7): per school, the entries it sent to contests that ended within the period (results
 * come at the end), how many of them won a prize (first, second, third or consolation; participation is not a
 * prize) and the distinct students taking part (mentors are not counted).
 */
import type { DB } from "../../../db/connection";
import type { ContestResult } from "../../../db/schema";
import type { Period } from "../shared/periods";

export const PRIZE_RESULTS: ContestResult[] = ["first", "second", "third", "consolation"];

export interface ContestFigures {
  schoolId: number;
  entries: number;
  awarded: number;
  students: number;
}

export async function contestFigures(db: DB, q: { schoolIds: number[]; period: Period }): Promise<ContestFigures[]> {
  const schools = q.schoolIds.length ? q.schoolIds : [-1];
  const entryIds = db
    .selectFrom("contest_entries")
    .innerJoin("contests", "contests.id", "contest_entries.contest_id")
    .select("contest_entries.id")
    .where("contest_entries.school_id", "in", schools)
    .where("contests.ends_on", ">=", q.period.startDate)
    .where("contests.ends_on", "<", q.period.endDateExclusive);
  const entries = await db
    .selectFrom("contest_entries")
    .select([
      "school_id",
      (eb) => eb.fn.countAll<number>().as("entries"),
      (eb) => eb.fn.sum<number>(eb.case().when("result", "in", PRIZE_RESULTS).then(1).else(0).end()).as("awarded"),
    ])
    .where("id", "in", entryIds)
    .groupBy("school_id")
    .execute();
  const students = await db
    .selectFrom("contest_entry_members")
    .innerJoin("contest_entries", "contest_entries.id", "contest_entry_members.entry_id")
    .select([
      "contest_entries.school_id",
      (eb) => eb.fn.count<number>("contest_entry_members.person_id").distinct().as("n"),
    ])
    .where("contest_entries.id", "in", entryIds)
    .where("contest_entry_members.role", "=", "student")
    .groupBy("contest_entries.school_id")
    .execute();
  return q.schoolIds.map((schoolId) => {
    const e = entries.find((r) => r.school_id === schoolId);
    return {
      schoolId,
      entries: Number(e?.entries ?? 0),
      awarded: Number(e?.awarded ?? 0),
      students: Number(students.find((r) => r.school_id === schoolId)?.n ?? 0),
    };
  });
}
