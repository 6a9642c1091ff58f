/**
 * Half-year reports of the schools and the commune's offices (plan V.2: "các cơ quan chuyên môn thuộc UBND xã"). A
 * school's administrator or an office's staff prepares the report for H1 or H2 (the figures are computed live; the
 * unit adds a short narrative), submits it; commune staff approve it or return
 * it with a comment. Approval locks the school's records of exactly the report's period (report-periods.ts;
 * period_locks, see locks.ts) and keeps the figures it signed (signed-figures.ts); commune staff may reopen an
 * approved report, which removes the lock, discards those figures and returns it to the school. Every step is
 * audited. The first submission's date decides on time / late (deadlines.ts); resubmitting keeps it.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──reopen──▶ returned
 *     ▲                   │                                          │
 *     └───────────────── return ◀────────────────────────────── submit
 */
import type { DB } from "../../../db/connection";
import type { Report, ReportStatus, Unit } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import { can, type Actor } from "../auth/permissions";
import { DomainError } from "../shared/errors";
import { MAX_ID } from "../shared/schema-helpers";
import { parsePeriod } from "../shared/periods";
import { nowIso, vietnamToday } from "../shared/time";
import { REPORTING_KINDS, reportDeadline } from "../calendar/deadlines";
import { assertPeriodEnded, communeIdOf, fixCutoff, holdReportPeriod, reportPeriod } from "./report-periods";
import { discardSignedFigures, signReport } from "./signed-figures";
import { tellReportStep } from "../notifications/report-news";
import { mayApproveReportsIn, mayPrepareReport, refuse, seesUnit } from "../auth/policies";
import { timeliness } from "../calendar/statuses";

export function isHalfYear(key: string): boolean {
  return /^\d{4}-H[12]$/.test(key);
}

export async function getReport(db: DB, unitId: number, periodKey: string): Promise<Report | undefined> {
  return db
    .selectFrom("reports")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("period_key", "=", periodKey)
    .executeTakeFirst();
}

/** Every reporting unit's report for a half-year (offices, then schools), with status and timeliness. */
export async function reportOverview(db: DB, periodKey: string, now: Date = new Date(), commune?: number) {
  const units = await db
    .selectFrom("units")
    .selectAll()
    .where("kind", "in", REPORTING_KINDS)
    .where("archived_at", "is", null)
    .$if(commune !== undefined, (q) => q.where("parent_id", "=", commune!))
    .orderBy("kind")
    .orderBy("name")
    .execute();
  const reports = await db.selectFrom("reports").selectAll().where("period_key", "=", periodKey).execute();
  return units.map((unit) => {
    const report = reports.find((r) => r.unit_id === unit.id);
    return {
      unit,
      report,
      status: (report?.status ?? "missing") as ReportStatus | "missing",
      timeliness: timeliness(report, periodKey, now),
    };
  });
}

function assertPreparer(actor: Actor, unit: Unit) {
  if (!mayPrepareReport(actor, unit))
    refuse(
      seesUnit(actor, unit),
      "Chỉ ban giám hiệu của trường (hoặc cán bộ của cơ quan) mới lập và nộp báo cáo của đơn vị mình.",
    );
}

function assertApprover(actor: Actor) {
  if (!can(actor, "reports.approve"))
    refuse(true, "Chỉ Phòng Văn hóa - Xã hội mới duyệt, trả lại hoặc mở lại báo cáo.");
}

function assertPeriod(periodKey: string, now: Date) {
  const period = isHalfYear(periodKey) ? parsePeriod(periodKey) : null;
  if (!period) throw new DomainError("Báo cáo lập theo 6 tháng (H1 hoặc H2).");
  if (period.startDate > vietnamToday(now)) throw new DomainError("Kỳ báo cáo này chưa bắt đầu.");
  return period;
}

async function transition(
  db: DB,
  actor: Actor,
  report: Report,
  to: ReportStatus,
  changes: Partial<
    Pick<Report, "narrative" | "submitted_at" | "submitted_by" | "decided_at" | "decided_by" | "comment">
  >,
  lock?: { add: number; now: Date } | "remove",
) {
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    // Approvals and cut-off changes of one commune happen one at a time: the period read here is the one locked,
    // fixed and signed below, whatever a colleague does meanwhile.
    const period =
      lock && lock !== "remove" ? await holdReportPeriod(trx, lock.add, report.period_key, lock.now) : undefined;
    // The status in the WHERE makes two simultaneous decisions on one report end with exactly one winner.
    const done = await trx
      .updateTable("reports")
      .set({ ...changes, status: to, updated_at: at })
      .where("id", "=", report.id)
      .where("status", "=", report.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new DomainError("Báo cáo vừa được người khác thay đổi. Vui lòng tải lại trang.");
    if (period && lock && lock !== "remove") {
      // Exactly the report's period: nothing dated in it may be created, changed, moved in or out, restored or deleted.
      await trx
        .insertInto("period_locks")
        .values({
          unit_id: report.unit_id,
          period_key: report.period_key,
          start_date: period.startDate,
          end_date_exclusive: period.endDateExclusive,
          locked_at: at,
          locked_by: actor.userId,
        })
        .execute();
      await fixCutoff(trx, lock.add, period, at);
      // Computed after the lock, in the same transaction: what is stored is what was approved, nothing in between.
      await signReport(trx, { ...report, ...changes, status: to }, period, "approval", at);
    }
    if (lock === "remove") {
      await trx
        .deleteFrom("period_locks")
        .where("unit_id", "=", report.unit_id)
        .where("period_key", "=", report.period_key)
        .execute();
      await discardSignedFigures(trx, report.id);
    }
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: report.unit_id,
      action: "update",
      entity: "report",
      entityId: report.id,
      before: { status: report.status },
      after: {
        status: to,
        period: report.period_key,
        ...(changes.comment ? { comment: changes.comment } : {}),
        ...(lock ? { lock: lock === "remove" ? "remove" : "add" } : {}),
      },
    });
    // Those concerned are told in the same transaction: nothing is told about a step that did not happen.
    const communeId = await communeIdOf(trx, report.unit_id);
    await tellReportStep(trx, report, report.status, to, changes.comment ?? null, at, communeId);
  });
}

/** Creates the draft or saves its narrative; only while the unit holds the report (draft or returned). */
export async function saveDraft(
  db: DB,
  actor: Actor,
  unit: Unit,
  periodKey: string,
  narrative: string,
  now: Date = new Date(),
): Promise<Report> {
  assertPreparer(actor, unit);
  assertPeriod(periodKey, now);
  const text = narrative.trim();
  if (text.length > 8000) throw new DomainError("Phần đánh giá tối đa 8.000 ký tự.", "narrative");
  const existing = await getReport(db, unit.id, periodKey);
  if (existing && existing.status !== "draft" && existing.status !== "returned")
    throw new DomainError("Báo cáo đã nộp: chỉ sửa được khi Phòng VH-XH trả lại.", "narrative");
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (existing)
      await trx.updateTable("reports").set({ narrative: text, updated_at: at }).where("id", "=", existing.id).execute();
    else
      await trx
        .insertInto("reports")
        .values({
          unit_id: unit.id,
          period_key: periodKey,
          status: "draft",
          narrative: text,
          submitted_at: null,
          submitted_by: null,
          decided_at: null,
          decided_by: null,
          comment: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: existing ? "update" : "create",
      entity: "report",
      entityId: existing?.id ?? periodKey,
      after: { period: periodKey, narrative_chars: text.length },
    });
  });
  return (await getReport(db, unit.id, periodKey))!;
}

export async function submitReport(
  db: DB,
  actor: Actor,
  unit: Unit,
  periodKey: string,
  narrative: string,
  now: Date = new Date(),
): Promise<void> {
  const report = await saveDraft(db, actor, unit, periodKey, narrative, now);
  if (!report.narrative) throw new DomainError("Vui lòng viết phần đánh giá, kiến nghị trước khi nộp.", "narrative");
  await transition(db, actor, report, "submitted", {
    submitted_at: report.submitted_at ?? nowIso(now),
    submitted_by: actor.userId,
  });
}

/** The commune of a report, which must be the approver's own (a report elsewhere is answered as missing). */
async function inReach(db: DB, actor: Actor, report: Report): Promise<number> {
  const communeId = await communeIdOf(db, report.unit_id);
  if (!mayApproveReportsIn(actor, communeId)) refuse(false);
  return communeId;
}

async function submitted(db: DB, reportId: number, expected: ReportStatus): Promise<Report> {
  const report = await db.selectFrom("reports").selectAll().where("id", "=", reportId).executeTakeFirst();
  if (!report) throw new DomainError("Không tìm thấy báo cáo.");
  if (report.status !== expected)
    throw new DomainError(
      expected === "approved" ? "Chỉ mở lại được báo cáo đã duyệt." : "Báo cáo không ở trạng thái chờ duyệt.",
    );
  return report;
}

/**
 * Approving locks the report's period and signs its figures. Not before the period has ended (the day after its
 * cut-off, Vietnam time): a lock over days still to come would refuse the school's records of those days, and the
 * figures would be signed before they were complete. Commune staff who need to approve earlier set an earlier
 * cut-off first.
 */
export async function approveReport(db: DB, actor: Actor, reportId: number, now: Date = new Date()): Promise<void> {
  assertApprover(actor);
  const report = await submitted(db, reportId, "submitted");
  const communeId = await inReach(db, actor, report);
  assertPeriodEnded(await reportPeriod(db, communeId, report.period_key), now);
  await transition(
    db,
    actor,
    report,
    "approved",
    { decided_at: nowIso(), decided_by: actor.userId, comment: null },
    { add: communeId, now },
  );
}

/**
 * Approving several submitted reports at once (commune staff, after reviewing them): only reports of the commune's
 * units, of the half-year shown and still waiting are taken (anything else named in the request is ignored, so the
 * request learns nothing of other communes' reports); each is approved as approveReport does, and one that cannot
 * be (changed meanwhile, its period not ended) is counted, the others go on.
 */
export async function approveReports(
  db: DB,
  actor: Actor,
  communeId: number,
  halfKey: string,
  reportIds: number[],
  now: Date = new Date(),
): Promise<{ approved: number; refused: number; reason: string | null }> {
  assertApprover(actor);
  if (!mayApproveReportsIn(actor, communeId)) refuse(false);
  const ids = [...new Set(reportIds)].filter((id) => Number.isInteger(id) && id > 0 && id <= MAX_ID).slice(0, 500);
  const waiting = ids.length
    ? await db
        .selectFrom("reports")
        .innerJoin("units", "units.id", "reports.unit_id")
        .select("reports.id")
        .where("reports.id", "in", ids)
        .where("reports.period_key", "=", halfKey)
        .where("reports.status", "=", "submitted")
        .where((eb) => eb.or([eb("units.parent_id", "=", communeId), eb("units.id", "=", communeId)]))
        .orderBy("reports.id")
        .execute()
    : [];
  let approved = 0;
  let reason: string | null = null;
  for (const { id } of waiting) {
    try {
      await approveReport(db, actor, id, now);
      approved++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      reason ??= e.message;
    }
  }
  return { approved, refused: ids.length - approved, reason };
}

export async function returnReport(db: DB, actor: Actor, reportId: number, comment: string): Promise<void> {
  assertApprover(actor);
  if (!comment.trim()) throw new DomainError("Vui lòng ghi lý do trả lại để đơn vị bổ sung.", "comment");
  const report = await submitted(db, reportId, "submitted");
  await inReach(db, actor, report);
  await transition(db, actor, report, "returned", {
    decided_at: nowIso(),
    decided_by: actor.userId,
    comment: comment.trim().slice(0, 2000),
  });
}

/** Reopening an approved report unlocks the unit's records of the half-year and hands the report back. */
export async function reopenReport(db: DB, actor: Actor, reportId: number, comment: string): Promise<void> {
  assertApprover(actor);
  if (!comment.trim()) throw new DomainError("Vui lòng ghi lý do mở lại báo cáo.", "comment");
  const report = await submitted(db, reportId, "approved");
  await inReach(db, actor, report);
  await transition(
    db,
    actor,
    report,
    "returned",
    { decided_at: nowIso(), decided_by: actor.userId, comment: comment.trim().slice(0, 2000) },
    "remove",
  );
}

export { reportDeadline };

export { reportNarrativeSchema, reportDecisionSchema } from "./schemas";
