/**
 * Activities and participants by audience (NQ57-27a training classes per audience, SCH-2.6 events for students
 * and teachers, BIZ-3 businesses): for each audience, the counted activities aimed at it and its participants.
 * Participants of one activity and audience are the people whose attendance (present or late) is recorded when
 * there is any; otherwise the reach count entered for that audience. The two are never added for the same pair.
 */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";
import { countedActivityIds } from "./scope";

export interface AudienceFigures {
  audience: string;
  activities: number;
  participants: number;
}

export async function audienceFigures(
  db: DB,
  q: { unitIds: number[]; period: Period; forms?: string[] },
): Promise<AudienceFigures[]> {
  let scope = countedActivityIds(db, q.period, q.unitIds);
  if (q.forms) scope = scope.where("form", "in", q.forms.length ? q.forms : ["-"]);
  const aimed = await db
    .selectFrom("activity_audiences")
    .select(["activity_id", "audience_code"])
    .where("activity_id", "in", scope)
    .execute();
  const attended = await db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .select(["attendance.activity_id", "people.category", (eb) => eb.fn.countAll<number>().as("n")])
    .where("attendance.activity_id", "in", scope)
    .where("attendance.status", "in", ["present", "late"])
    .groupBy(["attendance.activity_id", "people.category"])
    .execute();
  const reach = await db
    .selectFrom("activity_reach")
    .select(["activity_id", "audience_code", "count"])
    .where("activity_id", "in", scope)
    .execute();
  const key = (activityId: number, audience: string) => `${activityId}|${audience}`;
  const attendedBy = new Map(attended.map((r) => [key(r.activity_id, r.category), Number(r.n)]));
  const reachBy = new Map(reach.map((r) => [key(r.activity_id, r.audience_code), r.count]));
  const terms = await db
    .selectFrom("vocab_terms")
    .select(["code"])
    .where("kind", "=", "audience")
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return terms.map(({ code }) => {
    const activities = aimed.filter((a) => a.audience_code === code);
    const participants = activities.reduce(
      (sum, a) => sum + (attendedBy.get(key(a.activity_id, code)) ?? reachBy.get(key(a.activity_id, code)) ?? 0),
      0,
    );
    return { audience: code, activities: activities.length, participants };
  });
}
