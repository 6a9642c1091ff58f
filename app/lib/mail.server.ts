/**
 * E-mail settings and sending (issue 19). SMTP_URL (e.g. "smtps://user:pass@mail.example.vn:465") turns e-mail on;
 * MAIL_FROM is the sender ("Tân An STEM <stem@tanan.gov.vn>"); PUBLIC_URL is the app's address as people open it,
 * required with SMTP_URL: a message's links have no request to take a host from. Without SMTP_URL people are told
 * in the app only. The ledger (app/domain/notifications/delivery.ts) makes sending safe across processes.
 */
import nodemailer from "nodemailer";
import { deliverMail, type MailSettings, type MailTransport } from "../domain/notifications/delivery";
import { db } from "./db.server";

export interface MailConfig extends MailSettings {
  smtpUrl: string;
}

/** The settings from the environment; null = e-mail off. Throws (in Vietnamese and English) when incomplete. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  const publicUrl = env.PUBLIC_URL?.trim();
  if (!publicUrl || !/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new Error(
      "SMTP_URL đã đặt nhưng thiếu PUBLIC_URL (địa chỉ của ứng dụng, ví dụ https://stem.tanan.gov.vn): " +
        "liên kết trong e-mail cần nó. / SMTP_URL is set but PUBLIC_URL (the app's public address) is missing.",
    );
  if (!/^smtps?:\/\//.test(smtpUrl))
    throw new Error("SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// / SMTP_URL must start with smtp:// or smtps://");
  const host = new URL(publicUrl).hostname;
  return { smtpUrl, publicUrl, from: env.MAIL_FROM?.trim() || `Tân An STEM <no-reply@${host}>` };
}

/**
 * The SMTP connection: a send gives up after 30 s without an answer (shorter than the ledger's lease, so nothing is
 * sent twice); a plain smtp:// server must offer STARTTLS before the password is sent, unless it is this machine.
 */
function transportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return {
    url: smtpUrl,
    requireTLS: url.protocol === "smtp:" && !local,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 30_000,
  };
}

let transport: { config: MailConfig; sender: MailTransport } | null | undefined;

function configured(): { config: MailConfig; sender: MailTransport } | null {
  if (transport === undefined) {
    const config = mailConfig();
    transport = config ? { config, sender: nodemailer.createTransport(transportOptions(config.smtpUrl)) } : null;
  }
  return transport;
}

export function mailEnabled(): boolean {
  return configured() !== null;
}

/** One delivery pass: sends what is due (or, without SMTP, expires what waited too long). */
export function deliverQueuedMail(now: Date = new Date()) {
  const t = configured();
  return deliverMail(db, t?.sender ?? null, t?.config ?? null, now);
}

let running: Promise<unknown> | null = null;
let again = false;

/** After a change that told people by e-mail: send now, in the background (the job runner retries what fails). */
export function sendQueuedMailSoon(): void {
  if (!mailEnabled()) return;
  if (running) {
    again = true;
    return;
  }
  running = deliverQueuedMail()
    .catch(() => undefined)
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        sendQueuedMailSoon();
      }
    });
}
