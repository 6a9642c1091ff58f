/**
 * Runs the periodic jobs (app/domain/jobs) from the server process: a check every minute; each job runs when it is
 * due and this process takes its lease, so several server processes share the work without doing it twice.
 * JOBS=off turns the runner off (for a process that only serves pages while another runs the jobs).
 */
import { createDb } from "../db/connection";
import { runDueJobs } from "../app/domain/jobs/runner";
import { JOBS } from "../app/domain/jobs/schedule";
import type { Job } from "../app/domain/jobs/runner";
import { deliverQueuedMail } from "../app/lib/mail.server";
import { log } from "./log";

const CHECK_EVERY_MS = 60_000;

/** The mail ledger's sender (issue 19): every minute, what is due or due again after a failure. */
const SEND_MAIL: Job = {
  name: "send-mail",
  everyMs: 60_000,
  leaseMs: 10 * 60_000,
  run: async (_db, now) => {
    const r = await deliverQueuedMail(now);
    return `${r.sent} đã gửi, ${r.retrying} chờ gửi lại, ${r.failed} không gửi được, ${r.expired} quá hạn`;
  },
};

export function startJobRunner(): () => Promise<void> {
  if (process.env.JOBS === "off") return async () => {};
  const db = createDb();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueJobs(db, [...JOBS, SEND_MAIL])
      .then((outcomes) => {
        for (const o of outcomes) log(o.error ? "error" : "info", "job", { ...o });
      })
      .catch((e) => log("error", "job runner", { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  return async () => {
    clearInterval(timer);
    await running;
    await db.destroy();
  };
}
