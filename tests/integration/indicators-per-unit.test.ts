import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeId } from "../../app/domain/overview/dashboard";
import { computeIndicator, computeIndicatorPerSchool, loadIndicators } from "../../app/domain/indicators/engine";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createTestDb, type TestDb } from "../support/db";
import { schoolsOf } from "../../app/domain/units/units";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
});
afterAll(() => t.close());

describe("per-school comparisons with grouped queries", () => {
  it("give every school exactly its own figure and status, for every school indicator and several periods", async () => {
    const rows = (await loadIndicators(t.db)).filter((r) => r.scope !== "commune");
    const schools = (await schoolsOf(t.db, await communeId(t.db))).map((s) => s.id);
    const now = new Date("2026-11-26T03:00:00Z");
    let compared = 0;
    for (const key of ["2026", "2026-H1", "2025-H2", "2026-Q3"]) {
      const period = parsePeriod(key)!;
      for (const row of rows) {
        const grouped = await computeIndicatorPerSchool(t.db, row, schools, period, now);
        for (const schoolId of schools) {
          const alone = await computeIndicator(t.db, row, { kind: "school", schoolId }, period, now);
          expect(grouped.get(schoolId), `${row.code} ${key} school ${schoolId}`).toEqual({
            value: alone.value,
            status: alone.status,
          });
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * rows.length * schools.length);
  });
});
