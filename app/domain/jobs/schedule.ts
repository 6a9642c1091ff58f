/** The periodic jobs the server runs (through runner.ts: one process at a time, by a lease in the database). */
import { sweepStoredObjects } from "../files/lifecycle";
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
];
