/** Read-only queries against the test server's SQLite file, to check what a request really stored. */
import Database from "better-sqlite3";
import { inject } from "vitest";

export function serverAll<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(inject("serverDbFile"), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

export function serverOne<T>(sql: string, ...args: unknown[]): T {
  return serverAll<T>(sql, ...args)[0];
}
