import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reachedShare } from "../../app/domain/indicators/reached";
import type { HeadcountCategory } from "../../db/schema";
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

const share = (period: string, topic?: string, categories: HeadcountCategory[] = ["teachers"]) =>
  reachedShare(t.db, {
    unitIds: [school],
    categories,
    period: parsePeriod(period)!,
    topics: topic ? [topic] : undefined,
  });

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

    expect(await share("2026-H1")).toEqual({ numerator: 1, denominator: 4, value: 25, gaps: [] });
    expect(await share("2026-H2")).toEqual({ numerator: 2, denominator: 4, value: 50, gaps: [] });
    expect(await share("2026")).toEqual({ numerator: 2, denominator: 4, value: 50, gaps: [] });
    expect(await share("2026-Q3")).toEqual({ numerator: 2, denominator: 4, value: 50, gaps: [] });
    expect(await share("2026", "CDS")).toEqual({ numerator: 3, denominator: 4, value: 75, gaps: [] });
    expect(await share("2027")).toEqual({ numerator: 0, denominator: null, value: null, gaps: [] });
  });

  it("a topic includes its sub-topics: a session on 'nền tảng số' counts for CĐS, not for KHCN (issue #17)", async () => {
    await t.db
      .insertInto("vocab_terms")
      .values({
        kind: "topic",
        code: "CDS_TEST",
        label: "Nền tảng số (thử)",
        parent_code: "CDS",
        sort_order: 99,
        archived: 0,
      })
      .execute();
    const platforms = await activity("2026-03-01T08:00", ["CDS_TEST"]);
    await mark(platforms, teachers[0]);
    await mark(platforms, teachers[1]);
    // By hand: two of the four teachers at a sub-topic session of CĐS → 2/4 for CĐS, 0 for KHCN and NQ57.
    expect((await share("2026", "CDS")).numerator).toBe(2);
    expect((await share("2026", "KHCN")).numerator).toBe(0);
    expect((await share("2026")).numerator).toBe(0);
  });

  it("a share never passes 100 %: per unit and category at most the headcount counts, and the gap is named (issue #17)", async () => {
    const nq57 = await activity("2026-03-01T08:00", ["NQ57"]);
    const fifth = await insertPerson(t.db, school, "teachers", "E"); // on the roster, not in the 2026 headcount of 4
    const pupil = await insertPerson(t.db, school, "students", "P"); // students: no headcount entered at all
    for (const p of [...teachers, fifth, pupil]) await mark(nq57, p);
    // By hand: 5 teachers reached over a headcount of 4 → 4 counted, 100 %, and the gap (5 against 4) named;
    // the student is counted nowhere (no student headcount), and said so.
    expect(await share("2026")).toEqual({
      numerator: 4,
      denominator: 4,
      value: 100,
      gaps: [{ unitId: school, category: "teachers", reached: 5, headcount: 4 }],
    });
    expect(await share("2026", undefined, ["teachers", "students"])).toEqual({
      numerator: 4,
      denominator: 4,
      value: 100,
      gaps: [
        { unitId: school, category: "students", reached: 1, headcount: null },
        { unitId: school, category: "teachers", reached: 5, headcount: 4 },
      ],
    });
    // A school's surplus never makes up for another's shortfall.
    const other = await addUnit(
      t.db,
      (await t.db.selectFrom("units").select("parent_id").where("id", "=", school).executeTakeFirstOrThrow())
        .parent_id!,
      {
        kind: "school",
        code: "s2",
        name: "Trường 2",
        schoolLevel: "primary",
      },
    );
    await setHeadcount(t.db, other, 2026, "teachers", 0, 6);
    const both = await reachedShare(t.db, {
      unitIds: [school, other],
      categories: ["teachers"],
      period: parsePeriod("2026")!,
    });
    expect([both.numerator, both.denominator, both.value]).toEqual([4, 10, 40]);
  });
});
