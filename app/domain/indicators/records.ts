/**
 * The records behind a figure (the drill-down of /indicators/<code>): for each measure of the indicator, a table
 * of the activities, people, clubs, materials, reports, budget lines or entered figures it counted, read with
 * the same filters as measure.ts. Privacy: people are listed by name only to their own school's staff; everyone
 * else sees counts per unit and category (students are minors; Nghị định 13/2023).
 */
import type { DB } from "../../../db/connection";
import type { HeadcountCategory, UnitKind } from "../../../db/schema";
import { BUDGET_CATEGORY_LABELS, COMMEMORATION_LABELS, FUNDING_SOURCE_LABELS } from "../activities/vocabulary";
import { MATERIAL_KIND_LABELS } from "../materials/vocabulary";
import { halvesOf } from "../calendar/deadlines";
import { formatFigure } from "../shared/figures";
import { vietnamParts } from "../shared/time";
import { HEADCOUNT_CATEGORY_LABELS } from "../units/vocabulary";
import { budgetFigures } from "./budget";
import { commemorationFigures } from "./commemorations";
import type { LeafMeasure, Measure } from "./definitions";
import { CONTEST_RESULT_LABELS } from "../contests/vocabulary";
import { contestFigures } from "./contests";
import { sentAttendance } from "./sent";
import { ENTERED_MEASURES, enteredKeys } from "./entered";
import {
  commemorationsIn,
  activityContext,
  filteredActivityIds,
  filteredMaterials,
  headcountUnits,
  type MeasureContext,
} from "./measure";
import { notReachedPeople, reachedAttendance } from "./reached";
import { REPORT_STATUS_LABELS, TIMELINESS_LABELS, timeliness } from "../calendar/statuses";

export type Cell = string | number | null;
export interface RecordTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A link per row (to the record's page, shown on the second column), or null. */
  links: (string | null)[];
}

const vnDate = (iso: string) => vietnamParts(iso).date.split("-").reverse().join("/");
const table = (title: string, columns: string[], rows: Cell[][], links?: (string | null)[]): RecordTable => ({
  title,
  columns,
  rows,
  links: links ?? rows.map(() => null),
});

type UnitRef = { id: number; name: string; kind: UnitKind };

async function unitNames(db: DB): Promise<Map<number, UnitRef>> {
  const rows = await db.selectFrom("units").select(["id", "name", "kind"]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Who sees whom in a figure's records (the policy layer decides: auth/policies/indicators.ts). */
export interface PeoplePrivacy {
  seesName: (unit: Pick<UnitRef, "id" | "kind">, category: HeadcountCategory) => boolean;
  opensPerson: (unit: Pick<UnitRef, "id" | "kind">) => boolean;
}

const PERSON_COLUMNS = [
  "people.id",
  "people.unit_id",
  "people.category",
  "people.full_name",
  "people.code",
  "people.class_name",
] as const;

type PersonRow = {
  id: number;
  unit_id: number;
  category: HeadcountCategory;
  full_name: string;
  code: string;
  class_name: string | null;
  sessions?: number | string;
};

/**
 * People as a figure's records: by name where the viewer may see them (linked to their page where the viewer
 * manages the list), counted per unit and category elsewhere (students' names never leave their school).
 */
function peopleTables(
  subject: string,
  rows: PersonRow[],
  units: Map<number, UnitRef>,
  privacy: PeoplePrivacy,
  countLabel?: string,
): RecordTable[] {
  const unitOf = (id: number) => units.get(id) ?? { id, name: "", kind: "school" as const };
  const named = rows.filter((r) => privacy.seesName(unitOf(r.unit_id), r.category));
  const counted = new Map<string, { unit: number; category: HeadcountCategory; n: number }>();
  for (const r of rows.filter((r) => !privacy.seesName(unitOf(r.unit_id), r.category))) {
    const key = `${r.unit_id}|${r.category}`;
    counted.set(key, { unit: r.unit_id, category: r.category, n: (counted.get(key)?.n ?? 0) + 1 });
  }
  const out: RecordTable[] = [];
  if (named.length)
    out.push(
      table(
        `Người ${subject}`,
        ["Đơn vị", "Họ và tên", "Mã", "Đối tượng", "Lớp", ...(countLabel ? [countLabel] : [])],
        named.map((r) => [
          unitOf(r.unit_id).name,
          r.full_name,
          r.code,
          HEADCOUNT_CATEGORY_LABELS[r.category],
          r.class_name,
          ...(countLabel ? [Number(r.sessions)] : []),
        ]),
        named.map((r) => (privacy.opensPerson(unitOf(r.unit_id)) ? `/people/${r.unit_id}/${r.id}` : null)),
      ),
    );
  if (counted.size || !named.length)
    out.push(
      table(
        `Số người ${subject.replace(" (", " theo đơn vị (")}${subject.includes("(") ? "" : " theo đơn vị"}`,
        ["Đơn vị", "Đối tượng", "Số người"],
        [...counted.values()].map((c) => [unitOf(c.unit).name, HEADCOUNT_CATEGORY_LABELS[c.category], c.n]),
      ),
    );
  return out;
}

async function leafRecords(
  db: DB,
  m: LeafMeasure,
  ctx: MeasureContext,
  privacy: PeoplePrivacy,
): Promise<RecordTable[]> {
  const units = await unitNames(db);
  const unit = (id: number) => units.get(id)?.name ?? "";
  switch (m.kind) {
    case "reached": {
      const q = {
        unitIds: ctx.unitIds,
        categories: m.categories,
        period: ctx.period,
        topics: m.topics,
        forms: m.forms,
      };
      const reached = await reachedAttendance(db, q)
        .select([...PERSON_COLUMNS, (eb) => eb.fn.countAll<number>().as("sessions")])
        .groupBy([...PERSON_COLUMNS])
        .orderBy("people.unit_id")
        .orderBy("people.name_key")
        .execute();
      const missing = await notReachedPeople(db, q)
        .select([...PERSON_COLUMNS])
        .orderBy("people.unit_id")
        .orderBy("people.name_key")
        .execute();
      return [
        ...peopleTables("đã được tuyên truyền (mỗi người tính một lần)", reached, units, privacy, "Số buổi dự"),
        ...peopleTables("chưa được tuyên truyền trong kỳ", missing, units, privacy),
      ];
    }
    case "headcount": {
      const counted = await headcountUnits(db, m, ctx.unitIds, ctx.period);
      const rows = await db
        .selectFrom("headcounts")
        .select(["unit_id", "category", (eb) => eb.fn.sum<number>("count").as("n")])
        .where("unit_id", "in", counted.length ? counted : [-1])
        .where("category", "in", m.categories)
        .where("year", "=", ctx.period.year)
        .groupBy(["unit_id", "category"])
        .orderBy("unit_id")
        .execute();
      return [
        table(
          `Số lượng năm ${ctx.period.year} (mẫu số)`,
          ["Đơn vị", "Đối tượng", "Số người"],
          rows.map((r) => [unit(r.unit_id), HEADCOUNT_CATEGORY_LABELS[r.category], Number(r.n)]),
        ),
      ];
    }
    case "activities":
    case "distinct_terms": {
      const ids =
        m.kind === "activities"
          ? filteredActivityIds(db, m, await activityContext(db, m, ctx))
          : filteredActivityIds(db, { forms: m.forms }, ctx);
      const rows = await db
        .selectFrom("activities")
        .innerJoin("vocab_terms as form", (j) =>
          j.onRef("form.code", "=", "activities.form").on("form.kind", "=", "form"),
        )
        .select([
          "activities.id",
          "activities.title",
          "activities.starts_at",
          "activities.organizer_unit_id",
          "form.label as form_label",
        ])
        .where("activities.id", "in", ids)
        .orderBy("activities.starts_at")
        .execute();
      const out = [
        table(
          "Hoạt động được tính",
          ["Ngày", "Hoạt động", "Đơn vị tổ chức", "Hình thức"],
          rows.map((r) => [vnDate(r.starts_at), r.title, unit(r.organizer_unit_id), r.form_label]),
          rows.map((r) => `/activities/${r.id}`),
        ),
      ];
      if (m.kind === "distinct_terms") {
        const link = m.of === "form" ? null : m.of === "topic" ? "activity_topics" : "activity_audiences";
        const terms = await db
          .selectFrom("vocab_terms")
          .select(["code", "label"])
          .where("kind", "=", m.of)
          .where("archived", "=", 0)
          .$if(Boolean(m.topics), (q) => q.where("code", "in", m.topics!))
          .$if(m.of === "form" && Boolean(m.forms), (q) => q.where("code", "in", m.forms!))
          .orderBy("sort_order")
          .execute();
        const used =
          link === null
            ? await db
                .selectFrom("activities")
                .select(["form as code", (eb) => eb.fn.countAll<number>().as("n")])
                .where("id", "in", ids)
                .groupBy("form")
                .execute()
            : link === "activity_topics"
              ? await db
                  .selectFrom("activity_topics")
                  .select(["topic_code as code", (eb) => eb.fn.countAll<number>().as("n")])
                  .where("activity_id", "in", ids)
                  .groupBy("topic_code")
                  .execute()
              : await db
                  .selectFrom("activity_audiences")
                  .select(["audience_code as code", (eb) => eb.fn.countAll<number>().as("n")])
                  .where("activity_id", "in", ids)
                  .groupBy("audience_code")
                  .execute();
        const byCode = new Map(used.map((u) => [u.code, Number(u.n)]));
        out.unshift(
          table(
            m.of === "form" ? "Theo hình thức" : m.of === "topic" ? "Theo nội dung" : "Theo đối tượng",
            ["Danh mục", "Số hoạt động", "Đánh giá"],
            terms.map((t) => [
              t.label,
              byCode.get(t.code) ?? 0,
              byCode.get(t.code) ? "Đã thực hiện" : "Chưa thực hiện",
            ]),
          ),
        );
      }
      return out;
    }
    case "sent": {
      const q = { unitIds: ctx.unitIds, categories: m.categories, period: ctx.period };
      const events = await sentAttendance(db, q)
        .select([
          "activities.id",
          "activities.title",
          "activities.starts_at",
          "activities.external_organizer",
          "people.unit_id",
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .groupBy([
          "activities.id",
          "activities.title",
          "activities.starts_at",
          "activities.external_organizer",
          "people.unit_id",
        ])
        .orderBy("activities.starts_at")
        .execute();
      const people = await sentAttendance(db, q)
        .select([...PERSON_COLUMNS, (eb) => eb.fn.countAll<number>().as("sessions")])
        .groupBy([...PERSON_COLUMNS])
        .orderBy("people.unit_id")
        .orderBy("people.name_key")
        .execute();
      return [
        table(
          "Tập huấn, hội thi do cấp trên tổ chức",
          ["Ngày", "Tập huấn, hội thi", "Đơn vị tổ chức", "Đơn vị cử", "Số người được cử"],
          events.map((r) => [vnDate(r.starts_at), r.title, r.external_organizer ?? "", unit(r.unit_id), Number(r.n)]),
          events.map((r) => `/activities/${r.id}`),
        ),
        ...peopleTables("được cử tham gia", people, units, privacy, "Số lượt được cử"),
      ];
    }
    case "contests": {
      const schools = await db
        .selectFrom("units")
        .select(["id", "name"])
        .where("id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where("kind", "=", "school")
        .orderBy("name")
        .execute();
      const figures = await contestFigures(db, { schoolIds: schools.map((s) => s.id), period: ctx.period });
      const entries = await db
        .selectFrom("contest_entries")
        .innerJoin("contests", "contests.id", "contest_entries.contest_id")
        .select([
          "contests.id as contest_id",
          "contests.name as contest",
          "contests.ends_on",
          "contest_entries.school_id",
          "contest_entries.title",
          "contest_entries.result",
        ])
        .where("contest_entries.school_id", "in", schools.length ? schools.map((s) => s.id) : [-1])
        .where("contests.ends_on", ">=", ctx.period.startDate)
        .where("contests.ends_on", "<", ctx.period.endDateExclusive)
        .orderBy("contests.ends_on")
        .orderBy("contest_entries.title")
        .execute();
      return [
        table(
          "Theo trường",
          ["Trường", "Bài dự thi", "Học sinh tham gia", "Bài đạt giải"],
          schools.map((s) => {
            const f = figures.find((x) => x.schoolId === s.id)!;
            return [s.name, f.entries, f.students, f.awarded];
          }),
        ),
        table(
          "Bài dự thi của các cuộc thi kết thúc trong kỳ",
          ["Kết thúc", "Bài dự thi", "Cuộc thi", "Trường", "Kết quả"],
          entries.map((e) => [
            e.ends_on.split("-").reverse().join("/"),
            e.title,
            e.contest,
            unit(e.school_id),
            e.result ? CONTEST_RESULT_LABELS[e.result] : "Chưa có kết quả",
          ]),
          entries.map((e) => `/contests/${e.contest_id}`),
        ),
      ];
    }
    case "materials": {
      const rows = await filteredMaterials(db, m, ctx)
        .select(["id", "title", "school_id", "kind", "created_at"])
        .orderBy("created_at")
        .execute();
      return [
        table(
          "Học liệu được tính",
          ["Ngày đăng", "Học liệu", "Trường", "Loại"],
          rows.map((r) => [vnDate(r.created_at), r.title, unit(r.school_id), MATERIAL_KIND_LABELS[r.kind]]),
          rows.map((r) => `/materials/${r.id}`),
        ),
      ];
    }
    case "clubs": {
      const rows = await db
        .selectFrom("clubs")
        .select(["id", "name", "school_id", "founded_on"])
        .where("school_id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", ctx.period.startDate)]))
        .where((eb) => eb.or([eb("founded_on", "is", null), eb("founded_on", "<", ctx.period.endDateExclusive)]))
        .orderBy("school_id")
        .orderBy("name")
        .execute();
      return [
        table(
          "Câu lạc bộ đang hoạt động trong kỳ",
          ["Trường", "Câu lạc bộ", "Thành lập"],
          rows.map((r) => [
            unit(r.school_id),
            r.name,
            r.founded_on ? r.founded_on.split("-").reverse().join("/") : null,
          ]),
          rows.map((r) => `/clubs/${r.id}`),
        ),
      ];
    }
    case "commemoration_days":
    case "commemoration_days_due": {
      if (m.kind === "commemoration_days_due") return [];
      const days = commemorationsIn(ctx.period);
      const units = await db
        .selectFrom("units")
        .select(["id", "name"])
        .where("id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where("kind", "in", ["commune", "office", "school"])
        .where("archived_at", "is", null)
        .orderBy("name")
        .execute();
      const figures = await commemorationFigures(db, { unitIds: units.map((u) => u.id), period: ctx.period });
      return [
        table(
          "Hoạt động hưởng ứng các ngày kỷ niệm trong kỳ",
          ["Đơn vị", ...days.map((d) => COMMEMORATION_LABELS[d])],
          units.map((u) => [
            u.name,
            ...days.map((d) => figures.find((f) => f.unitId === u.id)!.days[d] || "Chưa tổ chức"),
          ]),
        ),
      ];
    }
    case "reports_on_time":
    case "reports_due": {
      if (m.kind === "reports_due") return [];
      const halves = halvesOf(ctx.period);
      const schools = await db
        .selectFrom("units")
        .select(["id", "name"])
        .where("id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where("kind", "=", "school")
        .orderBy("name")
        .execute();
      const reports = await db
        .selectFrom("reports")
        .selectAll()
        .where("period_key", "in", halves)
        .where("unit_id", "in", schools.length ? schools.map((s) => s.id) : [-1])
        .execute();
      const rows: Cell[][] = [];
      for (const half of halves)
        for (const s of schools) {
          const r = reports.find((x) => x.unit_id === s.id && x.period_key === half);
          rows.push([
            half,
            s.name,
            REPORT_STATUS_LABELS[r?.status ?? "missing"],
            r?.submitted_at ? vnDate(r.submitted_at) : null,
            TIMELINESS_LABELS[timeliness(r, half, ctx.now)],
          ]);
        }
      return [table("Báo cáo 6 tháng của các trường", ["Kỳ", "Trường", "Trạng thái", "Ngày nộp", "Thời hạn"], rows)];
    }
    case "budget": {
      if (m.field === "estimate") return [];
      const { byCategory, total } = await budgetFigures(db, { unitIds: ctx.unitIds, period: ctx.period });
      return [
        table(
          "Kinh phí theo nội dung chi (đồng)",
          ["Nội dung chi", "Dự toán", "Thực chi", "Dòng chưa có số thực chi"],
          [
            ...byCategory.map((r) => [BUDGET_CATEGORY_LABELS[r.key], r.estimate, r.actual, r.linesWithoutActual]),
            ["Tổng cộng", total.estimate, total.actual, total.linesWithoutActual],
          ],
        ),
      ];
    }
    case "budget_plan": {
      const rows = await db
        .selectFrom("budget_plans")
        .select(["unit_id", "category", "source", "amount", "note"])
        .where("unit_id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where("year", "=", ctx.period.year)
        .orderBy("unit_id")
        .orderBy("category")
        .orderBy("source")
        .execute();
      return [
        table(
          `Dự toán kinh phí năm ${ctx.period.year} của các đơn vị (đồng)`,
          ["Đơn vị", "Nội dung chi", "Nguồn kinh phí", "Dự toán năm", "Ghi chú"],
          rows.map((r) => [
            unit(r.unit_id),
            BUDGET_CATEGORY_LABELS[r.category],
            FUNDING_SOURCE_LABELS[r.source],
            Number(r.amount),
            r.note ?? "",
          ]),
        ),
      ];
    }
    case "entered": {
      const measure = ENTERED_MEASURES[m.measure];
      const rows = await db
        .selectFrom("entered_figures")
        .leftJoin("users", "users.id", "entered_figures.entered_by")
        .select([
          "entered_figures.unit_id",
          "entered_figures.period_key",
          "entered_figures.value",
          "entered_figures.entered_at",
          "users.full_name",
        ])
        .where("measure", "=", m.measure)
        .where("unit_id", "in", ctx.unitIds.length ? ctx.unitIds : [-1])
        .where("period_key", "in", enteredKeys(measure, ctx.period).length ? enteredKeys(measure, ctx.period) : ["-"])
        .orderBy("unit_id")
        .execute();
      return [
        table(
          `Số liệu nhập: ${measure.label}`,
          ["Đơn vị", "Kỳ", "Số liệu", "Người nhập", "Lúc"],
          rows.map((r) => [
            unit(r.unit_id),
            r.period_key,
            formatFigure(r.value, "count"),
            r.full_name ?? "—",
            vnDate(r.entered_at),
          ]),
        ),
      ];
    }
  }
}

export async function measureRecords(
  db: DB,
  m: Measure,
  ctx: MeasureContext,
  privacy: PeoplePrivacy,
): Promise<RecordTable[]> {
  if (m.kind !== "sum") return leafRecords(db, m, ctx, privacy);
  const out: RecordTable[] = [];
  for (const part of m.of) out.push(...(await leafRecords(db, part, ctx, privacy)));
  return out;
}
