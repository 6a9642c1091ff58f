/**
 * Report periods (docs/decisions/012). A half-year's report is due before the half-year ends (10/6, 10/12), so it
 * cannot cover the calendar half-year whole. A report covers the days from the day after the previous report's
 * cut-off to its own cut-off, inclusive. The cut-off defaults to the report's deadline — H1: 11/12 of the year
 * before to 10/6; H2: 11/6 to 10/12 — and commune staff may set another for their commune until the first report
 * of that half-year is approved (then it is fixed, and so is the start of the next report's period).
 */
import type { DB } from "../../../db/connection";
import type { Executor } from "../audit/audit";
import { writeAudit } from "../audit/audit";
import { reaches, type Actor } from "../auth/permissions";
import { readDate } from "../shared/dates";
import { DomainError } from "../shared/errors";
import { parsePeriod, type Period } from "../shared/periods";
import { holdUnit } from "../shared/hold";
import { formatDate } from "../shared/format";
import { DAY_MS, nowIso, vietnamInstant, vietnamToday } from "../shared/time";
import { reportDeadline } from "../calendar/deadlines";
import { mayApproveReportsIn, refuse } from "../auth/policies";

export interface ReportPeriod extends Period {
  /** The last day counted ("YYYY-MM-DD"). */
  cutoff: string;
  /** Whether commune staff set the cut-off (rather than the deadline). */
  custom: boolean;
  /** Whether a report of this half-year was approved: the cut-off can no longer change. */
  fixed: boolean;
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export function previousHalf(halfKey: string): string {
  const [y, h] = [Number(halfKey.slice(0, 4)), halfKey.slice(5)];
  return h === "H1" ? `${y - 1}-H2` : `${y}-H1`;
}

export function nextHalf(halfKey: string): string {
  const [y, h] = [Number(halfKey.slice(0, 4)), halfKey.slice(5)];
  return h === "H1" ? `${y}-H2` : `${y + 1}-H1`;
}

/** The days a cut-off may be set to: within a month and a half of the deadline, so periods stay about six months. */
export function cutoffBounds(halfKey: string): { min: string; max: string } {
  const deadline = reportDeadline(halfKey);
  return { min: addDays(deadline, -40), max: addDays(deadline, 50) };
}

async function cutoffRow(db: Executor, communeId: number, halfKey: string) {
  return db
    .selectFrom("report_cutoffs")
    .selectAll()
    .where("commune_id", "=", communeId)
    .where("period_key", "=", halfKey)
    .executeTakeFirst();
}

/** The commune a unit reports through (a commune is its own). */
export async function communeIdOf(db: Executor, unitId: number): Promise<number> {
  const unit = await db
    .selectFrom("units")
    .select(["id", "kind", "parent_id"])
    .where("id", "=", unitId)
    .executeTakeFirstOrThrow();
  return unit.kind === "commune" || unit.parent_id === null ? unit.id : unit.parent_id;
}

/** A half-year's report period in a commune. */
export async function reportPeriod(db: Executor, communeId: number, halfKey: string): Promise<ReportPeriod> {
  const calendar = parsePeriod(halfKey);
  if (!calendar || !/^\d{4}-H[12]$/.test(halfKey)) throw new Error(`not a half-year: ${halfKey}`);
  const own = await cutoffRow(db, communeId, halfKey);
  const before = await cutoffRow(db, communeId, previousHalf(halfKey));
  const cutoff = own?.cutoff_date ?? reportDeadline(halfKey);
  const startDate = addDays(before?.cutoff_date ?? reportDeadline(previousHalf(halfKey)), 1);
  return {
    ...withBounds(calendar, startDate, addDays(cutoff, 1)),
    cutoff,
    custom: !!own && own.cutoff_date !== reportDeadline(halfKey),
    fixed: !!own?.fixed_at,
  };
}

/** The report period of a unit's commune. */
export async function reportPeriodOfUnit(db: Executor, unitId: number, halfKey: string): Promise<ReportPeriod> {
  return reportPeriod(db, await communeIdOf(db, unitId), halfKey);
}

/** The first day a report of the period may be approved, while that day is still to come (else null). */
export function approvableFrom(period: ReportPeriod, now: Date = new Date()): string | null {
  return vietnamToday(now) > period.cutoff ? null : addDays(period.cutoff, 1);
}

/** A report is approved once its period has ended (Vietnam time), not before. */
export function assertPeriodEnded(period: ReportPeriod, now: Date): void {
  if (approvableFrom(period, now))
    throw new DomainError(
      `Kỳ báo cáo tính số liệu đến hết ngày ${formatDate(period.cutoff)}: duyệt được từ ngày ${formatDate(addDays(period.cutoff, 1))}, khi số liệu của kỳ đã đủ. ` +
        "Nếu cần duyệt sớm hơn, hãy đặt ngày chốt số liệu sớm hơn trên trang Báo cáo 6 tháng.",
    );
}

/** In the transaction that approves a report: the commune held, its report period read afresh and still ended. */
export async function holdReportPeriod(
  trx: Executor,
  communeId: number,
  halfKey: string,
  now: Date,
): Promise<ReportPeriod> {
  await holdUnit(trx, communeId); // approvals and cut-off changes of one commune, one after the other
  const period = await reportPeriod(trx, communeId, halfKey);
  assertPeriodEnded(period, now);
  return period;
}

/** Called in the transaction that approves a report: the half-year's cut-off — the one the report used — is fixed from now on. */
export async function fixCutoff(db: Executor, communeId: number, period: ReportPeriod, at: string): Promise<void> {
  await db
    .insertInto("report_cutoffs")
    .values({
      commune_id: communeId,
      period_key: period.key,
      cutoff_date: period.cutoff,
      fixed_at: at,
      set_by: null,
      set_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(["commune_id", "period_key"])
        .doUpdateSet({ fixed_at: at })
        .where("report_cutoffs.fixed_at", "is", null),
    )
    .execute();
  const row = await cutoffRow(db, communeId, period.key);
  if (row?.cutoff_date !== period.cutoff || !row.fixed_at)
    throw new DomainError(
      "Ngày chốt số liệu của kỳ vừa được thay đổi. Vui lòng tải lại trang để xem kỳ báo cáo mới rồi duyệt lại.",
    );
}

/** Commune staff set a half-year's cut-off for their commune, until the first report of it (or of the next) is approved. */
export async function setCutoff(
  db: DB,
  actor: Actor,
  communeId: number,
  halfKey: string,
  typed: string,
): Promise<void> {
  if (!mayApproveReportsIn(actor, communeId))
    refuse(reaches(actor, communeId), "Chỉ Phòng Văn hóa - Xã hội mới đặt ngày chốt số liệu.");
  const { min, max } = cutoffBounds(halfKey);
  const date = readDate(typed) ?? "";
  if (!date) throw new DomainError("Ngày chốt số liệu không hợp lệ (ví dụ 10/06/2026).", "cutoff");
  if (date < min || date > max)
    throw new DomainError(`Ngày chốt số liệu của kỳ này phải từ ${formatDate(min)} đến ${formatDate(max)}.`, "cutoff");
  await db.transaction().execute(async (trx) => {
    await holdUnit(trx, communeId); // approvals and cut-off changes of one commune, one after the other
    const current = await reportPeriod(trx, communeId, halfKey);
    if (current.fixed)
      throw new DomainError("Đã có báo cáo của kỳ này được duyệt: ngày chốt số liệu không đổi được nữa.", "cutoff");
    if ((await reportPeriod(trx, communeId, nextHalf(halfKey))).fixed)
      throw new DomainError("Báo cáo kỳ sau đã được duyệt: đổi ngày chốt kỳ này sẽ làm thay đổi kỳ đó.", "cutoff");
    const at = nowIso();
    const done = await trx
      .insertInto("report_cutoffs")
      .values({
        commune_id: communeId,
        period_key: halfKey,
        cutoff_date: date,
        fixed_at: null,
        set_by: actor.userId,
        set_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(["commune_id", "period_key"])
          .doUpdateSet({ cutoff_date: date, set_by: actor.userId, set_at: at })
          .where("report_cutoffs.fixed_at", "is", null),
      )
      .executeTakeFirst();
    if (Number(done.numInsertedOrUpdatedRows) !== 1)
      throw new DomainError("Đã có báo cáo của kỳ này được duyệt: ngày chốt số liệu không đổi được nữa.", "cutoff");
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: communeId,
      action: "update",
      entity: "report_cutoff",
      entityId: halfKey,
      before: { cutoff: current.cutoff },
      after: { cutoff: date },
    });
  });
}

/** A period with other bounds (those a report's approval signed), otherwise the same. */
export function withBounds<P extends Period>(period: P, startDate: string, endDateExclusive: string): P {
  return {
    ...period,
    startDate,
    endDateExclusive,
    from: vietnamInstant(startDate),
    to: vietnamInstant(endDateExclusive),
  };
}

/** "11/12/2025 – 10/06/2026" */
export function periodRangeText(period: Pick<Period, "startDate" | "endDateExclusive">): string {
  return `${formatDate(period.startDate)} – ${formatDate(addDays(period.endDateExclusive, -1))}`;
}
