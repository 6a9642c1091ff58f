import type { Kysely } from "kysely";
import { withId } from "./helpers";

/**
 * Issue #19: people are told what is due. `notifications` is each person's in-app list (report submitted,
 * returned, approved, reopened; a deadline approaching; the unit invited to an activity); `mail_outbox` is the
 * ledger of e-mails: one row per person and event (unique), claimed with a lease before it is sent and marked sent
 * after, so a restart or a second server process never sends a message twice; a failed send waits and is retried.
 * `users.email_notifications` = 0 turns a person's e-mails off (the in-app list stays).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("notifications"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("event_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addUniqueConstraint("notifications_event_uq", ["user_id", "event_key"])
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "read_at"]).execute();

  await withId(db, db.schema.createTable("mail_outbox"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("event_key", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("mail_outbox_event_uq", ["user_id", "event_key"])
    .execute();
  await db.schema.createIndex("mail_outbox_due_idx").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();

  await db.schema
    .alterTable("users")
    .addColumn("email_notifications", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("email_notifications").execute();
  await db.schema.dropTable("mail_outbox").execute();
  await db.schema.dropTable("notifications").execute();
}
