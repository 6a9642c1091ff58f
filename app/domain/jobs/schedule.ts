/** The periodic jobs the server runs (through runner.ts: one process at a time, by a lease in the database). */
import { sweepStoredObjects } from "../files/lifecycle";
import { sendDeadlineReminders } from "../notifications/reminders";
import { purgeBin } from "../recycle-bin/bin";
import type { Job } from "./runner";

const MINUTE = 60_000;

export const JOBS: Job[] = [
  {
    name: "purge-recycle-bin",
    everyMs: 60 * MINUTE,
    leaseMs: 30 * MINUTE,
    run: async (db, now) => `${await purgeBin(db, now)} mục quá 30 ngày đã xóa hẳn`,
  },
  {
    name: "sweep-stored-files",
    everyMs: 60 * MINUTE,
    leaseMs: 30 * MINUTE,
    run: async (db, now) => {
      const r = await sweepStoredObjects(db, now);
      return `${r.released} tệp không còn dùng đã xóa (${r.bytes} byte); ${r.leftovers} tệp dở dang đã dọn`;
    },
  },
  {
    // Hourly: a reminder is keyed by half-year, unit and threshold, so running again adds nothing.
    name: "deadline-reminders",
    everyMs: 60 * MINUTE,
    leaseMs: 30 * MINUTE,
    run: async (db, now) => {
      const r = await sendDeadlineReminders(db, now);
      return `${r.units} đơn vị chưa nộp; ${r.inApp} thông báo, ${r.emails} e-mail mới`;
    },
  },
];
