import { describe, expect, it } from "vitest";
import { computeIndicators, indicatorValue, type FigureScope } from "../../app/domain/indicators/engine";
import { parsePeriod } from "../../app/domain/shared/periods";
import { setHeadcount } from "../../scripts/seed/org";
import { freshSchoolsPerTest, insertActivity, insertMark, insertPerson } from "../support/fixtures";

const ctx = freshSchoolsPerTest(2);
const NOW = new Date("2026-11-26T03:00:00Z");
const at = "2026-01-01T00:00:00.000Z";

const mark = (activityId: number, personId: number) => insertMark(ctx.t.db, activityId, personId);
const value = async (code: string, scope: FigureScope, period: string) => {
  const f = await indicatorValue(ctx.t.db, code, scope, parsePeriod(period)!, NOW);
  return { value: f.value, target: f.target, status: f.status, numerator: f.numerator, denominator: f.denominator };
};
const commune = (): FigureScope => ({ kind: "commune", communeId: ctx.commune });
const school = (i: number): FigureScope => ({ kind: "school", schoolId: ctx.schools[i] });
const enter = (measure: string, unitId: number, period_key: string, v: number) =>
  ctx.t.db
    .insertInto("entered_figures")
    .values({ measure, unit_id: unitId, period_key, value: v, entered_by: null, entered_at: at })
    .execute();

describe("the indicator engine, against figures worked out by hand", () => {
  it("reached shares: a person once across sessions, headcounts of the year, empty denominator is no data", async () => {
    const [a, b] = ctx.schools;
    const db = ctx.t.db;
    await setHeadcount(db, a, 2026, "teachers", 0, 4);
    await setHeadcount(db, a, 2026, "school_managers", 0, 1);
    await setHeadcount(db, a, 2026, "students", 6, 10);
    await setHeadcount(db, b, 2026, "teachers", 0, 2);
    await setHeadcount(db, ctx.commune, 2026, "officials", 0, 5);
    const t1 = await insertPerson(db, a, "teachers", "T1");
    const t2 = await insertPerson(db, a, "teachers", "T2");
    const manager = await insertPerson(db, a, "school_managers", "M1");
    const official = await insertPerson(db, ctx.commune, "officials", "O1");
    const s1 = await insertActivity(db, { unitId: a, startsVietnam: "2026-03-02T08:00", topics: ["NQ57"] });
    const s2 = await insertActivity(db, { unitId: a, startsVietnam: "2026-06-30T23:00", topics: ["NQ57"] }); // 30/6 late evening: H1
    const s3 = await insertActivity(db, { unitId: ctx.commune, startsVietnam: "2026-07-01T00:30", topics: ["NQ57"] }); // H2 already in Vietnam
    await mark(s1, t1);
    await mark(s2, t1); // the same teacher twice in H1
    await mark(s2, t2);
    await mark(s2, manager);
    await mark(s3, official);

    // School A, H1: T1, T2, M1 of 4 + 1 + 10 = 20 %; 12 more needed for 100 %.
    expect(await value("SCH-2.1", school(0), "2026-H1")).toEqual({
      value: 20,
      target: 100,
      status: "behind",
      numerator: 3,
      denominator: 15,
    });
    const a1 = (await computeIndicators(db, school(0), parsePeriod("2026-H1")!, NOW)).find(
      (f) => f.code === "SCH-2.1",
    )!;
    expect(a1.gap).toBe("Còn thiếu 12 để đạt 100%");
    expect(await value("SCH-2.1", school(1), "2026-H1")).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 2,
      status: "behind",
    });
    expect(await value("SCH-2.1", school(1), "2027")).toMatchObject({
      value: null,
      denominator: null,
      status: "no_data",
    });
    // Commune, school indicator: over both schools, 3 / 17.
    expect(await value("SCH-2.1", commune(), "2026")).toMatchObject({ value: 17.6, numerator: 3, denominator: 17 });
    // NQ57-25a over the commune and its schools (students excluded): T1, T2, M1, O1 of 4 + 1 + 2 + 5 = 12.
    expect(await value("NQ57-25a", commune(), "2026")).toMatchObject({ value: 33.3, numerator: 4, denominator: 12 });
    expect(await value("NQ57-25a", commune(), "2026-H1")).toMatchObject({ numerator: 3, denominator: 12, value: 25 });
    // A school does not see commune-only indicators.
    const codes = (await computeIndicators(db, school(0), parsePeriod("2026")!, NOW)).map((f) => f.code);
    expect(codes).toContain("SCH-2.1");
    expect(codes).toContain("NQ57-25a");
    expect(codes).not.toContain("NQ57-30b");
  });

  it("count targets are pro-rated to the period and multiplied by the schools; clubs; commemoration days", async () => {
    const [a] = ctx.schools;
    const db = ctx.t.db;
    await db
      .insertInto("clubs")
      .values({
        school_id: a,
        name: "CLB Robot",
        field: "robotics",
        target_grades: "[]",
        schedule: null,
        status: "active",
        description: null,
        founded_on: "2025-09-01",
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect(await value("SCH-2.5", school(0), "2026-H1")).toMatchObject({ value: 1, target: 1, status: "met" });
    expect(await value("SCH-2.5", school(1), "2026-H1")).toMatchObject({ value: 0, target: 1, status: "behind" });
    expect(await value("SCH-2.5", commune(), "2026-H1")).toMatchObject({ value: 1, target: 2, status: "behind" });

    await insertActivity(db, { unitId: ctx.commune, startsVietnam: "2026-02-10T07:00", form: "grassroots_info" });
    expect(await value("NQ57-30b", commune(), "2026-H1")).toMatchObject({ value: 1, target: 2, status: "behind" }); // 4 a year → 2 a half
    expect(await value("NQ57-30b", commune(), "2026-Q1")).toMatchObject({ value: 1, target: 1, status: "met" });

    await insertActivity(db, { unitId: a, startsVietnam: "2026-05-18T08:00", commemoration: "18/5" });
    expect(await value("DAY-1.2", school(0), "2026-H1")).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
      status: "met",
    });
    expect(await value("DAY-1.2", school(0), "2026-H2")).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 2,
      status: "behind",
    });
    // Commune, H1: the commune and two schools each owe 18/5; one marked it.
    expect(await value("DAY-1.2", commune(), "2026-H1")).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
  });

  it("report timeliness in Vietnam time, budget within estimate, entered figures and 'rising'", async () => {
    const [a, b] = ctx.schools;
    const db = ctx.t.db;
    const report = (unit_id: number, submitted_at: string) =>
      db
        .insertInto("reports")
        .values({
          unit_id,
          period_key: "2026-H1",
          status: "submitted",
          narrative: "",
          submitted_at,
          submitted_by: null,
          decided_at: null,
          decided_by: null,
          comment: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await report(a, "2026-06-10T16:00:00.000Z"); // 23:00 on 10/6 in Vietnam: on time
    await report(b, "2026-06-10T17:30:00.000Z"); // 00:30 on 11/6 in Vietnam: late
    expect(await value("REP-V.2", commune(), "2026")).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
      status: "behind",
    });
    expect(await value("REP-V.2", commune(), "2026-H2")).toMatchObject({ value: null, status: "no_data" }); // not yet due on 26/11

    const act = await insertActivity(db, { unitId: ctx.commune, startsVietnam: "2026-04-01T08:00" });
    await db
      .insertInto("budget_lines")
      .values({
        activity_id: act,
        category: "banners",
        source: "state_budget",
        estimate: 1_000_000,
        actual: 1_200_000,
        note: null,
      })
      .execute();
    expect(await value("BUD-IV", commune(), "2026")).toMatchObject({ value: 120, target: 100, status: "behind" });

    await enter("tasks_total", ctx.commune, "2026", 4);
    await enter("tasks_publicized", ctx.commune, "2026", 3);
    expect(await value("NQ57-30a", commune(), "2026-H1")).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      status: "no_target",
    });
    await enter("recognitions", ctx.commune, "2026-H1", 2);
    await enter("recognitions", ctx.commune, "2026-H2", 1);
    expect(await value("NQ57-26c-KT", commune(), "2026")).toMatchObject({ value: 3, target: 1, status: "met" });
    expect(await value("NQ57-26c-KT", commune(), "2026-Q1")).toMatchObject({ value: null, status: "no_data" });

    await setHeadcount(db, a, 2025, "students", 6, 10);
    await setHeadcount(db, a, 2026, "students", 6, 10);
    await enter("stem_students", a, "2025", 2);
    await enter("stem_students", a, "2026", 3);
    expect(await value("SCH-2.7", school(0), "2026")).toMatchObject({ value: 30, target: 20, status: "met" });
    expect(await value("SCH-2.7", school(0), "2025")).toMatchObject({ value: 20, target: null, status: "no_target" });
  });
});
