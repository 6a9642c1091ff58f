/** The half-year trend (issue 20): every half-year of the plan so far, the last one marked as still in progress. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { trends } from "../../app/domain/overview/dashboard";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools } from "../support/fixtures";

let t: TestDb;
let commune: number;
beforeEach(async () => {
  t = await createTestDb();
  ({ commune } = await communeWithSchools(t.db, 1));
});
afterEach(async () => {
  await t.close();
});

it("names the half-year containing today as in progress, counted up to today", async () => {
  const december = await trends(t.db, { kind: "commune", communeId: commune }, new Date("2026-12-06T03:00:00Z"));
  expect(december.points.map((p) => p.period)).toEqual(["6T đầu 2025", "6T cuối 2025", "6T đầu 2026", "6T cuối 2026"]);
  expect(december.current).toBe("6T cuối 2026");
  expect(december.asOf).toBe("06/12/2026");
  // 30 June 23:30 in Vietnam is still the first half (the server's clock reads 16:30 UTC).
  const june = await trends(t.db, { kind: "commune", communeId: commune }, new Date("2026-06-30T16:30:00Z"));
  expect(june.current).toBe("6T đầu 2026");
  expect(june.points).toHaveLength(3);
});

it("has no half-year in progress once the plan's last one has ended", async () => {
  const after = await trends(t.db, { kind: "commune", communeId: commune }, new Date("2031-01-05T03:00:00Z"));
  expect(after.points.at(-1)!.period).toBe("6T cuối 2030");
  expect(after.current).toBeNull();
});
