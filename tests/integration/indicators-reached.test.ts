import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reachedShare } from "../../app/domain/indicators/reached";
import { parsePeriod } from "../../app/domain/shared/periods";
import { addUnit, ensureBaseOrg, setHeadcount } from "../../scripts/seed/org";
import { createTestDb, type TestDb } from "../support/db";
import { insertActivity, insertMark, insertPerson } from "../support/fixtures";

let t: TestDb;
let school: number;
let teachers: number[];

const activity = (startsVietnam: string, topics: string[]) =>
  insertActivity(t.db, { unitId: school, startsVietnam, topics });
const mark = (activityId: number, personId: number, status: "present" | "late" | "absent" = "present") =>
  insertMark(t.db, activityId, personId, status);

beforeEach(async () => {
  t = await createTestDb();
  const commune = await ensureBaseOrg(t.db, { province: "Tỉnh", commune: "Xã" });
  school = await addUnit(t.db, commune, { kind: "school", code: "s", name: "Trường", schoolLevel: "lower_secondary" });
  teachers = [];
  for (const code of ["A", "B", "C", "D"]) teachers.push(await insertPerson(t.db, school, "teachers", code));
  await setHeadcount(t.db, school, 2026, "teachers", 0, 4);
});
afterEach(async () => {
  await t.close();
});

const share = (period: string, topic?: string) =>
  reachedShare(t.db, { unitIds: [school], categories: ["teachers"], period: parsePeriod(period)!, topic });

describe("reached figures, computed by hand on a small fixture", () => {
  it("count a person once across several sessions; periods end at 30/6 and 31/12 in Vietnam time; an empty denominator is no data", async () => {
    const lastEveningH1 = await activity("2026-06-30T23:30", ["NQ57"]); // 16:30 UTC on 30/6: first half
    const firstNightH2 = await activity("2026-07-01T00:30", ["NQ57", "CDS"]); // 17:30 UTC on 30/6: second half
    const newYearsEve = await activity("2026-12-31T23:30", ["NQ57"]); // still 2026 in Vietnam
    const otherTopic = await activity("2026-03-01T08:00", ["CDS"]);
    await mark(lastEveningH1, teachers[0]);
    await mark(firstNightH2, teachers[0]); // the same teacher again
    await mark(firstNightH2, teachers[1], "late");
    await mark(newYearsEve, teachers[0]);
    await mark(newYearsEve, teachers[2], "absent"); // absent: not reached
    await mark(otherTopic, teachers[3]); // not an NQ57 session

    expect(await share("2026-H1")).toEqual({ numerator: 1, denominator: 4, value: 25 });
    expect(await share("2026-H2")).toEqual({ numerator: 2, denominator: 4, value: 50 });
    expect(await share("2026")).toEqual({ numerator: 2, denominator: 4, value: 50 });
    expect(await share("2026-Q3")).toEqual({ numerator: 2, denominator: 4, value: 50 });
    expect(await share("2026", "CDS")).toEqual({ numerator: 3, denominator: 4, value: 75 });
    expect(await share("2027")).toEqual({ numerator: 0, denominator: null, value: null });
  });
});
