/**
 * A class's own session (issue 20): its homeroom teacher (or the school's administrators) opens a roll call for the
 * class — an activity of the school for its pupils, with the class's current pupils on the roster — and marks it.
 */
import type { DB } from "../../../db/connection";
import { mayOpenClassSession, homeroomClassesOf } from "../auth/policies";
import { can, type Actor } from "../auth/permissions";
import { refuse } from "../auth/policies/refusals";
import { assertVocabulary, insertActivity } from "../activities/activities";
import { DomainError } from "../shared/errors";
import { vietnamInstant, vietnamParts } from "../shared/time";
import { schoolClasses } from "../people/people";
import { addPeopleToRoster } from "./attendance";
import type { ClassSessionInput } from "./schemas";

/** The classes the actor opens a session for at a school: every class for its administrators, else their own. */
const FIVE_MINUTES = 5 * 60_000;
const LESSON_MS = 45 * 60_000;

/**
 * The session a teacher opens is usually the lesson starting now: today, from now (to the five minutes before) for a
 * lesson's 45 minutes, ending by midnight. Opening it never lands in the future, so marking needs no extra step.
 */
export function classSessionTimes(now: Date = new Date()): { date: string; startTime: string; endTime: string } {
  const start = Math.floor(now.getTime() / FIVE_MINUTES) * FIVE_MINUTES;
  const from = vietnamParts(new Date(start).toISOString());
  const to = vietnamParts(new Date(start + LESSON_MS).toISOString());
  return { date: from.date, startTime: from.time, endTime: to.date === from.date ? to.time : "23:59" };
}

export async function classesForSessions(db: DB, actor: Actor, schoolId: number): Promise<string[]> {
  if (can(actor, "school.manage", schoolId)) return schoolClasses(db, schoolId);
  const own = new Set(await homeroomClassesOf(db, actor, schoolId));
  return own.size ? (await schoolClasses(db, schoolId)).filter((c) => own.has(c)) : [];
}

export async function openClassSession(
  db: DB,
  actor: Actor,
  schoolId: number,
  input: ClassSessionInput,
  now: Date = new Date(),
): Promise<number> {
  if (!(await mayOpenClassSession(db, actor, schoolId, input.className)))
    refuse(
      can(actor, "school.read", schoolId),
      "Chỉ ban giám hiệu hoặc giáo viên chủ nhiệm của lớp mới mở được buổi điểm danh cho lớp.",
    );
  const pupils = await db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", schoolId)
    .where("category", "=", "students")
    .where("class_name", "=", input.className)
    .where("left_on", "is", null)
    .execute();
  if (!pupils.length) throw new DomainError("Lớp này chưa có học sinh nào trong danh sách của trường.", "className");
  await assertVocabulary(db, { form: input.form, topics: input.topics, audiences: ["students"] });
  const startsAt = vietnamInstant(input.date, input.startTime);
  return db.transaction().execute(async (trx) => {
    const id = await insertActivity(trx, actor.userId, {
      organizerUnitId: schoolId,
      title: `Lớp ${input.className}: ${input.title}`,
      form: input.form,
      delivery: "in_person",
      startsAt,
      endsAt: vietnamInstant(input.date, input.endTime),
      place: input.place || null,
      status: Date.parse(startsAt) <= now.getTime() ? "held" : "planned",
      topics: input.topics,
      audiences: ["students"],
    });
    await addPeopleToRoster(
      trx,
      id,
      pupils.map((p) => p.id),
    );
    return id;
  });
}
