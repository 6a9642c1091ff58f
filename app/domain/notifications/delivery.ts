/**
 * Sending the mail ledger (issue 19). Each message is claimed before it is sent — one conditional UPDATE sets it
 * "sending" with a short lease — and marked sent after, so two server processes never send one message, and a
 * restart sends only what was not sent. A process that dies between the SMTP server's acceptance and the mark
 * leaves a lease that expires: that one message may go out twice (at-least-once; its Message-ID is the same, so
 * mail programs show it once). A failed send waits 1, 5, 30, 120 then 360 minutes; after the sixth failure it is
 * "failed" and the system administrator sees it. A message not sent within 3 days (SMTP down, or not set up) expires.
 */
import type { DB } from "../../../db/connection";
import type { Database, MailOutboxTable } from "../../../db/schema";
import type { ExpressionBuilder, Selectable, Updateable } from "kysely";
import { nowIso } from "../shared/time";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What sends a message: a nodemailer transport, or anything with its sendMail. */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
}

export interface MailSettings {
  from: string;
  /** The app's address as people open it ("https://stem.tanan.gov.vn"): links in a message are built from it. */
  publicUrl: string;
}

const MINUTE = 60_000;
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((m) => m * MINUTE);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Longer than a send may take: the SMTP transport is set to give up after 30 s without an answer. */
export const SEND_LEASE_MS = 5 * MINUTE;
export const EXPIRE_AFTER_MS = 3 * 24 * 60 * MINUTE;
const BATCH = 100;

type Row = Selectable<MailOutboxTable>;

/** The e-mail of a ledger row, in Vietnamese, with the page's absolute address. */
export function composeMail(row: Row, settings: MailSettings): OutgoingMail {
  const base = settings.publicUrl.replace(/\/+$/, "");
  const text = [
    row.subject,
    "",
    ...(row.body ? [row.body, ""] : []),
    `Mở trang: ${base}${row.link}`,
    "",
    "—",
    "Tân An STEM · Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW",
    `Thư gửi tự động, vui lòng không trả lời. Tắt nhận e-mail: ${base}/notifications`,
  ].join("\n");
  const host = new URL(base).hostname || "localhost";
  return {
    from: settings.from,
    to: row.to_address,
    // Subjects are one line: a newline typed into a unit's name cannot add a header.
    subject: row.subject.replace(/[\r\n]+/g, " "),
    text,
    messageId: `<outbox-${row.id}-${Date.parse(row.created_at)}@${host}>`,
    headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
  };
}

function isDue(now: string) {
  return (eb: ExpressionBuilder<Database, "mail_outbox">) =>
    eb.or([
      eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]),
      eb.and([eb("status", "=", "sending"), eb("lease_until", "<", now)]),
    ]);
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  retrying: number;
  expired: number;
}

/** Sends what is due. Without a transport (no SMTP set), only expires what waited too long. */
export async function deliverMail(
  db: DB,
  transport: MailTransport | null,
  settings: MailSettings | null,
  now: Date = new Date(),
): Promise<DeliveryResult> {
  // The pass's clock: `now` (a test's day) moving on as real time passes, so each claim's lease starts when it is
  // taken, not when the pass began (a slow mail server must not leave later leases already run out).
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const at = nowIso(now);
  const result: DeliveryResult = { sent: 0, failed: 0, retrying: 0, expired: 0 };
  // A claim whose process died (or whose server has no SMTP any more) goes back to waiting; then what waited
  // too long expires, and the ledger forgets what is long done.
  await db
    .updateTable("mail_outbox")
    .set({ status: "pending", lease_until: null })
    .where("status", "=", "sending")
    .where("lease_until", "<", at)
    .execute();
  const expired = await db
    .updateTable("mail_outbox")
    .set({ status: "expired", lease_until: null, last_error: "Quá 3 ngày chưa gửi được." })
    .where("status", "=", "pending")
    .where("created_at", "<", new Date(now.getTime() - EXPIRE_AFTER_MS).toISOString())
    .executeTakeFirst();
  result.expired = Number(expired.numUpdatedRows);
  await forgetOld(db, now);
  if (!transport || !settings) return result;
  const due = await db.selectFrom("mail_outbox").select("id").where(isDue(at)).orderBy("id").limit(BATCH).execute();
  for (const { id } of due) {
    // The lease's end is this claim's token: only the process holding it marks the message sent or failed.
    const lease = new Date(clock().getTime() + SEND_LEASE_MS).toISOString();
    const claimed = await db
      .updateTable("mail_outbox")
      .set((eb) => ({ status: "sending", lease_until: lease, attempts: eb("attempts", "+", 1) }))
      .where("id", "=", id)
      .where(isDue(nowIso(clock())))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue; // another process took it
    const row = await db
      .selectFrom("mail_outbox")
      .innerJoin("users", "users.id", "mail_outbox.user_id")
      .selectAll("mail_outbox")
      .select(["users.email", "users.is_active", "users.email_notifications"])
      .where("mail_outbox.id", "=", id)
      .executeTakeFirstOrThrow();
    const finish = (values: Updateable<MailOutboxTable>) =>
      db
        .updateTable("mail_outbox")
        .set(values)
        .where("id", "=", id)
        .where("status", "=", "sending")
        .where("lease_until", "=", lease)
        .execute();
    // The person as they are now: an account closed, e-mails turned off or the address changed since it was queued.
    if (!row.is_active || row.email_notifications !== 1 || row.email !== row.to_address) {
      await finish({
        status: "expired",
        lease_until: null,
        last_error: "Người nhận không còn nhận thư ở địa chỉ này.",
      });
      result.expired++;
      continue;
    }
    try {
      await transport.sendMail(composeMail(row, settings));
      await finish({ status: "sent", sent_at: nowIso(clock()), lease_until: null, last_error: null });
      result.sent++;
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const last = row.attempts >= MAX_ATTEMPTS;
      await finish({
        status: last ? "failed" : "pending",
        lease_until: null,
        last_error: error,
        next_attempt_at: new Date(now.getTime() + (RETRY_DELAYS_MS[row.attempts - 1] ?? 0)).toISOString(),
      });
      if (last) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/** How long the ledger and the in-app lists keep what is done (sent or given up; notifications read). */
export const KEEP_DONE_MS = 180 * 24 * 60 * MINUTE;

async function forgetOld(db: DB, now: Date) {
  const before = new Date(now.getTime() - KEEP_DONE_MS).toISOString();
  await db
    .deleteFrom("mail_outbox")
    .where("status", "in", ["sent", "failed", "expired"])
    .where("created_at", "<", before)
    .execute();
  await db.deleteFrom("notifications").where("read_at", "is not", null).where("created_at", "<", before).execute();
}

/** Mail that has not gone out (retrying, failed, expired), newest first: the system administrator's list. */
export async function undeliveredMail(db: DB, limit = 50) {
  return db
    .selectFrom("mail_outbox")
    .select(["id", "to_address", "subject", "status", "attempts", "next_attempt_at", "last_error", "created_at"])
    .where((eb) =>
      eb.or([
        eb("status", "in", ["failed", "expired"]),
        eb.and([eb("status", "=", "pending"), eb("attempts", ">", 0)]),
      ]),
    )
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** How the ledger stands: counts by status. */
export async function mailCounts(db: DB): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
