/**
 * Staff sent to trainings and contests held outside the commune (clause III.1.2, SEND-1.2): the attendance, as
 * present or late, of the units' people of the categories at counted activities the unit only sent people to
 * (`external_organizer` set). One row per person and event ("lượt"). Their reach is counted once with everything
 * else by reached.ts, which reads every counted activity whoever held it.
 */
import type { DB } from "../../../db/connection";
import type { HeadcountCategory } from "../../../db/schema";
import type { Period } from "../shared/periods";
import { isCounted } from "./scope";

export function sentAttendance(db: DB, q: { unitIds: number[]; categories: HeadcountCategory[]; period: Period }) {
  return db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .innerJoin("activities", "activities.id", "attendance.activity_id")
    .where("people.unit_id", "in", q.unitIds.length ? q.unitIds : [-1])
    .where("people.category", "in", q.categories)
    .where("attendance.status", "in", ["present", "late"])
    .where("activities.external_organizer", "is not", null)
    .where(isCounted(q.period));
}
