/**
 * A real SMTP server on 127.0.0.1 for the tests of e-mail (issue 19): it accepts what the app sends and keeps each
 * message parsed (mailparser), so a test reads who got what. Addresses listed in `refuse` are refused at RCPT TO,
 * as a mail server refuses a mailbox, so the app's retries can be seen.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  raw: ParsedMail;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  refuse: Set<string>;
  /** Waits until `count` messages matching `pick` have arrived (or fails after `ms`). */
  waitFor: (pick: (m: ReceivedMail) => boolean, count?: number, ms?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error("Hộp thư không tồn tại (thử nghiệm)"), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
            raw: mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse,
    waitFor: async (pick, count = 1, ms = 20_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const found = received.filter(pick);
        if (found.length >= count) return found;
        if (Date.now() > until)
          throw new Error(
            `Chờ ${count} thư, nhận được ${found.length}. Đã nhận: ${received.map((m) => `${m.to} ${m.subject}`).join("; ")}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
