import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activityCoverage } from "../../app/domain/indicators/coverage";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools, insertActivity } from "../support/fixtures";

let t: TestDb;
let school: number;
let other: number;

beforeEach(async () => {
  t = await createTestDb();
  [school, other] = (await communeWithSchools(t.db, 2)).schools;
});
afterEach(async () => {
  await t.close();
});

const coverage = async (by: "form" | "topic", period = "2026-H1") =>
  Object.fromEntries(
    (await activityCoverage(t.db, { unitIds: [school], period: parsePeriod(period)!, by })).map((c) => [
      c.code,
      c.activities,
    ]),
  );

describe("activities by form and by topic (NQ57-25b, NQ57-26a)", () => {
  it("count each activity once per term, leave out cancelled, other units' and other periods' activities, and list unused terms as zero", async () => {
    await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-02-01T08:00",
      form: "banner",
      topics: ["NQ57", "CDS"],
    });
    await insertActivity(t.db, { unitId: school, startsVietnam: "2026-06-30T23:00", form: "banner", topics: ["NQ57"] });
    await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-03-01T08:00",
      form: "website",
      status: "cancelled",
      topics: ["KHCN"],
    });
    await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-07-01T00:30",
      form: "website",
      topics: ["KHCN"],
    }); // H2
    await insertActivity(t.db, { unitId: other, startsVietnam: "2026-02-01T08:00", form: "e_board", topics: ["DA06"] }); // another school

    const forms = await coverage("form");
    expect(forms.banner).toBe(2);
    expect(forms.website).toBe(0);
    expect(forms.e_board).toBe(0);
    const topics = await coverage("topic");
    expect(topics).toMatchObject({ NQ57: 2, CDS: 1, KHCN: 0, DA06: 0, CCHC: 0 });
    expect((await coverage("form", "2026-H2")).website).toBe(1);
  });

  it("show an archived term only while activities still carry it", async () => {
    await t.db
      .updateTable("vocab_terms")
      .set({ archived: 1 })
      .where("kind", "=", "form")
      .where("code", "in", ["banner", "website"])
      .execute();
    await insertActivity(t.db, { unitId: school, startsVietnam: "2026-02-01T08:00", form: "banner" });
    const forms = await coverage("form");
    expect(forms.banner).toBe(1);
    expect("website" in forms).toBe(false);
  });
});
