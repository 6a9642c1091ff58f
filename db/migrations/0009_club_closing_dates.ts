import { sql, type Kysely } from "kysely";

/**
 * Review of issue #6: a club closed today must still count for the periods it ran in, so closing is a date
 * (clubs.closed_on), not only a status. Clubs already closed are taken as closed on their last update.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("clubs").addColumn("closed_on", "text").execute();
  await db
    .updateTable("clubs")
    .set({ closed_on: sql`substr(updated_at, 1, 10)` })
    .where("status", "=", "closed")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("clubs").dropColumn("closed_on").execute();
}
