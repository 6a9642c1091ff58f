/**
 * Issue #14: while another process holds SQLite's write lock (a backup, a script, a second server process), the
 * app's write transactions wait for it (up to the busy timeout) instead of failing at once with "database is locked".
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../support/db";

const onSqlite = !process.env.TEST_PG_URL;
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

/** Another process that takes the write lock, says so, holds it for `ms`, then commits. */
function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const sqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const script = `
    const db = new (require(${JSON.stringify(sqlite)}))(${JSON.stringify(file)});
    db.pragma("busy_timeout = 5000");
    db.exec("begin immediate");
    db.prepare("insert into login_throttle (key, failures, window_started_at, locked_until) values ('second-writer', 1, '2026-01-01', null)").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("commit"); db.close(); }, ${ms});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))),
  );
  return new Promise((resolve) => child.stdout.once("data", () => resolve({ released })));
}

describe.runIf(onSqlite)("a second writer on SQLite", () => {
  it("a transaction that reads and then writes waits for the other writer's lock instead of failing", async () => {
    const unit = await t.db
      .insertInto("units")
      .values({ kind: "commune", code: "x", name: "Xã X", parent_id: null, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { released } = await holdWriteLock(t.file, 1000);
    const started = Date.now();
    await t.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("units").select("name").where("id", "=", unit.id).executeTakeFirstOrThrow();
      await trx
        .updateTable("units")
        .set({ name: `${row.name} (đã sửa)` })
        .where("id", "=", unit.id)
        .execute();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // it waited for the lock
    await released;
    expect(
      (await t.db.selectFrom("units").select("name").where("id", "=", unit.id).executeTakeFirstOrThrow()).name,
    ).toBe("Xã X (đã sửa)");
    expect(
      await t.db.selectFrom("login_throttle").select("key").where("key", "=", "second-writer").executeTakeFirst(),
    ).toBeTruthy();
  });
});
