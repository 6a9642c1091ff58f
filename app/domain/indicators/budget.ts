/**
 * Budget figures (BUD-IV): estimate against actual spending of the units' activities in the period, by budget
 * line and by funding source. A cancelled activity's estimate drops out but anything already spent on it stays;
 * lines without an actual yet are counted so the report can say the figure is incomplete.
 */
import type { DB } from "../../../db/connection";
import type { BudgetCategory, FundingSource } from "../../../db/schema";
import type { Period } from "../shared/periods";

export interface BudgetRow<K extends string> {
  key: K;
  estimate: number;
  actual: number;
  linesWithoutActual: number;
}

export async function budgetFigures(db: DB, q: { unitIds: number[]; period: Period }) {
  const units = q.unitIds.length ? q.unitIds : [-1];
  const base = db
    .selectFrom("budget_lines")
    .innerJoin("activities", "activities.id", "budget_lines.activity_id")
    .where("activities.organizer_unit_id", "in", units)
    .where("activities.starts_at", ">=", q.period.from)
    .where("activities.starts_at", "<", q.period.to);
  const sums = (key: "budget_lines.category" | "budget_lines.source") =>
    base
      .select([
        `${key} as key`,
        (eb) =>
          eb.fn
            .sum<number>(
              eb.case().when("activities.status", "=", "cancelled").then(0).else(eb.ref("budget_lines.estimate")).end(),
            )
            .as("estimate"),
        (eb) => eb.fn.sum<number>(eb.fn.coalesce("budget_lines.actual", eb.val(0))).as("actual"),
        (eb) =>
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb("budget_lines.actual", "is", null), eb("activities.status", "!=", "cancelled")]))
                .then(1)
                .else(0)
                .end(),
            )
            .as("missing"),
      ])
      .groupBy(key)
      .orderBy(key)
      .execute();
  const shape = <K extends string>(
    rows: { key: string; estimate: number; actual: number; missing: number }[],
  ): BudgetRow<K>[] =>
    rows.map((r) => ({
      key: r.key as K,
      estimate: Number(r.estimate ?? 0),
      actual: Number(r.actual ?? 0),
      linesWithoutActual: Number(r.missing ?? 0),
    }));
  const byCategory = shape<BudgetCategory>(await sums("budget_lines.category"));
  const bySource = shape<FundingSource>(await sums("budget_lines.source"));
  const total = byCategory.reduce(
    (t, r) => ({
      estimate: t.estimate + r.estimate,
      actual: t.actual + r.actual,
      linesWithoutActual: t.linesWithoutActual + r.linesWithoutActual,
    }),
    {
      estimate: 0,
      actual: 0,
      linesWithoutActual: 0,
    },
  );
  return { byCategory, bySource, total };
}
