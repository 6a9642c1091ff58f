import type { Kysely } from "kysely";

/**
 * Issue #13 (docs/decisions/012): a report covers its own period, from the day after the previous report's cut-off
 * to its own cut-off (by default its deadline: H1 11/12 of the year before – 10/6, H2 11/6 – 10/12); approval locks
 * exactly that period and keeps the figures it signed.
 * - `report_cutoffs`: a cut-off commune staff set for a half-year, fixed from the first approval of it.
 * - `report_snapshots`: the figures an approval signed, with the definitions and headcounts they used.
 * - Locks written under the old rule (first day of the half-year to the day of approval) become the report period.
 */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function defaultReportRange(halfKey: string): { start: string; endExclusive: string } {
  const m = /^(\d{4})-H([12])$/.exec(halfKey);
  if (!m) throw new Error(`not a half-year: ${halfKey}`);
  const year = Number(m[1]);
  return m[2] === "1"
    ? { start: dayAfter(`${year - 1}-12-10`), endExclusive: dayAfter(`${year}-06-10`) }
    : { start: dayAfter(`${year}-06-10`), endExclusive: dayAfter(`${year}-12-10`) };
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report_cutoffs")
    .addColumn("commune_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("cutoff_date", "text", (c) => c.notNull())
    .addColumn("fixed_at", "text")
    .addColumn("set_by", "integer", (c) => c.references("users.id"))
    .addColumn("set_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_cutoffs_pk", ["commune_id", "period_key"])
    .execute();
  await db.schema
    .createTable("report_snapshots")
    .addColumn("report_id", "integer", (c) => c.primaryKey().references("reports.id").onDelete("cascade"))
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end_exclusive", "text", (c) => c.notNull())
    .addColumn("document_json", "text", (c) => c.notNull())
    .addColumn("figures_json", "text", (c) => c.notNull())
    .addColumn("basis_json", "text", (c) => c.notNull()) // definitions and headcounts the figures used
    .addColumn("source", "text", (c) => c.notNull()) // approval | backfill
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  const locks = await db
    .selectFrom("period_locks")
    .innerJoin("units", "units.id", "period_locks.unit_id")
    .select([
      "period_locks.unit_id",
      "period_locks.period_key",
      "period_locks.locked_at",
      "units.parent_id",
      "units.kind",
    ])
    .execute();
  for (const l of locks) {
    if (!/^\d{4}-H[12]$/.test(l.period_key)) continue;
    const range = defaultReportRange(l.period_key);
    await db
      .updateTable("period_locks")
      .set({ start_date: range.start, end_date_exclusive: range.endExclusive })
      .where("unit_id", "=", l.unit_id)
      .where("period_key", "=", l.period_key)
      .execute();
    const commune = l.kind === "commune" ? l.unit_id : l.parent_id;
    if (commune === null) continue;
    await db
      .insertInto("report_cutoffs")
      .values({
        commune_id: commune,
        period_key: l.period_key,
        cutoff_date: new Date(Date.parse(`${range.endExclusive}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
        fixed_at: l.locked_at,
        set_by: null,
        set_at: l.locked_at,
      })
      .onConflict((oc) => oc.columns(["commune_id", "period_key"]).doNothing())
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_snapshots").execute();
  await db.schema.dropTable("report_cutoffs").execute();
}
