/**
 * The demo's half-year reports (the schools' and the offices') and entered figures, so /reports and the REP-V.2,
 * NQ57-30a, NQ57-26c-KT and SCH-2.7 figures have something to show: 2025 approved (one school and one office late,
 * one school reopened), 2026-H1 in every state of the workflow (approved, submitted and waiting, submitted late,
 * returned, draft, never started). Approved reports lock their half-year exactly as approval in the app does.
 */
import type { Kysely, Transaction } from "kysely";
import type { BudgetCategory, Database, FundingSource, ReportStatus } from "../../db/schema";
import { fixCutoff, reportPeriod } from "../../app/domain/reports/report-periods";

type Tx = Kysely<Database> | Transaction<Database>;

const NARRATIVE =
  "Nhà trường đã quán triệt Nghị quyết 57-NQ/TW đến toàn thể cán bộ, giáo viên; lồng ghép nội dung khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số vào hoạt động dạy học, sinh hoạt dưới cờ và câu lạc bộ STEM. Kiến nghị: bổ sung thiết bị thực hành STEM và tập huấn giáo viên về bài giảng điện tử.";

const OFFICE_NARRATIVE =
  "Cơ quan đã phổ biến Nghị quyết 57-NQ/TW và Kế hoạch của xã đến toàn thể cán bộ, công chức; đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết công việc. Kiến nghị: tổ chức thêm lớp bồi dưỡng kỹ năng số cho cán bộ.";

interface DemoReport {
  /** The unit's code (a school or an office). */
  unit: string;
  half: string;
  status: ReportStatus;
  /** Vietnam date of the first submission, or null. */
  submitted?: string;
  comment?: string;
}

const REPORTS: DemoReport[] = [
  ...["mn-tanan", "th-tanan-a", "th-tanan-b", "thcs-tanan", "thpt-tanan"].flatMap((unit) => [
    { unit, half: "2025-H1", status: "approved" as const, submitted: "2025-06-06" },
    unit === "thcs-tanan"
      ? {
          unit,
          half: "2025-H2",
          status: "returned" as const,
          submitted: "2025-12-08",
          comment: "Mở lại theo đề nghị của trường để bổ sung kết quả Cuộc thi Khoa học kỹ thuật cấp tỉnh.",
        }
      : {
          unit,
          half: "2025-H2",
          status: "approved" as const,
          submitted: unit === "th-tanan-b" ? "2025-12-12" : "2025-12-08",
        },
  ]),
  { unit: "mn-tanan", half: "2026-H1", status: "approved", submitted: "2026-06-05" },
  { unit: "thcs-tanan", half: "2026-H1", status: "submitted", submitted: "2026-06-09" },
  { unit: "thpt-tanan", half: "2026-H1", status: "submitted", submitted: "2026-06-13" },
  {
    unit: "th-tanan-b",
    half: "2026-H1",
    status: "returned",
    submitted: "2026-06-08",
    comment: "Đề nghị bổ sung số liệu câu lạc bộ STEM và hoạt động ngày 18/5.",
  },
  { unit: "th-tanan-a", half: "2026-H1", status: "draft" },
  { unit: "thcs-tanan", half: "2026-H2", status: "draft" },
  // The offices (plan V.2): 2025 approved (the service centre late in H2); 2026-H1 approved, waiting, returned, and
  // one never started (the service centre: overdue).
  ...["office-vhxh", "office-kinhte", "office-vanphong", "office-hanhchinhcong"].flatMap((unit) => [
    { unit, half: "2025-H1", status: "approved" as const, submitted: "2025-06-05" },
    {
      unit,
      half: "2025-H2",
      status: "approved" as const,
      submitted: unit === "office-hanhchinhcong" ? "2025-12-15" : "2025-12-09",
    },
  ]),
  { unit: "office-vhxh", half: "2026-H1", status: "approved", submitted: "2026-06-08" },
  { unit: "office-kinhte", half: "2026-H1", status: "submitted", submitted: "2026-06-10" },
  {
    unit: "office-vanphong",
    half: "2026-H1",
    status: "returned",
    submitted: "2026-06-09",
    comment: "Đề nghị bổ sung kết quả tuyên truyền trên hệ thống thông tin cơ sở.",
  },
  { unit: "office-kinhte", half: "2026-H2", status: "draft" },
];

/** Students choosing STEM subjects (SCH-2.7), per school and year: rising at most schools. */
const STEM_STUDENTS: Record<string, [number, number]> = {
  "th-tanan-a": [120, 152],
  "th-tanan-b": [88, 84],
  "thcs-tanan": [214, 251],
  "thpt-tanan": [331, 372],
};

export async function seedDemoReports(
  db: Tx,
  c: {
    communeId: number;
    /** Schools and offices by code. */
    unitIds: Record<string, number>;
    approverId: number;
    /** Who prepares each unit's report (a school's administrator, an office's staff), by unit code. */
    staffIds: Record<string, number>;
  },
) {
  const at = (date: string, time = "09:30") => new Date(`${date}T${time}:00+07:00`).toISOString();
  for (const r of REPORTS) {
    const unit_id = c.unitIds[r.unit];
    const decided = r.status === "approved" || r.status === "returned";
    const submittedAt = r.submitted ? at(r.submitted) : null;
    await db
      .insertInto("reports")
      .values({
        unit_id,
        period_key: r.half,
        status: r.status,
        narrative: r.unit.startsWith("office-") ? OFFICE_NARRATIVE : NARRATIVE,
        submitted_at: submittedAt,
        submitted_by: submittedAt ? (c.staffIds[r.unit] ?? null) : null,
        decided_at: decided ? at(r.submitted!, "15:00") : null,
        decided_by: decided ? c.approverId : null,
        comment: r.comment ?? null,
        created_at: submittedAt ?? at("2026-06-01"),
        updated_at: submittedAt ?? at("2026-06-01"),
      })
      .execute();
    if (r.status === "approved") {
      const period = await reportPeriod(db, c.communeId, r.half);
      await fixCutoff(db, c.communeId, period, at(r.submitted!, "15:00"));
      const [start, endExclusive] = [period.startDate, period.endDateExclusive];
      await db
        .insertInto("period_locks")
        .values({
          unit_id,
          period_key: r.half,
          start_date: start,
          end_date_exclusive: endExclusive,
          locked_at: at(r.submitted!, "15:00"),
          locked_by: c.approverId,
        })
        .execute();
    }
  }
  const figure = (measure: string, unit_id: number, period_key: string, value: number, by: number | null) =>
    db
      .insertInto("entered_figures")
      .values({ measure, unit_id, period_key, value, entered_by: by, entered_at: at("2026-06-05") })
      .execute();
  await figure("tasks_total", c.communeId, "2025", 3, c.approverId);
  await figure("tasks_publicized", c.communeId, "2025", 2, c.approverId);
  await figure("tasks_total", c.communeId, "2026", 4, c.approverId);
  await figure("tasks_publicized", c.communeId, "2026", 3, c.approverId);
  await figure("recognitions", c.communeId, "2025-H2", 3, c.approverId);
  await figure("recognitions", c.communeId, "2026-H1", 2, c.approverId);
  // Yearly budget estimates by line (clause V.1, BUD-V.1): the Phòng Văn hóa - Xã hội (the commune's activities)
  // for 2025 and 2026, THCS Tân An for 2026.
  const PLANS: [string, number, BudgetCategory, FundingSource, number][] = [
    ["office-vhxh", 2025, "banners", "state_budget", 14_000_000],
    ["office-vhxh", 2025, "printing", "state_budget", 8_000_000],
    ["office-vhxh", 2025, "speakers", "programme_budget", 10_000_000],
    ["office-vhxh", 2026, "banners", "state_budget", 15_000_000],
    ["office-vhxh", 2026, "printing", "state_budget", 8_000_000],
    ["office-vhxh", 2026, "speakers", "programme_budget", 12_000_000],
    ["office-vhxh", 2026, "awards", "socialized", 5_000_000],
    ["thcs-tanan", 2026, "banners", "state_budget", 3_000_000],
    ["thcs-tanan", 2026, "awards", "socialized", 4_000_000],
  ];
  for (const [code, year, category, source, amount] of PLANS)
    await db
      .insertInto("budget_plans")
      .values({
        unit_id: c.unitIds[code],
        year,
        category,
        source,
        amount,
        note: null,
        updated_by: code.startsWith("office-") ? c.approverId : (c.staffIds[code] ?? null),
        updated_at: at(`${year}-01-15`),
      })
      .execute();
  for (const [school, [y2025, y2026]] of Object.entries(STEM_STUDENTS)) {
    await figure("stem_students", c.unitIds[school], "2025", y2025, c.staffIds[school] ?? null);
    await figure("stem_students", c.unitIds[school], "2026", y2026, c.staffIds[school] ?? null);
  }
}
