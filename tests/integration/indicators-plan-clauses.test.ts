/**
 * Issue #17: the clauses whose reading changed, each against a small fixture worked out by hand (decision 011).
 */
import { describe, expect, it } from "vitest";
import { indicatorValue, type FigureScope } from "../../app/domain/indicators/engine";
import { measureRecords } from "../../app/domain/indicators/records";
import { budgetPlanOf, deleteBudgetPlanLine, saveBudgetPlanLine } from "../../app/domain/budget/plans";
import { actorOf } from "../support/db";
import { parsePeriod } from "../../app/domain/shared/periods";
import { addUnit, addUser, setHeadcount } from "../../scripts/seed/org";
import { freshSchoolsPerTest, insertActivity, insertMark, insertPerson } from "../support/fixtures";

const ctx = freshSchoolsPerTest(2);
const NOW = new Date("2026-11-26T03:00:00Z");
const at = "2026-01-01T00:00:00.000Z";

const commune = (): FigureScope => ({ kind: "commune", communeId: ctx.commune });
const school = (i: number): FigureScope => ({ kind: "school", schoolId: ctx.schools[i] });
const figure = (code: string, scope: FigureScope, period: string) =>
  indicatorValue(ctx.t.db, code, scope, parsePeriod(period)!, NOW);
const brief = async (code: string, scope: FigureScope, period: string) => {
  const f = await figure(code, scope, period);
  return { value: f.value, numerator: f.numerator, denominator: f.denominator, target: f.target, status: f.status };
};
/** A school administrator of a fixture school, signed in as the app would load them. */
let principals = 0;
const principalOf = async (schoolId: number) => {
  const email = `bgh${++principals}@fixture.test`;
  await addUser(ctx.t.db, {
    email,
    fullName: "Hiệu trưởng",
    password: "MatKhau12345",
    role: "school_admin",
    unitId: schoolId,
  });
  return actorOf(ctx.t.db, email);
};
const audiences = async (activityId: number, codes: string[]) => {
  for (const audience_code of codes)
    await ctx.t.db.insertInto("activity_audiences").values({ activity_id: activityId, audience_code }).execute();
};

describe("the plan's clauses as they read (issue #17), computed by hand", () => {
  it("NQ57-30c counts the hamlets' information staff, trained in digital communication or S&T content", async () => {
    const db = ctx.t.db;
    const hamlets = [
      await addUnit(db, ctx.commune, { kind: "hamlet", code: "a1", name: "Ấp 1" }),
      await addUnit(db, ctx.commune, { kind: "hamlet", code: "a2", name: "Ấp 2" }),
    ];
    await setHeadcount(db, ctx.commune, 2026, "communication_staff", 0, 2);
    for (const h of hamlets) await setHeadcount(db, h, 2026, "communication_staff", 0, 1);
    const c1 = await insertPerson(db, ctx.commune, "communication_staff", "C1");
    const c2 = await insertPerson(db, ctx.commune, "communication_staff", "C2");
    const h1 = await insertPerson(db, hamlets[0], "communication_staff", "H1");
    const h2 = await insertPerson(db, hamlets[1], "communication_staff", "H2");
    const digital = await insertActivity(db, {
      unitId: ctx.commune,
      startsVietnam: "2026-03-10T08:00",
      topics: ["CDS"],
    });
    const science = await insertActivity(db, {
      unitId: ctx.commune,
      startsVietnam: "2026-04-10T08:00",
      topics: ["KHCN"],
    });
    const meeting = await insertActivity(db, {
      unitId: ctx.commune,
      startsVietnam: "2026-04-11T08:00",
      form: "conference",
      topics: ["CDS"],
    });
    await insertMark(db, digital, c1);
    await insertMark(db, digital, h1);
    await insertMark(db, science, c2);
    await insertMark(db, meeting, h2); // a conference, not a training: not counted
    // By hand: C1 and H1 (digital communication), C2 (S&T content) of 2 + 1 + 1 = 3/4 = 75 %.
    expect(await brief("NQ57-30c", commune(), "2026-H1")).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
  });

  it("NQ57-25b: the five forms the clause names, each used or missing; other forms beside; club meetings are no form", async () => {
    const db = ctx.t.db;
    const held = (form: string, day: string, unitId = ctx.commune) =>
      insertActivity(db, { unitId, startsVietnam: `2026-${day}T08:00`, form });
    await held("banner", "02-01");
    await held("website", "02-02");
    await held("training", "02-03", ctx.schools[0]);
    await held("workshop", "02-04");
    await held("club_meeting", "02-05", ctx.schools[1]);
    await held("e_board", "08-01"); // the second half-year
    // By hand, H1: banner, website, training = 3 of 5, behind; workshop listed beside, club meeting nowhere.
    const h1 = await figure("NQ57-25b", commune(), "2026-H1");
    expect([h1.value, h1.target, h1.status]).toEqual([3, 5, "behind"]);
    expect(h1.notes).toEqual([
      "Đã dùng: Băng rôn, khẩu hiệu, Trang thông tin điện tử, Tập huấn, bồi dưỡng.",
      "Chưa dùng: Bảng điện tử, Hội nghị.",
      "Hình thức khác đã dùng (không tính vào chỉ tiêu): Hội thảo.",
    ]);
    await held("conference", "03-01");
    await held("e_board", "03-02");
    const met = await figure("NQ57-25b", commune(), "2026-H1");
    expect([met.value, met.status]).toEqual([5, "met"]);
    expect(met.notes?.some((n) => n.startsWith("Chưa dùng"))).toBe(false);
  });

  it("SCH-2.7: the commune's share of students choosing STEM is over the schools that entered it; the others are named", async () => {
    const db = ctx.t.db;
    const [a, b] = ctx.schools;
    await setHeadcount(db, a, 2026, "students", 6, 100);
    await setHeadcount(db, b, 2026, "students", 0, 300);
    await db
      .insertInto("entered_figures")
      .values({ measure: "stem_students", unit_id: a, period_key: "2026", value: 40, entered_by: null, entered_at: at })
      .execute();
    // By hand: 40 of school A's 100 = 40 % (not 40 of 400 = 10 %); school B has not entered.
    const f = await figure("SCH-2.7", commune(), "2026");
    expect([f.value, f.numerator, f.denominator]).toEqual([40, 40, 100]);
    expect(f.notes).toEqual(["Chưa nhập số liệu (không tính vào tỷ lệ): Trường 2."]);
    expect(await brief("SCH-2.7", school(1), "2026")).toMatchObject({ value: null, status: "no_data" });
  });

  it("NQ57-26c, NQ57-27b and SCH-2.6 take one topic rule: the plan's topics, sub-topics included", async () => {
    const db = ctx.t.db;
    await db
      .insertInto("vocab_terms")
      .values({ kind: "topic", code: "CDS_X", label: "Dữ liệu số", parent_code: "CDS", sort_order: 99, archived: 0 })
      .execute();
    const on = (form: string, topics: string[], unitId = ctx.commune) =>
      insertActivity(db, { unitId, startsVietnam: "2027-03-01T08:00", form, topics });
    await on("conference", ["STEM"]); // not a topic of these clauses
    await on("conference", ["CDS_X"]); // a sub-topic of CĐS
    await on("roundtable", ["CCHC"]);
    await on("workshop", ["BDHVS"]);
    const forStudents = await on("thematic_session", ["DA06"], ctx.schools[0]);
    await audiences(forStudents, ["students"]);
    const literacy = await on("extracurricular", ["BDHVS"], ctx.schools[0]);
    await audiences(literacy, ["students", "teachers"]);
    // By hand, 2027: conferences or workshops on the topics (26c) = the CĐS one = 1; conferences or roundtables
    // (27b) = CĐS + CCHC = 2; school A's events for students or teachers on the topics (2.6) = the Đề án 06 one = 1.
    expect(await brief("NQ57-26c", commune(), "2027")).toMatchObject({ value: 1 });
    expect(await brief("NQ57-27b", commune(), "2027")).toMatchObject({ value: 2, target: 1, status: "met" });
    expect(await brief("SCH-2.6", school(0), "2027")).toMatchObject({ value: 1 });
  });

  it("SCH-2.1 never reads above 100 %: a roster larger than last year's headcount counts the headcount, and says so", async () => {
    const db = ctx.t.db;
    const [a] = ctx.schools;
    await setHeadcount(db, a, 2025, "teachers", 0, 2);
    await setHeadcount(db, a, 2025, "students", 6, 3);
    const session = await insertActivity(db, { unitId: a, startsVietnam: "2025-09-05T08:00", topics: ["NQ57"] });
    for (const code of ["T1", "T2", "T3"]) await insertMark(db, session, await insertPerson(db, a, "teachers", code));
    for (const code of ["S1", "S2"]) await insertMark(db, session, await insertPerson(db, a, "students", code));
    // By hand: teachers 3 reached over 2 → 2 counted; students 2 of 3 → 2; 4 of 5 = 80 % (not 5/5 = 100 %).
    const f = await figure("SCH-2.1", school(0), "2025");
    expect([f.value, f.numerator, f.denominator, f.status]).toEqual([80, 4, 5, "behind"]);
    expect(f.notes).toEqual([
      "Trường 1, giáo viên: danh sách có 3 người được tuyên truyền, nhiều hơn sĩ số năm 2025 (2); chỉ tính 2. Hãy kiểm tra danh sách hoặc sĩ số.",
    ]);
    const all = await figure("SCH-2.1", commune(), "2025");
    expect([all.value, all.numerator, all.denominator]).toEqual([80, 4, 5]);
  });

  it("COM-1.1 counts the commune's and its offices' posts (website, social pages) per period, rising year on year; Bình dân học vụ số on its own", async () => {
    const db = ctx.t.db;
    const office = await addUnit(db, ctx.commune, { kind: "office", code: "p-vhxh", name: "Phòng Văn hóa - Xã hội" });
    const post = (unitId: number, when: string, form: string, topics: string[], extra: object = {}) =>
      insertActivity(db, { unitId, startsVietnam: when, form, topics, postKind: "news", ...extra });
    // 2025: one post (Q4).
    await post(ctx.commune, "2025-10-15T09:00", "website", ["NQ57"]);
    // 2026: Q1 two (one on BDHVS by the office, one photo), Q2 one video; plus what does not count.
    await post(office, "2026-02-10T09:00", "website", ["BDHVS"]);
    await post(ctx.commune, "2026-03-01T09:00", "social_media", ["CDS"], { postKind: "photo" });
    await post(office, "2026-05-20T09:00", "social_media", ["CDS_MXH"], { postKind: "video" });
    await post(ctx.schools[0], "2026-02-11T09:00", "social_media", ["BDHVS"]); // a school's page: not the commune's
    await post(ctx.commune, "2026-02-12T09:00", "grassroots_info", ["BDHVS"]); // loudspeakers: NQ57-30b's
    await post(ctx.commune, "2026-02-13T09:00", "website", ["BDHVS"], { status: "cancelled" });
    // Scheduled for 20/12: counted like any activity that is not cancelled (decision 011).
    await post(ctx.commune, "2026-12-20T09:00", "website", ["NQ57"], { status: "planned" });
    // By hand: 2026 = 4 (three posted, one scheduled; the cancelled one, the school's and the loudspeakers' not) over 2025's 1.
    expect(await brief("COM-1.1", commune(), "2026")).toMatchObject({ value: 4, target: 1, status: "met" });
    expect(await brief("COM-1.1", commune(), "2026-Q1")).toMatchObject({ value: 2, target: 0, status: "met" });
    expect(await brief("COM-1.1", commune(), "2026-Q2")).toMatchObject({ value: 1, target: 0 });
    expect(await brief("COM-1.1", commune(), "2025-Q4")).toMatchObject({ value: 1, target: 0, status: "met" });
    expect(await brief("COM-1.1-BDHVS", commune(), "2026")).toMatchObject({ value: 1, target: 0, status: "met" });
    const notes = (await figure("COM-1.1", commune(), "2026-Q1")).notes;
    expect(notes).toEqual([
      "Theo kênh: Mạng xã hội: 1; Trang thông tin điện tử: 1.",
      "Theo loại: Ảnh, phóng sự ảnh: 1; Tin, bài viết: 1.",
    ]);
    // NQ57-30b counts the grassroots posting only; nothing is counted twice.
    expect(await brief("NQ57-30b", commune(), "2026-Q1")).toMatchObject({ value: 1 });
  });

  it("SEND-1.2 counts the staff each unit sent to trainings and contests held outside; they are reached once, and the unit held nothing", async () => {
    const db = ctx.t.db;
    const [a, b] = ctx.schools;
    await setHeadcount(db, a, 2026, "teachers", 0, 4);
    const t1 = await insertPerson(db, a, "teachers", "T1");
    const t2 = await insertPerson(db, a, "teachers", "T2");
    const t3 = await insertPerson(db, b, "teachers", "T3");
    const pupil = await insertPerson(db, a, "students", "S1");
    const outside = (unitId: number, when: string, extra: object = {}) =>
      insertActivity(db, {
        unitId,
        startsVietnam: when,
        form: "training",
        topics: ["NQ57"],
        externalOrganizer: "Sở Khoa học và Công nghệ",
        ...extra,
      });
    const provincial = await outside(a, "2026-03-18T08:00", { commemoration: "18/5" });
    const contest = await outside(a, "2026-10-20T08:00", { form: "contest" });
    const other = await outside(b, "2026-04-02T08:00");
    const cancelled = await outside(a, "2026-05-05T08:00", { status: "cancelled" });
    const own = await insertActivity(db, { unitId: a, startsVietnam: "2026-02-02T08:00", topics: ["NQ57"] });
    await insertMark(db, provincial, t1);
    await insertMark(db, provincial, t2);
    await insertMark(db, provincial, pupil); // a pupil taken along: not staff sent
    await insertMark(db, contest, t1);
    await insertMark(db, other, t3);
    await insertMark(db, cancelled, t2);
    await insertMark(db, own, t1);
    // By hand: school A sent T1, T2 (March) and T1 (October) = 3; school B 1; the commune 4. H1: A 2.
    expect(await brief("SEND-1.2", school(0), "2026")).toMatchObject({ value: 3, target: null, status: "no_target" });
    expect(await brief("SEND-1.2", school(0), "2026-H1")).toMatchObject({ value: 2 });
    expect(await brief("SEND-1.2", school(1), "2026")).toMatchObject({ value: 1 });
    expect(await brief("SEND-1.2", commune(), "2026")).toMatchObject({ value: 4 });
    // Reach: T1 and T2 once each, whoever held the activity: 2 of 4 teachers (school A has no other headcount).
    const reach = await figure("SCH-2.1", school(0), "2026");
    expect([reach.numerator]).toEqual([2]);
    // Activities held: only A's own; and an outside event marks no commemoration day for the unit that sent people.
    expect(await brief("SCH-2.6", school(0), "2026")).toMatchObject({ value: 0 });
    expect((await figure("DAY-1.2", school(0), "2026-H1")).numerator).toBe(0);
    const records = await measureRecords(
      db,
      { kind: "sent", categories: ["teachers", "school_managers"] },
      { unitIds: [a], period: parsePeriod("2026")! },
      { seesName: () => true, opensPerson: () => false },
    );
    expect(records[0].rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ["Hoạt động", "Sở Khoa học và Công nghệ", 2],
      ["Hoạt động", "Sở Khoa học và Công nghệ", 1],
    ]);
    expect(records[1].rows.map((r) => [r[1], r[5]])).toEqual([
      ["T1", 2],
      ["T2", 1],
    ]);
  });

  it("BUD-V.1 compares what a unit's activities spent with its yearly estimate by line; only the planner edits it", async () => {
    const db = ctx.t.db;
    const [a, b] = ctx.schools;
    const principal = await principalOf(a);
    const other = await principalOf(b);
    const unitA = { id: a, kind: "school" as const };
    await saveBudgetPlanLine(db, principal, unitA, 2026, {
      category: "banners",
      source: "state_budget",
      amount: 9_000_000,
    });
    await saveBudgetPlanLine(db, principal, unitA, 2026, {
      category: "banners",
      source: "state_budget",
      amount: 10_000_000,
    }); // replaces
    await saveBudgetPlanLine(db, principal, unitA, 2026, {
      category: "printing",
      source: "socialized",
      amount: 5_000_000,
    });
    expect((await budgetPlanOf(db, a, 2026)).map((l) => l.amount)).toEqual([10_000_000, 5_000_000]);
    const spend = async (when: string, actual: number, status: "held" | "cancelled" = "held") => {
      const id = await insertActivity(db, { unitId: a, startsVietnam: when, status });
      await db
        .insertInto("budget_lines")
        .values({ activity_id: id, category: "banners", source: "state_budget", estimate: actual, actual, note: null })
        .execute();
    };
    await spend("2026-03-01T08:00", 6_000_000);
    await spend("2026-09-01T08:00", 3_000_000);
    // By hand: 9,000,000 spent of 15,000,000 planned = 60 %, within the estimate; H1 6,000,000 of the year's 15,000,000 = 40 %.
    expect(await brief("BUD-V.1", school(0), "2026")).toMatchObject({
      value: 60,
      numerator: 9_000_000,
      denominator: 15_000_000,
      target: 100,
      status: "met",
    });
    expect(await brief("BUD-V.1", school(0), "2026-H1")).toMatchObject({ value: 40 });
    expect(await brief("BUD-V.1", school(1), "2026")).toMatchObject({ value: null, status: "no_data" }); // no estimate
    await spend("2026-10-01T08:00", 7_000_000);
    expect(await brief("BUD-V.1", school(0), "2026")).toMatchObject({ value: 106.7, status: "behind" });
    // The commune: both schools' activities over both schools' estimates (B has none).
    expect(await brief("BUD-V.1", commune(), "2026")).toMatchObject({ numerator: 16_000_000, denominator: 15_000_000 });
    // Another school's administrator does not see A's plan (404), to change or to delete.
    await expect(
      saveBudgetPlanLine(db, other, unitA, 2026, { category: "other", source: "socialized", amount: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    const line = (await budgetPlanOf(db, a, 2026))[0];
    await expect(deleteBudgetPlanLine(db, other, unitA, line.id)).rejects.toMatchObject({ status: 404 });
    await deleteBudgetPlanLine(db, principal, unitA, line.id);
    await deleteBudgetPlanLine(db, principal, unitA, line.id); // a second click changes nothing
    expect((await budgetPlanOf(db, a, 2026)).map((l) => l.category)).toEqual(["printing"]);
    expect(
      await db.selectFrom("audit_log").select(["action"]).where("entity", "=", "budget_plan").orderBy("id").execute(),
    ).toEqual([{ action: "create" }, { action: "update" }, { action: "create" }, { action: "delete" }]);
  });
});
