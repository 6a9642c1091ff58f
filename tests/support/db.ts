/**
 * A real database per test, migrated, optionally with the demo of Tân An: a SQLite file under tmp/, or — when
 * TEST_PG_URL names a PostgreSQL server (an address of its maintenance database) — a fresh PostgreSQL database
 * dropped afterwards. `npm run test:pg` runs the integration suite that way; `.ci/run` runs both.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb, migrateToLatest, type DB } from "../../db/connection";
import { seedDemo } from "../../scripts/seed/demo";
import { loadActor } from "../../app/domain/auth/actor";
import type { Actor } from "../../app/domain/auth/permissions";

export interface TestDb {
  db: DB;
  /** The SQLite file, or the PostgreSQL database's address. */
  file: string;
  engine: "sqlite" | "postgres";
  close: () => Promise<void>;
}

/** A new empty PostgreSQL database on the TEST_PG_URL server; returns its address and a way to drop it. */
export async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tanan_t_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestDb(opts: { demo?: boolean } = {}): Promise<TestDb> {
  const pgAdmin = process.env.TEST_PG_URL;
  if (pgAdmin) {
    const worker = process.env.VITEST_POOL_ID ?? "0";
    process.env.UPLOAD_DIR ??= path.resolve("tmp", `uploads-w${worker}`);
    const { url, drop } = await createPgDatabase(pgAdmin);
    const db = createDb(url);
    await migrateToLatest(db);
    if (opts.demo) await seedDemo(db);
    return {
      db,
      file: url,
      engine: "postgres",
      close: async () => {
        await db.destroy();
        await drop();
      },
    };
  }
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
    engine: "sqlite",
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
