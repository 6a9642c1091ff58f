import type { Kysely } from "kysely";
import { rebuildReach } from "../../app/domain/indicators/reach-aggregate";

/**
 * Issue #7: "reached" figures read per-person quarter counts kept current on write instead of every attendance
 * record of the period (see reach-aggregate.ts and docs/decisions/015). Filled from the records already there.
 */
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
  await rebuildReach(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reach_quarters").execute();
}
