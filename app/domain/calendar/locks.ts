/**
 * Approved half-year reports lock a unit's records of that period: approving writes a `period_locks` row,
 * reopening deletes it (reports.ts). Every change to a dated record of a unit asks here first — attendance,
 * activities (their date, budget lines and reach), club memberships and meetings, contest entries (by the
 * contest's end date), materials (by the day they were posted) and entered figures (by their period).
 */
import type { Executor } from "../audit/audit";
import { DomainError } from "../shared/errors";
import { vietnamParts } from "../shared/time";

/** The lock covering a unit on a calendar date ("YYYY-MM-DD", Vietnam), if any. */
export async function lockOn(db: Executor, unitId: number, date: string) {
  return db
    .selectFrom("period_locks")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("start_date", "<=", date)
    .where("end_date_exclusive", ">", date)
    .executeTakeFirst();
}

/** The lock covering a unit at an instant (UTC ISO), read as a Vietnam date. */
export async function lockFor(db: Executor, unitId: number, instant: string) {
  return lockOn(db, unitId, vietnamParts(instant).date);
}

function refuse(periodKey: string): never {
  throw new DomainError(
    `Báo cáo kỳ ${periodKey} của đơn vị đã được duyệt: số liệu trong kỳ này đã khóa, không thể thay đổi. Đề nghị Phòng VH-XH mở lại báo cáo nếu cần sửa.`,
  );
}

export async function assertPeriodOpen(db: Executor, unitId: number, instant: string): Promise<void> {
  const lock = await lockFor(db, unitId, instant);
  if (lock) refuse(lock.period_key);
}

export async function assertDateOpen(db: Executor, unitId: number, date: string): Promise<void> {
  const lock = await lockOn(db, unitId, date);
  if (lock) refuse(lock.period_key);
}

/** No lock of the unit overlaps the calendar range [startDate, endDateExclusive). */
export async function assertRangeOpen(
  db: Executor,
  unitId: number,
  startDate: string,
  endDateExclusive: string,
): Promise<void> {
  const lock = await db
    .selectFrom("period_locks")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("start_date", "<", endDateExclusive)
    .where("end_date_exclusive", ">", startDate)
    .executeTakeFirst();
  if (lock) refuse(lock.period_key);
}

/**
 * Moving or deleting an activity must not change a locked period either: checked for its organizer, its
 * co-organizers and every unit whose people have attendance on it, at each date involved (old and new).
 */
export async function assertActivityUnlocked(
  db: Executor,
  activity: { id: number; organizer_unit_id: number },
  instants: string[],
): Promise<void> {
  const units = await db
    .selectFrom("attendance")
    .innerJoin("people", "people.id", "attendance.person_id")
    .select("people.unit_id")
    .distinct()
    .where("attendance.activity_id", "=", activity.id)
    .execute();
  const coOrganizers = await db
    .selectFrom("activity_units")
    .select("unit_id")
    .where("activity_id", "=", activity.id)
    .where("relation", "=", "co_organizer")
    .execute();
  for (const unitId of new Set([
    activity.organizer_unit_id,
    ...units.map((u) => u.unit_id),
    ...coOrganizers.map((u) => u.unit_id),
  ])) {
    for (const instant of instants) await assertPeriodOpen(db, unitId, instant);
  }
}
