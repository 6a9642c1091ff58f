import type { Kysely } from "kysely";
import { deleteIndicators, insertIndicatorsAfter, withId } from "./helpers";

/**
 * Issue #17, clause V.1 ("Tổng hợp kế hoạch và dự toán kinh phí … hằng năm"): each unit's yearly estimate by
 * budget line (category and funding source), not tied to one activity, compared with what its activities spent
 * (BUD-V.1: share of the year's estimate spent, at most 100 %). Amounts in đồng, as bigint (a commune's year
 * passes the 2.1 billion an integer holds on PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("budget_plans"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("budget_plans_line_uq", ["unit_id", "year", "category", "source"])
    .execute();
  await insertIndicatorsAfter(db, "BUD-IV", [
    {
      code: "BUD-V.1",
      name: "Thực chi của các hoạt động so với dự toán kinh phí năm",
      plan_ref: "V.1",
      unit: "percent",
      scope: "unit",
      group_name: "Ngày kỷ niệm, báo cáo, kinh phí",
      direction: "at_most",
      definition: { numerator: { kind: "budget", field: "actual" }, denominator: { kind: "budget_plan" } },
      target: 100,
    },
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await deleteIndicators(db, ["BUD-V.1"]);
  await db.schema.dropTable("budget_plans").execute();
}
