/**
 * Telling people (issue 19): one event lands once per person in the in-app list and, for those who take e-mails,
 * once in the mail ledger (mail_outbox), both keyed by (person, event): a second call with the same key — a
 * reminder job run again after a restart, by a second server process, or a double click — adds nothing.
 * Called inside the transaction of the change it tells about, so nothing is told about a change that failed.
 */
import type { Executor } from "../../../db/connection";
import type { NotificationKind } from "../../../db/schema";
import { nowIso } from "../shared/time";
import type { Recipient } from "./recipients";

export interface Message {
  kind: NotificationKind;
  /** Unique per event: "report:12:submitted:2026-12-05T…", "deadline:2026-H2:5:7". Made per person below. */
  eventKey: string;
  /** One line, shown in the list and as the e-mail's subject. */
  title: string;
  /** A few lines more (a returned report's comment); shown under the title and in the e-mail. */
  body?: string | null;
  /** The page it is about, a path inside the app. */
  link: string;
}

export interface Told {
  inApp: number;
  emails: number;
}

/** Adds the message to each recipient's list and, with `email`, queues an e-mail to those who take them. */
export async function notify(
  db: Executor,
  recipients: Recipient[],
  message: Message,
  opts: { email: boolean; now?: Date },
): Promise<Told> {
  const at = nowIso(opts.now);
  const told: Told = { inApp: 0, emails: 0 };
  for (const r of recipients) {
    const inApp = await db
      .insertInto("notifications")
      .values({
        user_id: r.userId,
        event_key: message.eventKey,
        kind: message.kind,
        title: message.title,
        body: message.body ?? null,
        link: message.link,
        created_at: at,
        read_at: null,
      })
      .onConflict((oc) => oc.columns(["user_id", "event_key"]).doNothing())
      .executeTakeFirst();
    told.inApp += Number(inApp.numInsertedOrUpdatedRows ?? 0);
    if (!opts.email || !r.wantsEmail || !r.email.includes("@")) continue;
    const mail = await db
      .insertInto("mail_outbox")
      .values({
        user_id: r.userId,
        event_key: message.eventKey,
        to_address: r.email,
        subject: message.title,
        body: message.body ?? "",
        link: message.link,
        status: "pending",
        attempts: 0,
        next_attempt_at: at,
        lease_until: null,
        last_error: null,
        created_at: at,
        sent_at: null,
      })
      .onConflict((oc) => oc.columns(["user_id", "event_key"]).doNothing())
      .executeTakeFirst();
    told.emails += Number(mail.numInsertedOrUpdatedRows ?? 0);
  }
  return told;
}
