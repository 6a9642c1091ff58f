import type { Kysely } from "kysely";

/**
 * Issue #7: "reached" figures read per-person quarter counts kept current on write instead of every attendance
 * record of the period (see app/domain/indicators/reach-aggregate.ts and docs/decisions/015). Filled from the
 * records already there — by a frozen copy of the computation as it was when this migration was written (a
 * migration imports nothing from app/: it must do on a fresh database exactly what it did then).
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;

/** [year, quarter] of an instant, Vietnam time. */
function quarterOf(instant: string): [number, number] {
  const date = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString();
  return [Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1];
}

/** The instant a quarter starts, Vietnam time ("2026-Q1" → 2025-12-31T17:00:00.000Z). */
function quarterStart(year: number, quarter: number): string {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1) - VIETNAM_OFFSET_MS).toISOString();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reach_quarters")
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("quarter", "text", (c) => c.notNull())
    .addColumn("topic_code", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("activities", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reach_quarters_pk", ["person_id", "quarter", "topic_code", "form"])
    .execute();
  const range = await db
    .selectFrom("activities")
    .select((eb) => [eb.fn.min<string>("starts_at").as("first"), eb.fn.max<string>("starts_at").as("last")])
    .executeTakeFirst();
  if (!range?.first || !range.last) return;
  let [year, quarter] = quarterOf(range.first);
  const [lastYear, lastQuarter] = quarterOf(range.last);
  for (;;) {
    const next: [number, number] = quarter === 4 ? [year + 1, 1] : [year, quarter + 1];
    const from = quarterStart(year, quarter);
    const to = quarterStart(...next);
    const key = `${year}-Q${quarter}`;
    await db
      .insertInto("reach_quarters")
      .columns(["person_id", "quarter", "topic_code", "form", "activities"])
      .expression((eb) =>
        eb
          .selectFrom("attendance")
          .innerJoin("activities", "activities.id", "attendance.activity_id")
          .innerJoin("activity_topics", "activity_topics.activity_id", "activities.id")
          .select([
            "attendance.person_id",
            eb.val(key).as("quarter"),
            "activity_topics.topic_code",
            "activities.form",
            eb.fn.countAll<number>().as("activities"),
          ])
          .where("attendance.status", "in", ["present", "late"])
          .where("activities.status", "!=", "cancelled")
          .where("activities.starts_at", ">=", from)
          .where("activities.starts_at", "<", to)
          .groupBy(["attendance.person_id", "activity_topics.topic_code", "activities.form"]),
      )
      .execute();
    if (year === lastYear && quarter === lastQuarter) break;
    [year, quarter] = next;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reach_quarters").execute();
}
