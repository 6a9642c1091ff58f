/**
 * The figures a report's approval signed (docs/decisions/012). At approval a unit's (school's or office's) figures over its report
 * period are stored with the document built from them and the definitions, targets and headcounts they used; the
 * report's page, DOCX, XLSX and CSV read them from here, so they never move, whatever changes later (a new counting
 * rule, a corrected headcount). Reopening discards them; approving again stores new ones.
 */
import type { DB } from "../../../db/connection";
import type { Report } from "../../../db/schema";
import type { Executor } from "../audit/audit";
import { computeIndicators, loadIndicators, unitScope, type IndicatorFigure } from "../indicators/engine";
import { nowIso } from "../shared/time";
import { unitReportDocumentFrom } from "./document-content";
import type { ReportDocument } from "./document-model";
import { reportPeriodOfUnit, type ReportPeriod } from "./report-periods";

export interface SignedFigures {
  periodStart: string;
  periodEndExclusive: string;
  document: ReportDocument;
  figures: IndicatorFigure[];
  source: "approval" | "backfill";
  createdAt: string;
}

/**
 * Computes and stores a report's figures over its period, replacing any set left from before. Called in the
 * transaction that approves the report (after the period is locked), or by `backfill` below.
 */
export async function signReport(
  db: DB,
  report: Report,
  period: ReportPeriod,
  source: SignedFigures["source"],
  at = nowIso(),
): Promise<void> {
  const unit = await db.selectFrom("units").selectAll().where("id", "=", report.unit_id).executeTakeFirstOrThrow();
  const figures = await computeIndicators(db, unitScope(unit), period);
  const document = await unitReportDocumentFrom(db, unit, period, figures, report.narrative, new Date(at));
  const definitions = (await loadIndicators(db)).map((r) => ({
    code: r.code,
    name: r.name,
    unit: r.unit,
    definition: r.definition,
    target: r.targets[period.year] ?? null,
  }));
  const headcounts = await db
    .selectFrom("headcounts")
    .selectAll()
    .where("unit_id", "=", unit.id)
    .where("year", "=", period.year)
    .execute();
  await db.deleteFrom("report_snapshots").where("report_id", "=", report.id).execute();
  await db
    .insertInto("report_snapshots")
    .values({
      report_id: report.id,
      period_start: period.startDate,
      period_end_exclusive: period.endDateExclusive,
      document_json: JSON.stringify(document),
      figures_json: JSON.stringify(figures),
      basis_json: JSON.stringify({ definitions, headcounts }),
      source,
      created_at: at,
    })
    .execute();
}

export async function signedFigures(db: Executor, reportId: number): Promise<SignedFigures | undefined> {
  const row = await db.selectFrom("report_snapshots").selectAll().where("report_id", "=", reportId).executeTakeFirst();
  if (!row) return undefined;
  return {
    periodStart: row.period_start,
    periodEndExclusive: row.period_end_exclusive,
    document: JSON.parse(row.document_json) as ReportDocument,
    figures: JSON.parse(row.figures_json) as IndicatorFigure[],
    source: row.source,
    createdAt: row.created_at,
  };
}

/** An approved report's signed figures; one approved before they were kept gets them now (marked as such). */
export async function signedFiguresFor(db: DB, report: Report): Promise<SignedFigures | undefined> {
  if (report.status !== "approved") return undefined;
  const stored = await signedFigures(db, report.id);
  if (stored) return stored;
  await backfill(db, report.id);
  return signedFigures(db, report.id);
}

/**
 * Signs an approved report that has no stored figures (approved before they were kept): computed now, over its
 * report period, and dated now — the page says they were recomputed on that day. In one transaction that finds the
 * report still approved and still without figures, so a reopening or a second reader meanwhile changes nothing.
 */
async function backfill(db: DB, reportId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom("reports")
      .selectAll()
      .where("id", "=", reportId)
      .where("status", "=", "approved")
      .executeTakeFirst();
    if (!report || (await signedFigures(trx, reportId))) return false;
    await signReport(trx, report, await reportPeriodOfUnit(trx, report.unit_id, report.period_key), "backfill");
    return true;
  });
}

export async function discardSignedFigures(db: Executor, reportId: number): Promise<void> {
  await db.deleteFrom("report_snapshots").where("report_id", "=", reportId).execute();
}

export interface FigureDifference {
  code: string;
  name: string;
  unit: IndicatorFigure["unit"];
  signed: IndicatorFigure;
  live: IndicatorFigure | undefined;
}

/** Where the figures computed now over the same period differ from those signed (value, numerator or denominator). */
export function differences(signed: IndicatorFigure[], live: IndicatorFigure[]): FigureDifference[] {
  const same = (a: IndicatorFigure, b: IndicatorFigure | undefined) =>
    !!b &&
    a.value === b.value &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.target === b.target;
  return signed
    .map((s) => ({ code: s.code, name: s.name, unit: s.unit, signed: s, live: live.find((l) => l.code === s.code) }))
    .filter((d) => !same(d.signed, d.live));
}

/**
 * Approved reports without stored figures (approved before this rule, or by the demo's seed) get the figures
 * computed now over their report period, marked as such. Run at start-up; does nothing once all have them.
 */
export async function ensureSignedFigures(db: DB): Promise<number> {
  const missing = await db
    .selectFrom("reports")
    .select("id")
    .where("status", "=", "approved")
    .where("id", "not in", db.selectFrom("report_snapshots").select("report_id"))
    .execute();
  let signed = 0;
  for (const report of missing) if (await backfill(db, report.id)) signed++;
  return signed;
}
