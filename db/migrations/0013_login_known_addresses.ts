import type { Kysely } from "kysely";

/**
 * Issue #15: sign-in throttling tells a colleague's address from a stranger's (decision 003). "Has this account
 * signed in from this address lately?" is read from the audit log's login rows: an index makes it one lookup.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("audit_log_actor_action_idx")
    .on("audit_log")
    .columns(["actor_user_id", "action", "ip"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_actor_action_idx").execute();
}
