/**
 * Coverage by vocabulary (NQ57-25b activities by form, NQ57-26a activities by topic): for each term of the
 * vocabulary in use (archived terms only when used), how many activities of the units in the period carry it.
 * Cancelled activities do not count; a term with zero activities is a gap the commune chases.
 */
import type { DB } from "../../../db/connection";
import type { Period } from "../shared/periods";
import { countedActivityIds } from "./scope";

export interface TermCount {
  code: string;
  label: string;
  activities: number;
}

export async function activityCoverage(
  db: DB,
  q: { unitIds: number[]; period: Period; by: "form" | "topic" },
): Promise<TermCount[]> {
  const inScope = countedActivityIds(db, q.period, q.unitIds);
  const counts =
    q.by === "form"
      ? await db
          .selectFrom("activities")
          .select(["form as code", (eb) => eb.fn.countAll<number>().as("n")])
          .where("id", "in", inScope)
          .groupBy("form")
          .execute()
      : await db
          .selectFrom("activity_topics")
          .select(["topic_code as code", (eb) => eb.fn.count<number>("activity_id").distinct().as("n")])
          .where("activity_id", "in", inScope)
          .groupBy("topic_code")
          .execute();
  const terms = await db
    .selectFrom("vocab_terms")
    .select(["code", "label", "archived"])
    .where("kind", "=", q.by)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const byCode = new Map(counts.map((c) => [c.code, Number(c.n)]));
  return terms
    .map((t) => ({ code: t.code, label: t.label, activities: byCode.get(t.code) ?? 0, archived: Boolean(t.archived) }))
    .filter((t) => !t.archived || t.activities > 0)
    .map(({ code, label, activities }) => ({ code, label, activities }));
}
