/**
 * Learning-material figures (SCH-2.2 materials integrating the topics by grade, SCH-2.3 digital materials
 * published, SCH-2.4 digital communication products by type): per school, the materials published in the
 * period. A material for grades 8 and 9 counts once in each grade and once in the total.
 */
import type { DB } from "../../../db/connection";
import type { MaterialKind } from "../../../db/schema";
import type { Period } from "../shared/periods";

export interface MaterialFigures {
  schoolId: number;
  published: number;
  byKind: Partial<Record<MaterialKind, number>>;
  /** Materials integrating the plan's topics, by grade (0 = preschool). */
  integratingByGrade: Record<number, number>;
}

export async function materialFigures(db: DB, q: { schoolIds: number[]; period: Period }): Promise<MaterialFigures[]> {
  const rows = await db
    .selectFrom("materials")
    .select(["school_id", "kind", "grades", "integrates_topics"])
    .where("school_id", "in", q.schoolIds.length ? q.schoolIds : [-1])
    .where("created_at", ">=", q.period.from)
    .where("created_at", "<", q.period.to)
    .execute();
  return q.schoolIds.map((schoolId) => {
    const mine = rows.filter((r) => r.school_id === schoolId);
    const byKind: Partial<Record<MaterialKind, number>> = {};
    const integratingByGrade: Record<number, number> = {};
    for (const m of mine) {
      byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
      if (m.integrates_topics)
        for (const g of JSON.parse(m.grades) as number[]) integratingByGrade[g] = (integratingByGrade[g] ?? 0) + 1;
    }
    return { schoolId, published: mine.length, byKind, integratingByGrade };
  });
}
