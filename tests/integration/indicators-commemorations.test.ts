import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commemorationFigures } from "../../app/domain/indicators/commemorations";
import { evaluateMeasure } from "../../app/domain/indicators/measure";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools, insertActivity } from "../support/fixtures";

let t: TestDb;
let a: number;
let b: number;
let c: number;

beforeEach(async () => {
  t = await createTestDb();
  [a, b, c] = (await communeWithSchools(t.db, 3)).schools;
});
afterEach(async () => {
  await t.close();
});

const relate = (activity_id: number, unit_id: number, relation: "co_organizer" | "invited") =>
  t.db.insertInto("activity_units").values({ activity_id, unit_id, relation }).execute();

describe("commemoration days (DAY-1.2), computed by hand on a small fixture", () => {
  it("count, per unit and day, activities it organized or co-organized in the year; invitations, cancellations and other years do not count", async () => {
    const sciDay = await insertActivity(t.db, { unitId: a, startsVietnam: "2026-05-18T08:00", commemoration: "18/5" });
    await relate(sciDay, b, "co_organizer");
    const digitalDay = await insertActivity(t.db, {
      unitId: a,
      startsVietnam: "2026-10-10T08:00",
      commemoration: "10/10",
    });
    await relate(digitalDay, c, "invited");
    await insertActivity(t.db, {
      unitId: a,
      startsVietnam: "2026-10-01T08:00",
      commemoration: "01/10",
      status: "cancelled",
    });
    await insertActivity(t.db, { unitId: a, startsVietnam: "2025-10-01T08:00", commemoration: "01/10" });
    await insertActivity(t.db, { unitId: b, startsVietnam: "2026-05-17T08:00", commemoration: "18/5" }); // a second one for B

    expect(await commemorationFigures(t.db, { unitIds: [a, b, c], period: parsePeriod("2026")! })).toEqual([
      { unitId: a, days: { "18/5": 1, "01/10": 0, "10/10": 1 } },
      { unitId: b, days: { "18/5": 2, "01/10": 0, "10/10": 0 } },
      { unitId: c, days: { "18/5": 0, "01/10": 0, "10/10": 0 } },
    ]);
    expect((await commemorationFigures(t.db, { unitIds: [a], period: parsePeriod("2025")! }))[0].days["01/10"]).toBe(1);
  });

  it("a half-year counts the activities that start in it: an 18/5 activity held on 01/07 marks no day of H1 (issue #17)", async () => {
    const held = await insertActivity(t.db, { unitId: a, startsVietnam: "2026-07-01T08:00", commemoration: "18/5" });
    const h1 = { unitIds: [a], period: parsePeriod("2026-H1")! };
    // By hand: H1 has one day due (18/5); A's only activity for it starts in H2 → 0 of 1 in H1, and still 1 in 2026.
    expect(await evaluateMeasure(t.db, { kind: "commemoration_days_due" }, h1)).toBe(1);
    expect(await evaluateMeasure(t.db, { kind: "commemoration_days" }, h1)).toBe(0);
    expect((await commemorationFigures(t.db, { unitIds: [a], period: parsePeriod("2026")! }))[0].days["18/5"]).toBe(1);
    // Held on the day instead: H1 is met.
    await t.db
      .updateTable("activities")
      .set({ starts_at: "2026-05-18T01:00:00.000Z", ends_at: "2026-05-18T03:00:00.000Z" })
      .where("id", "=", held)
      .execute();
    expect(await evaluateMeasure(t.db, { kind: "commemoration_days" }, h1)).toBe(1);
  });
});
