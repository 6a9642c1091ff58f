import fs from "node:fs";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, sql, type Dialect, type Transaction } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { databaseFile } from "./config";
import { isPostgresUrl } from "./engine";
import { migrations } from "./migrations";
import { newSqlite } from "./native-sqlite";
import { ImmediateSqliteDialect } from "./sqlite-dialect";
import { guardDialect, isDatabaseUnavailable } from "./unavailable";
import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** A database or a transaction: what a function that reads or writes inside either takes. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Opens the SQLite file with the settings the app relies on: WAL, foreign keys, a busy timeout. */
export function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = newSqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

// PostgreSQL returns bigint (counts) and numeric (sums) as strings; the app's figures are numbers well within 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.FLOAT4, (v) => Number(v));

function warn(msg: string, error: Error) {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg, error: error.message }));
}

export interface DbOptions {
  /** What to throw instead of an error that says the database cannot be reached right now (unavailable.ts). */
  unavailable?: (cause: unknown) => unknown;
}

/** SQLite (a file path or file: URL; the default) or PostgreSQL (postgres://…), chosen by DATABASE_URL. */
export function createDb(url: string | undefined = process.env.DATABASE_URL, opts: DbOptions = {}): DB {
  let dialect: Dialect;
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 10_000,
    });
    // A connection the server ends (a restart, a failover, a dropped test database) must not crash the process,
    // whether it is idle in the pool or in use by a request: that request fails, the pool replaces the client.
    pool.on("error", (err) => warn("postgres idle client error", err));
    pool.on("connect", (client) => client.on("error", (err) => warn("postgres client error", err)));
    dialect = new PostgresDialect({ pool });
  } else dialect = new ImmediateSqliteDialect({ database: openSqlite(databaseFile(url)) });
  return new Kysely<Database>({ dialect: opts.unavailable ? guardDialect(dialect, opts.unavailable) : dialect });
}

/** Whether the database answers a trivial query now (an error when it does not). */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Waits for a database that is not up yet (a server started before PostgreSQL, or during its restart): tries
 * `check` until it succeeds, saying so every few seconds; other errors end the wait at once.
 */
export async function waitForDatabase(
  db: DB,
  opts: { timeoutMs?: number; log?: (msg: string) => void } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5 * 60_000);
  for (let attempt = 0; ; attempt++) {
    try {
      await pingDatabase(db);
      return;
    } catch (e) {
      if (!isDatabaseUnavailable(e) || Date.now() > deadline) throw e;
      if (attempt % 5 === 0)
        opts.log?.(`Đang chờ cơ sở dữ liệu sẵn sàng (${e instanceof Error ? e.message : String(e)})…`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
