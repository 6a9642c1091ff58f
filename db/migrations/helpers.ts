import { sql, type CreateTableBuilder, type Kysely } from "kysely";

import { engineOf } from "../engine";

export { engineOf };

/** An auto-generated integer primary key named `id`, on either engine. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return engineOf(db) === "postgres"
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export const now = sql`CURRENT_TIMESTAMP`;
