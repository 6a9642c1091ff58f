import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { audienceFigures } from "../../app/domain/indicators/audiences";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools, insertActivity, insertPerson } from "../support/fixtures";

let t: TestDb;
let school: number;
const at = "2026-01-01T00:00:00.000Z";

beforeEach(async () => {
  t = await createTestDb();
  [school] = (await communeWithSchools(t.db, 1)).schools;
});
afterEach(async () => {
  await t.close();
});

const aim = (activity_id: number, audience_code: string) =>
  t.db.insertInto("activity_audiences").values({ activity_id, audience_code }).execute();
const reach = (activity_id: number, audience_code: string, count: number) =>
  t.db.insertInto("activity_reach").values({ activity_id, audience_code, count }).execute();
const mark = (activity_id: number, person_id: number, status: "present" | "late" | "absent") =>
  t.db
    .insertInto("attendance")
    .values({ activity_id, person_id, status, note: null, source: "roll_call", marked_by: null, marked_at: at })
    .execute();
const figures = async (forms?: string[]) =>
  Object.fromEntries(
    (await audienceFigures(t.db, { unitIds: [school], period: parsePeriod("2026-H1")!, forms })).map((f) => [
      f.audience,
      [f.activities, f.participants],
    ]),
  );

describe("activities and participants by audience, computed by hand on a small fixture", () => {
  it("use recorded attendance when there is any, else the reach count, never both; filter by form; cancelled activities do not count", async () => {
    const training = await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-03-01T08:00",
      form: "training",
    });
    await aim(training, "teachers");
    await aim(training, "students");
    const g1 = await insertPerson(t.db, school, "teachers", "g1");
    const g2 = await insertPerson(t.db, school, "teachers", "g2");
    await mark(training, g1, "present");
    await mark(training, g2, "absent");
    await reach(training, "teachers", 30); // attendance recorded for teachers: the reach count is ignored
    await reach(training, "students", 120); // no roster for students here: the reach count is used
    const talk = await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-04-01T08:00",
      form: "extracurricular",
    });
    await aim(talk, "students");
    await reach(talk, "students", 80);
    const cancelled = await insertActivity(t.db, {
      unitId: school,
      startsVietnam: "2026-05-01T08:00",
      form: "training",
      status: "cancelled",
    });
    await aim(cancelled, "teachers");
    await reach(cancelled, "teachers", 10);

    expect(await figures()).toMatchObject({ teachers: [1, 1], students: [2, 200], businesses: [0, 0] });
    expect(await figures(["training"])).toMatchObject({ teachers: [1, 1], students: [1, 120] });
  });
});
