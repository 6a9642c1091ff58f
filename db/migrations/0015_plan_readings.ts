import type { Kysely } from "kysely";

/**
 * Issue #17: indicators counted as the plan's clauses read (docs/decisions/011). Definitions are JSON read by
 * app/domain/indicators/definitions.ts; this migration states them in full, as that schema reads them now.
 * - "reached" names its topics (a list, each with its sub-topics) instead of one topic;
 * - NQ57-30c (II.4.c): the hamlets' grassroots-information staff count, and both trainings the clause names
 *   (digital communication skills: CĐS; S&T content: KHCN);
 * - NQ57-25b (II.1.b): the five forms the clause names, each used or missing; met when all five were used;
 * - NQ57-26c, NQ57-27b, SCH-2.6: one topic rule — activities on the plan's topics (the clauses' KHCN, ĐMST, CĐS,
 *   CCHC, Đề án 06, and NQ57 itself);
 * - SCH-2.7 (III.2.7): the commune's share of students choosing STEM over the schools that entered it; and three
 *   rows for the clause's contests: entries, students taking part, entries awarded, per school and year.
 */
const OFFICIAL = ["officials", "school_managers", "teachers", "school_staff", "communication_staff"];
const SCHOOL_PEOPLE = ["school_managers", "teachers", "students"];
const PLAN_TOPICS = ["NQ57", "KHCN", "DMST", "CDS", "CCHC", "DA06"];
const PLAN_FORMS = ["banner", "website", "e_board", "training", "conference"];
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

const DEFINITIONS: Record<string, { name?: string; definition: object; target?: number | null }> = {
  "NQ57-25a": {
    definition: {
      numerator: { kind: "reached", topics: ["NQ57"], categories: OFFICIAL },
      denominator: { kind: "headcount", categories: OFFICIAL },
    },
  },
  "NQ57-25b": {
    name: "Các hình thức tuyên truyền Kế hoạch nêu (băng rôn, khẩu hiệu; Trang thông tin điện tử; bảng điện tử; tập huấn; hội nghị)",
    definition: { numerator: { kind: "distinct_terms", of: "form", forms: PLAN_FORMS } },
    target: 5,
  },
  "NQ57-26c": {
    definition: {
      prorate: true,
      numerator: { kind: "activities", forms: ["conference", "workshop"], topics: PLAN_TOPICS },
    },
  },
  "NQ57-27b": {
    name: "Hội nghị, tọa đàm về KHCN, ĐMST, CĐS, CCHC, Đề án 06",
    definition: {
      prorate: true,
      numerator: { kind: "activities", forms: ["conference", "roundtable"], topics: PLAN_TOPICS },
    },
  },
  "NQ57-30c": {
    name: "Tỷ lệ cán bộ chuyên trách tuyên truyền, thông tin cơ sở (cả các ấp) được bồi dưỡng kỹ năng truyền thông số, nội dung KHCN",
    definition: {
      includeHamlets: true,
      numerator: {
        kind: "reached",
        topics: ["CDS", "KHCN"],
        forms: ["training"],
        categories: ["communication_staff"],
      },
      denominator: { kind: "headcount", categories: ["communication_staff"] },
    },
  },
  "SCH-2.1": {
    definition: {
      numerator: { kind: "reached", topics: ["NQ57"], categories: SCHOOL_PEOPLE },
      denominator: { kind: "headcount", categories: SCHOOL_PEOPLE },
    },
  },
  "SCH-2.6": {
    name: "Hoạt động tuyên truyền về KHCN, ĐMST, CĐS, CCHC, Đề án 06 cho học sinh, giáo viên",
    definition: {
      prorate: true,
      numerator: {
        kind: "activities",
        audiences: ["students", "teachers"],
        topics: PLAN_TOPICS,
        excludeForms: ["club_meeting"],
      },
    },
  },
  "SCH-2.7": {
    name: "Tỷ lệ học sinh chọn học các môn STEM (các trường đã nhập)",
    definition: {
      numerator: { kind: "entered", measure: "stem_students" },
      denominator: { kind: "headcount", categories: ["students"], ofUnitsEntering: "stem_students" },
    },
  },
};

const CONTEST_ROWS = [
  { code: "SCH-2.7-BD", name: "Bài dự thi các cuộc thi sáng tạo, KHKT", field: "entries" },
  { code: "SCH-2.7-HS", name: "Học sinh tham gia các cuộc thi sáng tạo, KHKT", field: "students" },
  { code: "SCH-2.7-GT", name: "Bài dự thi đạt giải", field: "awarded" },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [code, r] of Object.entries(DEFINITIONS)) {
    await db
      .updateTable("indicators")
      .set({ definition: JSON.stringify(r.definition), ...(r.name ? { name: r.name } : {}) })
      .where("code", "=", code)
      .execute();
    if (r.target !== undefined)
      await db.updateTable("indicator_targets").set({ target: r.target }).where("indicator_code", "=", code).execute();
  }
  const after = await db
    .selectFrom("indicators")
    .select("sort_order")
    .where("code", "=", "SCH-2.7")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("indicators")
    .set((eb: any) => ({ sort_order: eb("sort_order", "+", CONTEST_ROWS.length) }))
    .where("sort_order", ">", after.sort_order)
    .execute();
  for (const [i, r] of CONTEST_ROWS.entries()) {
    await db
      .insertInto("indicators")
      .values({
        code: r.code,
        name: r.name,
        plan_ref: "III.2.7",
        unit: "count",
        scope: "school",
        source: "computed",
        sort_order: after.sort_order + 1 + i,
        group_name: "Trường học",
        direction: "rising",
        definition: JSON.stringify({ numerator: { kind: "contests", field: r.field } }),
      })
      .execute();
    await db
      .insertInto("indicator_targets")
      .values(YEARS.map((year) => ({ indicator_code: r.code, year, target: null })))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const codes = CONTEST_ROWS.map((r) => r.code);
  await db.deleteFrom("indicator_targets").where("indicator_code", "in", codes).execute();
  await db.deleteFrom("indicators").where("code", "in", codes).execute();
}
