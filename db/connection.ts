import fs from "node:fs";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { databaseFile } from "./config";
import { isPostgresUrl } from "./engine";
import { migrations } from "./migrations";
import { newSqlite } from "./native-sqlite";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

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

/** SQLite (a file path or file: URL; the default) or PostgreSQL (postgres://…), chosen by DATABASE_URL. */
export function createDb(url: string | undefined = process.env.DATABASE_URL): DB {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
    // An idle connection the server ends (a restart, a dropped test database) must not crash the process:
    // the pool replaces it on the next query.
    pool.on("error", (err) =>
      console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "postgres idle client error", error: err.message })),
    );
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(databaseFile(url)) }) });
}

export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
