/**
 * Approved half-year reports lock a unit's records of that period (issue #6 writes the locks).
 * Every change to attendance asks here first.
 */
import type { Executor } from "../audit/audit";
import { DomainError } from "../shared/errors";
import { vietnamParts } from "../shared/time";

export async function lockFor(db: Executor, unitId: number, instant: string) {
  const date = vietnamParts(instant).date;
  return db
    .selectFrom("period_locks")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("start_date", "<=", date)
    .where("end_date_exclusive", ">", date)
    .executeTakeFirst();
}

export async function assertPeriodOpen(db: Executor, unitId: number, instant: string): Promise<void> {
  const lock = await lockFor(db, unitId, instant);
  if (lock) throw new DomainError(`Báo cáo kỳ ${lock.period_key} của đơn vị đã được duyệt: số liệu trong kỳ này đã khóa, không thể thay đổi.`);
}

/**
 * Moving or deleting an activity must not change a locked period either: checked for its organizer and
 * every unit whose people have attendance on it, at each date involved (old and new).
 */
export async function assertActivityUnlocked(db: Executor, activity: { id: number; organizer_unit_id: number }, instants: string[]): Promise<void> {
  const units = await db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .select("people.unit_id")
    .distinct()
    .where("attendance.activity_id", "=", activity.id)
    .execute();
  for (const unitId of new Set([activity.organizer_unit_id, ...units.map((u) => u.unit_id)])) {
    for (const instant of instants) await assertPeriodOpen(db, unitId, instant);
  }
}
