/**
 * Club figures (SCH-2.5): per school, the clubs running in the period (founded before it ends, not closed before it begins),
 * their student and teacher members during the period (distinct people; joining and leaving dates respected)
 * and the club meetings held in the period (cancelled ones excluded).
 */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";
import { isCounted } from "./scope";

export interface ClubFigures {
  schoolId: number;
  clubs: number;
  studentMembers: number;
  teacherMembers: number;
  meetings: number;
}

export async function clubFigures(db: DB, q: { schoolIds: number[]; period: Period }): Promise<ClubFigures[]> {
  const schools = q.schoolIds.length ? q.schoolIds : [-1];
  const running = db
    .selectFrom("clubs")
    .select("id")
    .where("school_id", "in", schools)
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", q.period.startDate)]))
    .where((eb) => eb.or([eb("founded_on", "is", null), eb("founded_on", "<", q.period.endDateExclusive)]));
  const clubs = await db
    .selectFrom("clubs")
    .select(["school_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("id", "in", running)
    .groupBy("school_id")
    .execute();
  const members = await db
    .selectFrom("club_members")
    .innerJoin("clubs", "clubs.id", "club_members.club_id")
    .innerJoin("people", "people.id", "club_members.person_id")
    .select([
      "clubs.school_id",
      "people.category",
      (eb) => eb.fn.count<number>("club_members.person_id").distinct().as("n"),
    ])
    .where("clubs.id", "in", running)
    .where("club_members.joined_on", "<", q.period.endDateExclusive)
    .where((eb) =>
      eb.or([eb("club_members.left_on", "is", null), eb("club_members.left_on", ">=", q.period.startDate)]),
    )
    .groupBy(["clubs.school_id", "people.category"])
    .execute();
  const meetings = await db
    .selectFrom("activities")
    .innerJoin("clubs", "clubs.id", "activities.club_id")
    .select(["clubs.school_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("clubs.school_id", "in", schools)
    .where(isCounted(q.period))
    .groupBy("clubs.school_id")
    .execute();
  return q.schoolIds.map((schoolId) => {
    const member = (category: string) =>
      Number(members.find((m) => m.school_id === schoolId && m.category === category)?.n ?? 0);
    return {
      schoolId,
      clubs: Number(clubs.find((c) => c.school_id === schoolId)?.n ?? 0),
      studentMembers: member("students"),
      teacherMembers: member("teachers") + member("school_managers"),
      meetings: Number(meetings.find((m) => m.school_id === schoolId)?.n ?? 0),
    };
  });
}
