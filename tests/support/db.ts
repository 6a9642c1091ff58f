/** A real SQLite file per test (under tmp/), migrated; optionally with the demo of Tân An. */
import fs from "node:fs";
import path from "node:path";
import { createDb, migrateToLatest, type DB } from "../../db/connection";
import { seedDemo } from "../../db/seed/demo";
import { loadActor } from "../../app/domain/auth/actor";
import type { Actor } from "../../app/domain/auth/permissions";

export interface TestDb {
  db: DB;
  file: string;
  close: () => Promise<void>;
}

export async function createTestDb(opts: { demo?: boolean } = {}): Promise<TestDb> {
  const dir = path.resolve("tmp", "db");
  fs.mkdirSync(dir, { recursive: true });
  const worker = process.env.VITEST_POOL_ID ?? "0";
  const file = path.join(dir, `w${worker}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  // Seeding stores the demo's media files: keep them out of data/uploads.
  process.env.UPLOAD_DIR ??= path.resolve("tmp", `uploads-w${worker}`);
  const db = createDb(file);
  await migrateToLatest(db);
  if (opts.demo) await seedDemo(db);
  return {
    db,
    file,
    close: async () => {
      await db.destroy();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

/** The actor of a demo account, as a loader would see it. */
export async function actorOf(db: DB, email: string): Promise<Actor> {
  const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const actor = await loadActor(db, user.id, "test-session");
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

export async function unitIdByCode(db: DB, code: string): Promise<number> {
  return (await db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}
