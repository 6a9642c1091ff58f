/**
 * A class's own session (issue 20): its homeroom teacher (or the school's administrators) opens a roll call for the
 * class — an activity of the school for its pupils, with the class's current pupils on the roster — and marks it.
 */
import type { DB } from "../../../db/connection";
import {
  CLASS_SESSION_WINDOW_DAYS,
  classesOpenableBy,
  mayDateClassSession,
  mayOpenClassSession,
} from "../auth/policies";
import { can, type Actor } from "../auth/permissions";
import { refuse } from "../auth/policies/refusals";
import { assertVocabulary, insertActivity } from "../activities/activities";
import { DomainError } from "../shared/errors";
import { vietnamInstant, vietnamParts, vietnamToday } from "../shared/time";
import { schoolClasses } from "../people/people";
import { addToRoster } from "./attendance";
import type { ClassSessionInput } from "./schemas";

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

/** The classes the actor opens a session for at a school: every class for its administrators, else their own. */
export async function classesForSessions(db: DB, actor: Actor, schoolId: number): Promise<string[]> {
  return classesOpenableBy(db, actor, schoolId, await schoolClasses(db, schoolId));
}

/**
 * Opens a roll call for a class: an activity "Lớp 6A1: …" for pupils, its roster the class's current pupils. The same
 * session sent twice (a double tap, the back button and "Gửi lại") is opened once: the first one's id comes back.
 */

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
  if (!mayDateClassSession(actor, schoolId, input.date, vietnamToday(now)))
    throw new DomainError(
      `Giáo viên chủ nhiệm mở buổi trong vòng ${CLASS_SESSION_WINDOW_DAYS} ngày trước hoặc sau hôm nay; buổi khác do ban giám hiệu ghi.`,
      "date",
    );
  await assertVocabulary(db, { form: input.form, topics: input.topics, audiences: ["students"] });
  const startsAt = vietnamInstant(input.date, input.startTime);
  const title = `Lớp ${input.className}: ${input.title}`;
  return db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom("activities")
      .select("id")
      .where("organizer_unit_id", "=", schoolId)
      .where("created_by", "=", actor.userId)
      .where("starts_at", "=", startsAt)
      .where("title", "=", title)
      .executeTakeFirst();
    if (same) return same.id;
    const id = await insertActivity(trx, actor.userId, {
      organizerUnitId: schoolId,
      title,
      form: input.form,
      delivery: "in_person",
      startsAt,
      endsAt: vietnamInstant(input.date, input.endTime),
      place: input.place || null,
      status: Date.parse(startsAt) <= now.getTime() ? "held" : "planned",
      topics: input.topics,
      audiences: ["students"],
    });
    // The roster is the class's current pupils (the roll call's own "Thêm lớp"); none, and nothing is kept.
    const pupils = await addToRoster(
      trx,
      actor,
      { id },
      { kind: "class", unitId: schoolId, className: input.className },
    );
    if (!pupils) throw new DomainError("Lớp này chưa có học sinh nào trong danh sách của trường.", "className");
    return id;
  });
}
