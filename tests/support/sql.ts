/**
 * Synchronous SQL against a test server's database, whichever engine it runs on: the SQLite file (read with
 * better-sqlite3) or a PostgreSQL address (through `psql`, rows as JSON). Tests use it to check what a request
 * really stored. Parameters are `?`, replaced by quoted literals for psql.
 */
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { isPostgresUrl } from "../../db/engine";

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  return `'${String(v).replace(/'/g, "''")}'`;
}

function inline(sql: string, args: unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => literal(args[i++]));
}

function psql(url: string, sql: string): string {
  return execFileSync("psql", [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], { encoding: "utf8" });
}

export function queryRows<T>(target: string, sql: string, ...args: unknown[]): T[] {
  if (isPostgresUrl(target))
    return JSON.parse(psql(target, `select coalesce(json_agg(t), '[]'::json) from (${inline(sql, args)}) t`)) as T[];
  const db = new Database(target, { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

export function execute(target: string, sql: string, ...args: unknown[]): void {
  if (isPostgresUrl(target)) {
    psql(target, inline(sql, args));
    return;
  }
  const db = new Database(target);
  try {
    db.prepare(sql).run(...args);
  } finally {
    db.close();
  }
}
