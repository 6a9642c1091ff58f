import { sql, type Kysely } from "kysely";

/**
 * Issue 20: a login account stands for at most one person record of a unit (people.user_id: a club's advisor records
 * its meetings through it). The app moves the link in one transaction; this index keeps it so when two principals
 * link at once, on PostgreSQL as on SQLite. A partial index: unlinked records (null) are many.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index people_account_once on people (unit_id, user_id) where user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index people_account_once`.execute(db);
}
