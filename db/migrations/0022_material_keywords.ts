import { sql, type Kysely } from "kysely";

/**
 * Issue 20: a material carries free keywords (từ khoá) beside the plan's topics, as a JSON array of text such as
 * ["robot","năng lượng mặt trời"] (like its grades). They are searched through `search_text`, which the app writes
 * with them; materials from before have none, so their search text stays as it is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("materials")
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("materials").dropColumn("keywords").execute();
}
