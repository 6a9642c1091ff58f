import type { Kysely } from "kysely";

/**
 * The plan's indicators as rows (issue #6): code, name, plan reference, unit, scope, how computed, and a
 * target per year that commune staff can edit; plus figures entered by hand for what no record yields.
 */
const INDICATORS: {
  code: string;
  name: string;
  ref: string;
  unit: "percent" | "count";
  scope: "commune" | "unit" | "school";
  source: "computed" | "entered";
  target: number | null;
}[] = [
  {
    code: "NQ57-25a",
    name: "Tỷ lệ lãnh đạo, cán bộ, công chức, viên chức được tuyên truyền Nghị quyết 57",
    ref: "II.1.a",
    unit: "percent",
    scope: "unit",
    source: "computed",
    target: 100,
  },
  {
    code: "NQ57-25b",
    name: "Hoạt động tuyên truyền theo hình thức",
    ref: "II.1.b",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: null,
  },
  {
    code: "NQ57-26a",
    name: "Hoạt động theo nội dung (KHCN, ĐMST, CĐS, CCHC, Đề án 06)",
    ref: "II.2.a",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: null,
  },
  {
    code: "NQ57-26c",
    name: "Hội nghị chuyên đề; cá nhân, đơn vị được khen thưởng",
    ref: "II.2.c",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: 1,
  },
  {
    code: "NQ57-27a",
    name: "Lớp tập huấn theo đối tượng",
    ref: "II.3.a",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: null,
  },
  {
    code: "NQ57-27b",
    name: "Hội nghị, tọa đàm",
    ref: "II.3.b",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: 1,
  },
  {
    code: "NQ57-30a",
    name: "Tỷ lệ nhiệm vụ KHCN sử dụng ngân sách được công khai",
    ref: "II.4.a",
    unit: "percent",
    scope: "commune",
    source: "entered",
    target: 100,
  },
  {
    code: "NQ57-30b",
    name: "Tin bài trên hệ thống thông tin cơ sở",
    ref: "II.4.b",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: 1,
  },
  {
    code: "NQ57-30c",
    name: "Tỷ lệ cán bộ chuyên trách được bồi dưỡng kỹ năng truyền thông số",
    ref: "II.4.c",
    unit: "percent",
    scope: "commune",
    source: "computed",
    target: 100,
  },
  {
    code: "SCH-2.1",
    name: "Tỷ lệ cán bộ quản lý, giáo viên, học sinh được tuyên truyền",
    ref: "III.2.1",
    unit: "percent",
    scope: "school",
    source: "computed",
    target: 100,
  },
  {
    code: "SCH-2.2",
    name: "Học liệu lồng ghép nội dung vào chương trình",
    ref: "III.2.2",
    unit: "count",
    scope: "school",
    source: "computed",
    target: null,
  },
  {
    code: "SCH-2.3",
    name: "Tập huấn trực tuyến, kết hợp; học liệu số đã đăng",
    ref: "III.2.3",
    unit: "count",
    scope: "school",
    source: "computed",
    target: null,
  },
  {
    code: "SCH-2.4",
    name: "Sản phẩm truyền thông số theo loại",
    ref: "III.2.4",
    unit: "count",
    scope: "school",
    source: "computed",
    target: null,
  },
  {
    code: "SCH-2.5",
    name: "Câu lạc bộ STEM, đổi mới sáng tạo",
    ref: "III.2.5",
    unit: "count",
    scope: "school",
    source: "computed",
    target: 1,
  },
  {
    code: "SCH-2.6",
    name: "Hoạt động tuyên truyền cho học sinh, giáo viên",
    ref: "III.2.6",
    unit: "count",
    scope: "school",
    source: "computed",
    target: null,
  },
  {
    code: "SCH-2.7",
    name: "Tỷ lệ học sinh chọn môn STEM; bài dự thi và giải thưởng",
    ref: "III.2.7",
    unit: "percent",
    scope: "school",
    source: "entered",
    target: null,
  },
  {
    code: "BIZ-3",
    name: "Hội nghị, tập huấn cho doanh nghiệp; doanh nghiệp được tiếp cận",
    ref: "III.3",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: 1,
  },
  {
    code: "DAY-1.2",
    name: "Hoạt động hưởng ứng các ngày 18/5, 01/10, 10/10",
    ref: "III.1.2",
    unit: "count",
    scope: "unit",
    source: "computed",
    target: 3,
  },
  {
    code: "REP-V.2",
    name: "Báo cáo 6 tháng nộp đúng hạn",
    ref: "V.2",
    unit: "percent",
    scope: "commune",
    source: "computed",
    target: 100,
  },
  {
    code: "BUD-IV",
    name: "Kinh phí: dự toán và thực chi",
    ref: "IV, V.1, V.3",
    unit: "count",
    scope: "commune",
    source: "computed",
    target: null,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicators")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("plan_ref", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("indicator_targets")
    .addColumn("indicator_code", "text", (c) => c.notNull().references("indicators.code"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("target", "real")
    .addPrimaryKeyConstraint("indicator_targets_pk", ["indicator_code", "year"])
    .execute();
  await db.schema
    .createTable("entered_figures")
    .addColumn("indicator_code", "text", (c) => c.notNull().references("indicators.code"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("value", "real", (c) => c.notNull())
    .addColumn("entered_by", "integer", (c) => c.references("users.id"))
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("entered_figures_pk", ["indicator_code", "unit_id", "period_key"])
    .execute();
  await db
    .insertInto("indicators")
    .values(
      INDICATORS.map((i, n) => ({
        code: i.code,
        name: i.name,
        plan_ref: i.ref,
        unit: i.unit,
        scope: i.scope,
        source: i.source,
        sort_order: n,
      })),
    )
    .execute();
  const targets = INDICATORS.flatMap((i) =>
    [2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ indicator_code: i.code, year, target: i.target })),
  );
  await db.insertInto("indicator_targets").values(targets).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["entered_figures", "indicator_targets", "indicators"]) await db.schema.dropTable(t).execute();
}
