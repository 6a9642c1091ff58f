/**
 * A person's in-app list (issue 19): newest first, unread counted in the header, an item marked read when it is
 * opened (it then leads to its page). Nobody reads or opens another person's items: every query names the owner.
 */
import type { DB } from "../../../db/connection";
import { nowIso } from "../shared/time";

export const INBOX_PAGE_SIZE = 30;

export async function unreadCount(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: DB, userId: number, page = 1) {
  const [items, total] = await Promise.all([
    db
      .selectFrom("notifications")
      .select(["id", "kind", "title", "body", "link", "created_at", "read_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(INBOX_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * INBOX_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirst(),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** Marks the person's item read and gives its page; undefined when it is not theirs (or gone). */
export async function openNotification(db: DB, userId: number, id: number): Promise<string | undefined> {
  const item = await db
    .selectFrom("notifications")
    .select(["link", "read_at"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!item) return undefined;
  if (!item.read_at) await db.updateTable("notifications").set({ read_at: nowIso() }).where("id", "=", id).execute();
  return item.link;
}

export async function markAllRead(db: DB, userId: number): Promise<number> {
  const r = await db
    .updateTable("notifications")
    .set({ read_at: nowIso() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function emailPreference(db: DB, userId: number): Promise<boolean> {
  const row = await db.selectFrom("users").select("email_notifications").where("id", "=", userId).executeTakeFirst();
  return row?.email_notifications === 1;
}

/** Turns the person's e-mails on or off; mail already queued for them and not yet sent is dropped when off. */
export async function setEmailPreference(db: DB, userId: number, on: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ email_notifications: on ? 1 : 0 })
      .where("id", "=", userId)
      .execute();
    if (!on)
      await trx
        .updateTable("mail_outbox")
        .set({ status: "expired", last_error: "Người nhận đã tắt e-mail." })
        .where("user_id", "=", userId)
        .where("status", "=", "pending")
        .execute();
  });
}
