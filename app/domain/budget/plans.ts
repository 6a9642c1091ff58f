/**
 * A unit's yearly budget estimate by line (clause V.1: "Tổng hợp kế hoạch và dự toán kinh phí … hằng năm"): amounts
 * by category and funding source for the year, not tied to one activity. One line per (unit, year, category,
 * source): entering a line again replaces its amount. BUD-V.1 compares what the unit's activities spent with it.
 * Every change is audited.
 */
import type { DB } from "../../../db/connection";
import type { BudgetCategory, FundingSource, Unit } from "../../../db/schema";
import { writeAudit } from "../audit/audit";
import type { Actor } from "../auth/permissions";
import { mayManageUnitPaperwork, refuse, seesUnit } from "../auth/policies";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";
import type { BudgetPlanInput } from "./schemas";

export interface BudgetPlanLine {
  id: number;
  category: BudgetCategory;
  source: FundingSource;
  amount: number;
  note: string | null;
  updatedAt: string;
}

export async function budgetPlanOf(db: DB, unitId: number, year: number): Promise<BudgetPlanLine[]> {
  const rows = await db
    .selectFrom("budget_plans")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("year", "=", year)
    .orderBy("category")
    .orderBy("source")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    source: r.source,
    amount: Number(r.amount),
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

/** The units' estimates for a year, summed; null when none of them entered any (no data, not zero). */
export async function budgetPlanTotal(db: DB, unitIds: number[], year: number): Promise<number | null> {
  const row = await db
    .selectFrom("budget_plans")
    .select([(eb) => eb.fn.sum<number>("amount").as("total"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("unit_id", "in", unitIds.length ? unitIds : [-1])
    .where("year", "=", year)
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0 ? null : Number(row.total);
}

function assertPlanner(actor: Actor, unit: Pick<Unit, "id" | "kind">) {
  if (!mayManageUnitPaperwork(actor, unit))
    refuse(seesUnit(actor, unit), "Chỉ ban giám hiệu của trường, hoặc Phòng Văn hóa - Xã hội cho xã, lập dự toán.");
}

/** Adds a line, or replaces the amount of the same category and source for the year. */
export async function saveBudgetPlanLine(
  db: DB,
  actor: Actor,
  unit: Pick<Unit, "id" | "kind">,
  year: number,
  input: BudgetPlanInput,
): Promise<void> {
  assertPlanner(actor, unit);
  if (!(year >= 2025 && year <= 2030)) throw new DomainError("Năm không hợp lệ (2025 – 2030).");
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("budget_plans")
      .selectAll()
      .where("unit_id", "=", unit.id)
      .where("year", "=", year)
      .where("category", "=", input.category)
      .where("source", "=", input.source)
      .executeTakeFirst();
    const values = { amount: input.amount, note: input.note?.trim() || null, updated_by: actor.userId, updated_at: at };
    // An upsert: two saves of the same line at once (a double click, two colleagues) end with one line.
    const { id } = await trx
      .insertInto("budget_plans")
      .values({ unit_id: unit.id, year, category: input.category, source: input.source, ...values })
      .onConflict((oc) => oc.columns(["unit_id", "year", "category", "source"]).doUpdateSet(values))
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: existing ? "update" : "create",
      entity: "budget_plan",
      entityId: id,
      before: existing ? { amount: Number(existing.amount), note: existing.note } : undefined,
      after: { year, category: input.category, source: input.source, amount: input.amount, note: values.note },
    });
  });
}

/** Removes a line of the unit's estimate (a second click on a line already gone changes nothing). */
export async function deleteBudgetPlanLine(
  db: DB,
  actor: Actor,
  unit: Pick<Unit, "id" | "kind">,
  id: number,
): Promise<void> {
  assertPlanner(actor, unit);
  await db.transaction().execute(async (trx) => {
    const line = await trx
      .selectFrom("budget_plans")
      .selectAll()
      .where("id", "=", id)
      .where("unit_id", "=", unit.id)
      .executeTakeFirst();
    if (!line) return;
    await trx.deleteFrom("budget_plans").where("id", "=", id).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: "delete",
      entity: "budget_plan",
      entityId: id,
      before: { year: line.year, category: line.category, source: line.source, amount: Number(line.amount) },
    });
  });
}
