/** Attendance: whose people an actor marks, and who runs an activity's QR check-in screen. */
import type { DB } from "../../../../db/connection";
import { can, managesCommuneUnit, ownSchoolIds, reachOf, type Actor } from "../permissions";

/** Units whose people this actor marks: their own school(s); for commune staff, the commune's offices. */
export async function markableUnitIds(db: DB, actor: Actor): Promise<number[]> {
  const schools = ownSchoolIds(actor).filter((id) => can(actor, "attendance.write", id));
  if (!can(actor, "commune.manage")) return schools;
  const reach = reachOf(actor);
  const offices = await db
    .selectFrom("units")
    .select("id")
    .where("kind", "in", ["commune", "office", "hamlet"])
    .$if(!!reach, (q) => q.where("id", "in", reach!.length ? reach! : [-1]))
    .execute();
  return [...schools, ...offices.map((o) => o.id)];
}

export async function canTakeAttendance(db: DB, actor: Actor): Promise<boolean> {
  return (await markableUnitIds(db, actor)).length > 0;
}

/** Who opens the QR screen of an activity: its organizer (the school's staff who take attendance, or commune staff for commune-level activities). */
export function canRunCheckin(actor: Actor, organizer: { id: number; kind: string }): boolean {
  return organizer.kind === "school"
    ? can(actor, "attendance.write", organizer.id)
    : managesCommuneUnit(actor, organizer.id);
}

/** An activity's attendance page: those who take attendance, and the commune's readers (who see counts only). */
export function mayOpenAttendance(actor: Actor, marks: boolean): boolean {
  return marks || can(actor, "commune.read");
}

/** The classes of a school whose homeroom teacher (giáo viên chủ nhiệm) the actor is, while they are its staff. */
export async function homeroomClassesOf(db: DB, actor: Actor, schoolId: number): Promise<string[]> {
  if (!can(actor, "attendance.write", schoolId)) return [];
  const rows = await db
    .selectFrom("homeroom_classes")
    .select("class_name")
    .where("school_id", "=", schoolId)
    .where("user_id", "=", actor.userId)
    .orderBy("class_name")
    .execute();
  return rows.map((r) => r.class_name);
}

/**
 * Who opens a roll call for a class of a school (issue 20): the school's administrators for any class, a homeroom
 * teacher for their own classes.
 */
export async function mayOpenClassSession(db: DB, actor: Actor, schoolId: number, className: string): Promise<boolean> {
  return (await classesOpenableBy(db, actor, schoolId, [className])).length > 0;
}

/** Of a school's classes, those the actor opens a session for: all for its administrators, else their own. */
export async function classesOpenableBy(db: DB, actor: Actor, schoolId: number, classes: string[]): Promise<string[]> {
  if (can(actor, "school.manage", schoolId)) return classes;
  const own = new Set(await homeroomClassesOf(db, actor, schoolId));
  return classes.filter((c) => own.has(c));
}

/** How far from today a homeroom teacher dates a class session; the school's administrators date any. */
export const CLASS_SESSION_WINDOW_DAYS = 7;

/**
 * Whether the actor may date a class session on this day (ISO dates): a homeroom teacher within
 * CLASS_SESSION_WINDOW_DAYS of today (a lesson forgotten last week, one planned for next), an administrator any day —
 * a held session counts in the school's figures, so older ones are the school's to record.
 */
export function mayDateClassSession(actor: Actor, schoolId: number, date: string, today: string): boolean {
  if (can(actor, "school.manage", schoolId)) return true;
  const days = Math.abs(Date.parse(date) - Date.parse(today)) / 86_400_000;
  return days <= CLASS_SESSION_WINDOW_DAYS;
}
