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

/** A new indicator row of the plan, with no target for the plan's years unless given (migrations 0016 on). */
export interface NewIndicator {
  code: string;
  name: string;
  plan_ref: string;
  unit: "percent" | "count";
  scope: "commune" | "unit" | "school";
  group_name: string;
  direction: "at_least" | "at_most" | "rising";
  definition: object;
  target?: number | null;
}

/** Inserts indicator rows right after an existing one (the rows below move down), with a target for 2025–2030. */
export async function insertIndicatorsAfter(db: Kysely<any>, afterCode: string, rows: NewIndicator[]): Promise<void> {
  const after = await db
    .selectFrom("indicators")
    .select("sort_order")
    .where("code", "=", afterCode)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("indicators")
    .set((eb: any) => ({ sort_order: eb("sort_order", "+", rows.length) }))
    .where("sort_order", ">", after.sort_order)
    .execute();
  for (const [i, { target = null, definition, ...r }] of rows.entries()) {
    await db
      .insertInto("indicators")
      .values({
        ...r,
        source: "computed",
        sort_order: after.sort_order + 1 + i,
        definition: JSON.stringify(definition),
      })
      .execute();
    await db
      .insertInto("indicator_targets")
      .values([2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ indicator_code: r.code, year, target })))
      .execute();
  }
}

/** Removes indicator rows and their targets (a migration's down). */
export async function deleteIndicators(db: Kysely<any>, codes: string[]): Promise<void> {
  await db.deleteFrom("indicator_targets").where("indicator_code", "in", codes).execute();
  await db.deleteFrom("indicators").where("code", "in", codes).execute();
}
