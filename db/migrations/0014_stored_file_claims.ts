import type { Kysely } from "kysely";

/**
 * `stored_files.claim`: a random token each upload of an object writes when it stores it. An upload refused after
 * storing releases the object at once only if the claim is still its own (decision 018); the time it stored it is
 * not enough — two uploads of the same bytes can land in the same millisecond.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("stored_files").addColumn("claim", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("stored_files").dropColumn("claim").execute();
}
