/** Read-only queries against the test server's database (SQLite file or PostgreSQL), to check what a request really stored. */
import { inject } from "vitest";
import { queryRows } from "./sql";

export function serverAll<T>(sql: string, ...args: unknown[]): T[] {
  return queryRows<T>(inject("serverDbFile"), sql, ...args);
}

export function serverOne<T>(sql: string, ...args: unknown[]): T {
  return serverAll<T>(sql, ...args)[0];
}
