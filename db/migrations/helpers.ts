import { sql, type CreateTableBuilder, type Kysely } from "kysely";

/** Which SQL engine a migration runs on; migrations branch only where the SQL really differs. */
export function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const name = db.getExecutor().adapter.constructor.name;
  return name.toLowerCase().includes("postgres") ? "postgres" : "sqlite";
}

/** An auto-generated integer primary key named `id`, on either engine. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return engineOf(db) === "postgres"
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export const now = sql`CURRENT_TIMESTAMP`;
