import type { Kysely } from "kysely";
import { withId } from "./helpers";

/**
 * Issue #6, second step: each indicator row now says how it is computed (a numerator and, for percentages, a
 * denominator, as JSON read by app/domain/indicators/definitions.ts), which way is good, and its group; entered
 * figures are keyed by measure (one indicator may need two, e.g. tasks publicized / tasks in total); half-year
 * reports of the schools.
 */
const OFFICIAL = ["officials", "school_managers", "teachers", "school_staff", "communication_staff"];
const SCHOOL_PEOPLE = ["school_managers", "teachers", "students"];
const PLAN_TOPICS = ["NQ57", "KHCN", "DMST", "CDS", "CCHC", "DA06"];

type Row = {
  code: string;
  group: string;
  unit?: "percent" | "count";
  direction?: "at_least" | "at_most" | "rising";
  definition: object;
  target?: (year: number) => number | null;
};

const ROWS: Row[] = [
  {
    code: "NQ57-25a",
    group: "Tuyên truyền",
    definition: {
      numerator: { kind: "reached", topic: "NQ57", categories: OFFICIAL },
      denominator: { kind: "headcount", categories: OFFICIAL },
    },
  },
  {
    code: "NQ57-25b",
    group: "Tuyên truyền",
    definition: { numerator: { kind: "distinct_terms", of: "form" } },
    target: () => 6,
  },
  {
    code: "NQ57-26a",
    group: "Tuyên truyền",
    definition: { numerator: { kind: "distinct_terms", of: "topic", topics: ["KHCN", "DMST", "CDS", "CCHC", "DA06"] } },
    target: () => 5,
  },
  {
    code: "NQ57-26c",
    group: "Tuyên truyền",
    definition: {
      prorate: true,
      numerator: { kind: "activities", forms: ["conference", "workshop"], topics: PLAN_TOPICS },
    },
    target: () => 1,
  },
  {
    code: "NQ57-27a",
    group: "Tuyên truyền",
    definition: { numerator: { kind: "distinct_terms", of: "audience", forms: ["training"] } },
    target: (y) => (y >= 2027 && y <= 2029 ? 7 : null),
  },
  {
    code: "NQ57-27b",
    group: "Tuyên truyền",
    definition: { prorate: true, numerator: { kind: "activities", forms: ["conference", "roundtable"] } },
    target: (y) => (y >= 2027 && y <= 2029 ? 1 : null),
  },
  {
    code: "NQ57-30a",
    group: "Tuyên truyền",
    definition: {
      numerator: { kind: "entered", measure: "tasks_publicized" },
      denominator: { kind: "entered", measure: "tasks_total" },
    },
    target: (y) => (y === 2030 ? 100 : null),
  },
  {
    code: "NQ57-30b",
    group: "Tuyên truyền",
    definition: { prorate: true, numerator: { kind: "activities", forms: ["grassroots_info"] } },
    target: () => 4,
  },
  {
    code: "NQ57-30c",
    group: "Tuyên truyền",
    definition: {
      numerator: { kind: "reached", topic: "CDS", forms: ["training"], categories: ["communication_staff"] },
      denominator: { kind: "headcount", categories: ["communication_staff"] },
    },
    target: (y) => (y === 2030 ? 100 : null),
  },
  {
    code: "SCH-2.1",
    group: "Trường học",
    definition: {
      numerator: { kind: "reached", topic: "NQ57", categories: SCHOOL_PEOPLE },
      denominator: { kind: "headcount", categories: SCHOOL_PEOPLE },
    },
  },
  {
    code: "SCH-2.2",
    group: "Trường học",
    definition: { prorate: true, numerator: { kind: "materials", integrating: true } },
    target: () => 2,
  },
  {
    code: "SCH-2.3",
    group: "Trường học",
    definition: {
      prorate: true,
      numerator: {
        kind: "sum",
        of: [
          { kind: "activities", forms: ["training"], delivery: ["online", "hybrid"] },
          {
            kind: "materials",
            kinds: ["video", "podcast", "slides", "infographic", "electure", "document", "lesson_plan"],
          },
        ],
      },
    },
    target: () => 2,
  },
  {
    code: "SCH-2.4",
    group: "Trường học",
    definition: {
      prorate: true,
      numerator: { kind: "materials", kinds: ["video", "podcast", "slides", "infographic", "electure"] },
    },
    target: () => 2,
  },
  { code: "SCH-2.5", group: "Trường học", definition: { numerator: { kind: "clubs" } } },
  {
    code: "SCH-2.6",
    group: "Trường học",
    definition: {
      prorate: true,
      numerator: { kind: "activities", audiences: ["students", "teachers"], excludeForms: ["club_meeting"] },
    },
    target: () => 2,
  },
  {
    code: "SCH-2.7",
    group: "Trường học",
    direction: "rising",
    definition: {
      numerator: { kind: "entered", measure: "stem_students" },
      denominator: { kind: "headcount", categories: ["students"] },
    },
  },
  {
    code: "BIZ-3",
    group: "Tuyên truyền",
    definition: {
      prorate: true,
      numerator: {
        kind: "activities",
        forms: ["conference", "training", "workshop", "roundtable"],
        audiences: ["businesses"],
      },
    },
  },
  {
    code: "DAY-1.2",
    group: "Ngày kỷ niệm, báo cáo, kinh phí",
    unit: "percent",
    definition: { numerator: { kind: "commemoration_days" }, denominator: { kind: "commemoration_days_due" } },
    target: () => 100,
  },
  {
    code: "REP-V.2",
    group: "Ngày kỷ niệm, báo cáo, kinh phí",
    definition: { numerator: { kind: "reports_on_time" }, denominator: { kind: "reports_due" } },
  },
  {
    code: "BUD-IV",
    group: "Ngày kỷ niệm, báo cáo, kinh phí",
    unit: "percent",
    direction: "at_most",
    definition: { numerator: { kind: "budget", field: "actual" }, denominator: { kind: "budget", field: "estimate" } },
    target: () => 100,
  },
];

const RECOGNITIONS = {
  code: "NQ57-26c-KT",
  name: "Cá nhân, đơn vị, mô hình được khen thưởng, ghi nhận vì làm tốt công tác tuyên truyền",
  plan_ref: "II.2.c",
  unit: "count",
  scope: "commune",
  source: "entered",
  sort_order: 3,
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("indicators")
    .addColumn("definition", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .alterTable("indicators")
    .addColumn("direction", "text", (c) => c.notNull().defaultTo("at_least"))
    .execute();
  await db.schema
    .alterTable("indicators")
    .addColumn("group_name", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // Recognitions get their own row next to the conferences of II.2.c: two things counted, two targets.
  await db
    .updateTable("indicators")
    .set((eb: any) => ({ sort_order: eb("sort_order", "+", 1) }))
    .where("sort_order", ">=", 4)
    .execute();
  await db
    .insertInto("indicators")
    .values({
      ...RECOGNITIONS,
      sort_order: 4,
      group_name: "Tuyên truyền",
      direction: "at_least",
      definition: JSON.stringify({ prorate: true, numerator: { kind: "entered", measure: "recognitions" } }),
    })
    .execute();
  await db
    .insertInto("indicator_targets")
    .values(
      [2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ indicator_code: RECOGNITIONS.code, year, target: 1 })),
    )
    .execute();
  for (const r of ROWS) {
    await db
      .updateTable("indicators")
      .set({
        definition: JSON.stringify(r.definition),
        group_name: r.group,
        direction: r.direction ?? "at_least",
        ...(r.unit ? { unit: r.unit } : {}),
      })
      .where("code", "=", r.code)
      .execute();
    if (r.target)
      for (const year of [2025, 2026, 2027, 2028, 2029, 2030])
        await db
          .updateTable("indicator_targets")
          .set({ target: r.target(year) })
          .where("indicator_code", "=", r.code)
          .where("year", "=", year)
          .execute();
  }
  await db.updateTable("indicators").set({ source: "entered" }).where("code", "in", ["NQ57-30a", "SCH-2.7"]).execute();

  // Entered figures keyed by measure rather than indicator (nothing has been entered before this step).
  await db.schema.dropTable("entered_figures").execute();
  await db.schema
    .createTable("entered_figures")
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("value", "real", (c) => c.notNull())
    .addColumn("entered_by", "integer", (c) => c.references("users.id"))
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("entered_figures_pk", ["measure", "unit_id", "period_key"])
    .execute();

  await withId(db, db.schema.createTable("reports"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("narrative", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "text")
    .addColumn("submitted_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("comment", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reports_unit_period", ["unit_id", "period_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reports").execute();
  await db.schema.dropTable("entered_figures").execute();
  await db.deleteFrom("indicator_targets").where("indicator_code", "=", RECOGNITIONS.code).execute();
  await db.deleteFrom("indicators").where("code", "=", RECOGNITIONS.code).execute();
  for (const c of ["definition", "direction", "group_name"])
    await db.schema.alterTable("indicators").dropColumn(c).execute();
}
