/**
 * Figures no record yields, entered by hand per unit and period (DHIS2-style data sets): who entered them and
 * when is kept. A yearly measure (a stock, such as students choosing STEM subjects) is entered for the year and
 * read as is for any period within it; a half-yearly one (a flow, such as recognitions) is entered per half-year
 * and summed over the halves a period contains (a quarter has no value of its own).
 */
import type { DB } from "../../../db/connection";
import type { Executor } from "../audit/audit";
import { writeAudit } from "../audit/audit";
import { assertRangeOpen } from "../calendar/locks";
import { DomainError } from "../shared/errors";
import { parsePeriod, type Period } from "../shared/periods";
import { nowIso } from "../shared/time";

export interface EnteredMeasure {
  label: string;
  granularity: "year" | "half";
  /** Who enters it: each school, or the commune for itself. */
  scope: "school" | "commune";
  indicator: string;
}

export const ENTERED_MEASURES: Record<string, EnteredMeasure> = {
  stem_students: {
    label: "Số học sinh chọn học các môn STEM trong năm học",
    granularity: "year",
    scope: "school",
    indicator: "SCH-2.7",
  },
  tasks_total: {
    label: "Số nhiệm vụ KHCN sử dụng ngân sách nhà nước (không thuộc danh mục bí mật)",
    granularity: "year",
    scope: "commune",
    indicator: "NQ57-30a",
  },
  tasks_publicized: {
    label: "Số nhiệm vụ KHCN đó đã được công khai, tuyên truyền",
    granularity: "year",
    scope: "commune",
    indicator: "NQ57-30a",
  },
  recognitions: {
    label: "Số cá nhân, đơn vị, mô hình được khen thưởng, ghi nhận vì làm tốt công tác tuyên truyền",
    granularity: "half",
    scope: "commune",
    indicator: "NQ57-26c-KT",
  },
};

/** The period keys whose entries make up a measure's value for a period; empty when the period is too short. */
export function enteredKeys(measure: EnteredMeasure, period: Period): string[] {
  const year = period.key.slice(0, 4);
  if (measure.granularity === "year") return [year];
  if (period.key === year) return [`${year}-H1`, `${year}-H2`];
  return /^\d{4}-H[12]$/.test(period.key) ? [period.key] : [];
}

/** Sum over the units of the entries for the period, or null when nothing was entered (no data, not zero). */
export async function enteredValue(
  db: DB,
  measureCode: string,
  unitIds: number[],
  period: Period,
): Promise<number | null> {
  const measure = ENTERED_MEASURES[measureCode];
  if (!measure) throw new Error(`Unknown entered measure ${measureCode}`);
  const keys = enteredKeys(measure, period);
  if (!keys.length || !unitIds.length) return null;
  const row = await db
    .selectFrom("entered_figures")
    .select([(eb) => eb.fn.sum<number>("value").as("total"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("measure", "=", measureCode)
    .where("unit_id", "in", unitIds)
    .where("period_key", "in", keys)
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0 ? null : Number(row.total);
}

/** The units, among those given, that entered the measure for the period (in the order given). */
export async function unitsEntering(db: DB, measureCode: string, unitIds: number[], period: Period): Promise<number[]> {
  const measure = ENTERED_MEASURES[measureCode];
  if (!measure) throw new Error(`Unknown entered measure ${measureCode}`);
  const keys = enteredKeys(measure, period);
  if (!keys.length || !unitIds.length) return [];
  const rows = await db
    .selectFrom("entered_figures")
    .select("unit_id")
    .distinct()
    .where("measure", "=", measureCode)
    .where("unit_id", "in", unitIds)
    .where("period_key", "in", keys)
    .execute();
  const entered = new Set(rows.map((r) => r.unit_id));
  return unitIds.filter((u) => entered.has(u));
}

/** Entries of one unit for the form: each measure the unit enters, with its value for the period key if any. */
export async function enteredFiguresOf(db: DB, unitId: number, scope: "school" | "commune", periodKey: string) {
  const rows = await db
    .selectFrom("entered_figures")
    .leftJoin("users", "users.id", "entered_figures.entered_by")
    .select(["measure", "period_key", "value", "entered_at", "users.full_name as entered_by_name"])
    .where("unit_id", "=", unitId)
    .execute();
  return Object.entries(ENTERED_MEASURES)
    .filter(([, m]) => m.scope === scope)
    .map(([code, m]) => {
      const key = m.granularity === "year" ? periodKey.slice(0, 4) : periodKey;
      const row = rows.find((r) => r.measure === code && r.period_key === key);
      return {
        code,
        ...m,
        periodKey: key,
        value: row?.value ?? null,
        enteredAt: row?.entered_at ?? null,
        enteredBy: row?.entered_by_name ?? null,
      };
    });
}

/**
 * Saves (or clears, with null) one entered figure; audited. Refuses an unknown measure, a period of the wrong
 * length and a negative or non-numeric value.
 */
export async function saveEnteredFigure(
  db: Executor,
  e: {
    measure: string;
    unitId: number;
    periodKey: string;
    value: number | null;
    actorUserId: number;
    ip?: string | null;
  },
): Promise<void> {
  const measure = ENTERED_MEASURES[e.measure];
  if (!measure) throw new DomainError("Không có số liệu nhập tay này.");
  const keyOk = measure.granularity === "year" ? /^\d{4}$/.test(e.periodKey) : /^\d{4}-H[12]$/.test(e.periodKey);
  if (!keyOk)
    throw new DomainError(
      measure.granularity === "year" ? "Số liệu này nhập theo năm." : "Số liệu này nhập theo 6 tháng.",
    );
  if (e.value !== null && (!Number.isFinite(e.value) || e.value < 0))
    throw new DomainError("Số liệu phải là số không âm.");
  const period = parsePeriod(e.periodKey)!;
  await assertRangeOpen(db, e.unitId, period.startDate, period.endDateExclusive);
  const before = await db
    .selectFrom("entered_figures")
    .select("value")
    .where("measure", "=", e.measure)
    .where("unit_id", "=", e.unitId)
    .where("period_key", "=", e.periodKey)
    .executeTakeFirst();
  if ((before?.value ?? null) === e.value) return;
  await db
    .deleteFrom("entered_figures")
    .where("measure", "=", e.measure)
    .where("unit_id", "=", e.unitId)
    .where("period_key", "=", e.periodKey)
    .execute();
  if (e.value !== null)
    await db
      .insertInto("entered_figures")
      .values({
        measure: e.measure,
        unit_id: e.unitId,
        period_key: e.periodKey,
        value: e.value,
        entered_by: e.actorUserId,
        entered_at: nowIso(),
      })
      .execute();
  await writeAudit(db, {
    actorUserId: e.actorUserId,
    unitId: e.unitId,
    action: before ? (e.value === null ? "delete" : "update") : "create",
    entity: "entered_figure",
    entityId: `${e.measure}:${e.periodKey}`,
    before: before ? { value: before.value } : null,
    after: e.value === null ? null : { value: e.value },
    ip: e.ip,
  });
}
