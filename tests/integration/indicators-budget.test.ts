import { describe, expect, it } from "vitest";
import { budgetFigures } from "../../app/domain/indicators/budget";
import { parsePeriod } from "../../app/domain/shared/periods";
import type { BudgetCategory, FundingSource } from "../../db/schema";
import { freshSchoolsPerTest, insertActivity } from "../support/fixtures";

const ctx = freshSchoolsPerTest(2);

const line = (
  activity_id: number,
  category: BudgetCategory,
  source: FundingSource,
  estimate: number,
  actual: number | null,
) =>
  ctx.t.db.insertInto("budget_lines").values({ activity_id, category, source, estimate, actual, note: null }).execute();

describe("budget figures (BUD-IV), computed by hand on a small fixture", () => {
  it("sum estimate and actual by line and by source; a cancelled activity keeps what was spent but not its estimate; lines without an actual are counted", async () => {
    const [a, b] = ctx.schools;
    const held = await insertActivity(ctx.t.db, { unitId: a, startsVietnam: "2026-03-01T08:00" });
    await line(held, "banners", "state_budget", 1_000_000, 900_000);
    await line(held, "water", "socialized", 200_000, null);
    const cancelled = await insertActivity(ctx.t.db, {
      unitId: a,
      startsVietnam: "2026-04-01T08:00",
      status: "cancelled",
    });
    await line(cancelled, "banners", "state_budget", 500_000, 300_000);
    await line(cancelled, "sound", "state_budget", 400_000, null);
    const later = await insertActivity(ctx.t.db, { unitId: a, startsVietnam: "2026-07-01T08:00" }); // H2
    await line(later, "banners", "state_budget", 9_000_000, 9_000_000);
    const otherSchool = await insertActivity(ctx.t.db, { unitId: b, startsVietnam: "2026-03-01T08:00" });
    await line(otherSchool, "banners", "state_budget", 7_000_000, 7_000_000);

    const h1 = await budgetFigures(ctx.t.db, { unitIds: [a], period: parsePeriod("2026-H1")! });
    expect(h1.byCategory).toEqual([
      { key: "banners", estimate: 1_000_000, actual: 1_200_000, linesWithoutActual: 0 },
      { key: "sound", estimate: 0, actual: 0, linesWithoutActual: 0 },
      { key: "water", estimate: 200_000, actual: 0, linesWithoutActual: 1 },
    ]);
    expect(h1.bySource).toEqual([
      { key: "socialized", estimate: 200_000, actual: 0, linesWithoutActual: 1 },
      { key: "state_budget", estimate: 1_000_000, actual: 1_200_000, linesWithoutActual: 0 },
    ]);
    expect(h1.total).toEqual({ estimate: 1_200_000, actual: 1_200_000, linesWithoutActual: 1 });
    expect((await budgetFigures(ctx.t.db, { unitIds: [a, b], period: parsePeriod("2026")! })).total).toEqual({
      estimate: 17_200_000,
      actual: 17_200_000,
      linesWithoutActual: 1,
    });
  });
});
