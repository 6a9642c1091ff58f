import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterBar, FilterSelect, YEARS } from "~/components/filters";
import { PageHeader } from "~/components/shell";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { can, reachOf, ownSchoolIds, reportingUnitIds } from "~/domain/auth/permissions";
import {
  gradeLabel,
  HEADCOUNT_CATEGORY_LABELS,
  SCHOOL_LEVEL_LABELS,
  UNIT_KIND_LABELS,
} from "~/domain/units/vocabulary";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatNumber } from "~/domain/shared/format";
import { yearParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import {
  adminTodo,
  communeOverview,
  communeTodo,
  feedToken,
  getUnit,
  halfYearReport,
  recentMaterialsOf,
  rollCallTodo,
  schoolSummary,
  standingOf,
  unitTodo,
} from "~/lib/home.server";
import { publicOrigin } from "~/lib/links.server";
import { CalendarFeedCard } from "~/components/calendar-feed-card";
import { RecentMaterials } from "~/components/recent-materials";
import { actorCommuneId } from "~/lib/indicators.server";
import { TodoList } from "~/components/todo-list";
import { formatDate } from "~/domain/shared/format";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Trang chủ");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const year = yearParam(new URL(request.url));
  if (can(actor, "commune.read")) {
    return {
      kind: "commune" as const,
      year,
      overview: await communeOverview(db, year, reachOf(actor)),
      canEditHeadcounts: can(actor, "headcounts.edit"),
      // Issue 19. Commune staff approve the reports: what waits for them. The system administrator: accounts that
      // cannot sign in and units without this year's headcounts. The leader and a province reader: each commune
      // against the deadline and the year's targets.
      todo: can(actor, "reports.approve")
        ? await communeTodo(db, await actorCommuneId(actor))
        : can(actor, "units.manage")
          ? await adminTodo(db, reachOf(actor))
          : await standingOf(actor),
    };
  }
  const schoolId = ownSchoolIds(actor)[0];
  const school = schoolId ? await getUnit(db, schoolId) : undefined;
  if (!school) {
    // An office's staff: their half-year report is what they do here (plan V.2).
    const office = await getUnit(db, reportingUnitIds(actor)[0] ?? -1);
    if (!office) return { kind: "none" as const, year };
    return {
      kind: "office" as const,
      year,
      office: { id: office.id, name: office.name },
      ...(await halfYearReport(office.id)),
      todo: await unitTodo(db, office),
      // The office's calendar: its activities, the report deadlines and the commune's cut-offs (issue 19).
      feedUrl: `${publicOrigin(request)}/calendar/${await feedToken(db, office.id)}.ics`,
    };
  }
  const summary = await schoolSummary(db, school, year);
  const prepares = can(actor, "reports.prepare", school.id);
  const takesRolls = !prepares && can(actor, "attendance.write", school.id);
  return {
    kind: "school" as const,
    year,
    school,
    summary,
    canEditHeadcounts: can(actor, "headcounts.edit", school.id),
    // A school's administrators: their report and what is left undone; a teacher: the roll calls of the week.
    todo: prepares ? await unitTodo(db, school) : takesRolls ? await rollCallTodo(db, actor) : null,
    // A teacher: the last materials they uploaded, beside the roll calls.
    materials: takesRolls ? await recentMaterialsOf(db, actor) : null,
  };
}

function YearSwitch({ year }: { year: number }) {
  return (
    <FilterBar label="Chọn năm" button="Xem">
      <FilterSelect name="year" label="Năm" value={year} options={YEARS} />
    </FilterBar>
  );
}

/** A figure and what it counts; with `to`, a link to where those records are listed. */
function Stat({ value, label, to }: { value: number | null; label: string; to?: string }) {
  const body = (
    <>
      <span className="stat__value">{formatNumber(value)}</span>
      <span className="stat__label">{label}</span>
    </>
  );
  return to ? (
    <Link to={to} className="stat stat--link">
      {body}
    </Link>
  ) : (
    <div className="stat">{body}</div>
  );
}

function CommuneHome({
  data,
}: {
  data: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "commune" }>;
}) {
  const { overview, year } = data;
  return (
    <>
      <PageHeader
        title="Tổng quan xã Tân An"
        subtitle={`Số liệu nền (mẫu số của các chỉ tiêu) năm ${year}`}
        actions={<YearSwitch year={year} />}
      />
      {data.todo ? <TodoList items={data.todo} /> : null}
      <div className="grid">
        <Stat value={overview.totals.schools} label="Trường học" />
        <Stat value={overview.totals.officials} label="Cán bộ, công chức, viên chức (khối xã)" />
        <Stat value={overview.totals.managers} label="Cán bộ quản lý giáo dục" />
        <Stat value={overview.totals.teachers} label="Giáo viên" />
        <Stat value={overview.totals.students} label="Học sinh" />
      </div>
      <h2>Các trường trên địa bàn</h2>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        caption={
          <caption className="muted" style={{ textAlign: "left", padding: ".5rem .75rem" }}>
            Số người và hoạt động của từng trường, năm {year} (học sinh: chỉ số lượng).
          </caption>
        }
        rows={overview.schools}
        columns={[
          { header: "Trường", cell: (s) => <Link to={`/units/${s.id}?year=${year}`}>{s.name}</Link> },
          { header: "Cấp học", cell: (s) => (s.school_level ? SCHOOL_LEVEL_LABELS[s.school_level] : "") },
          { header: "CBQL", count: (s) => s.headcount?.managers },
          { header: "Giáo viên", count: (s) => s.headcount?.teachers },
          { header: "Nhân viên", count: (s) => s.headcount?.staff },
          { header: "Học sinh", count: (s) => s.headcount?.students },
          { header: "CLB STEM", count: (s) => s.records.clubs },
          { header: "Hoạt động", count: (s) => s.records.activities },
          { header: "Bài dự thi", count: (s) => s.records.entries },
          { header: "Tài khoản", count: (s) => s.accounts },
        ]}
      />
      <h2>Cơ quan, phòng ban</h2>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={overview.offices}
        columns={[
          { header: "Đơn vị", cell: (o) => <Link to={`/units/${o.id}?year=${year}`}>{o.name}</Link> },
          { header: "Loại", cell: (o) => UNIT_KIND_LABELS[o.kind] },
          { header: "CB, CC, VC", count: (o) => o.headcount?.officials },
          { header: "CB chuyên trách tuyên truyền", count: (o) => o.headcount?.communicationStaff },
        ]}
      />
      {overview.hamlets.length ? (
        <>
          <h2>Các ấp</h2>
          <p>{overview.hamlets.map((h) => h.name).join(" · ")}</p>
        </>
      ) : null}
    </>
  );
}

function SchoolHome({ data }: { data: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "school" }> }) {
  const { school, summary, year } = data;
  const bySlot = (category: string) => summary.slots.filter((s) => s.category === category);
  const total = (category: string) =>
    bySlot(category).reduce<number | null>((n, s) => (s.count === null ? n : (n ?? 0) + s.count), null);
  return (
    <>
      <PageHeader
        title={school.name}
        subtitle={`${school.school_level ? SCHOOL_LEVEL_LABELS[school.school_level] : ""} · Tổng quan năm ${year}`}
        actions={
          <>
            <YearSwitch year={year} />
          </>
        }
      />
      {data.materials ? (
        <div className="home-columns">
          {data.todo ? <TodoList items={data.todo} /> : null}
          <RecentMaterials rows={data.materials} />
        </div>
      ) : data.todo ? (
        <TodoList items={data.todo} />
      ) : null}
      <div className="grid">
        <Stat value={total("school_managers")} label="Cán bộ quản lý" />
        <Stat value={total("teachers")} label="Giáo viên" />
        <Stat value={total("school_staff")} label="Nhân viên" />
        <Stat value={total("students")} label="Học sinh" />
      </div>
      <h2>Hoạt động của trường năm {year}</h2>
      <div className="grid">
        <Stat to="/clubs" value={summary.records.clubs} label="Câu lạc bộ STEM đang hoạt động" />
        <Stat
          to={`/activities?period=${year}`}
          value={summary.records.activities}
          label="Hoạt động tuyên truyền, tập huấn"
        />
        <Stat to={`/contests?year=${year}`} value={summary.records.entries} label="Bài dự thi khoa học, sáng tạo" />
      </div>
      <div className="card" style={{ marginTop: "1rem" }}>
        <h2>Học sinh theo khối</h2>
        {bySlot("students").length ? (
          <DataTable
            label="Bảng dữ liệu, có thể cuộn ngang"
            rows={bySlot("students")}
            columns={[
              { header: "Khối", cell: (s) => gradeLabel(s.grade) },
              { header: "Số học sinh", count: (s) => s.count },
            ]}
          />
        ) : (
          <p className="muted">Chưa có số liệu.</p>
        )}
        {data.canEditHeadcounts ? (
          <p>
            <Link to={`/units/${school.id}?year=${year}`}>
              Cập nhật số liệu {HEADCOUNT_CATEGORY_LABELS.students.toLowerCase()}, giáo viên năm {year}
            </Link>
          </p>
        ) : null}
      </div>
      <div className="card">
        <h2>Tài khoản của trường</h2>
        <ul>
          {summary.staff.map((s) => (
            <li key={s.email}>
              {s.full_name} — {ROLE_LABELS[s.role]}
              {s.is_active ? "" : " (đã khóa)"}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

function Welcome() {
  const [params] = useSearchParams();
  if (!params.get("welcome")) return null;
  return (
    <div className="alert alert--success" role="status">
      Chào mừng bạn! Tài khoản đã được kích hoạt. Bạn có thể đổi mật khẩu bất cứ lúc nào ở mục “Đổi mật khẩu” phía trên.
    </div>
  );
}

export default function Home() {
  return (
    <>
      <Welcome />
      <HomeBody />
    </>
  );
}

function HomeBody() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "commune") return <CommuneHome data={data} />;
  if (data.kind === "school") return <SchoolHome data={data} />;
  if (data.kind === "office")
    return (
      <>
        <PageHeader
          title={data.office.name}
          subtitle="Báo cáo 6 tháng thực hiện Kế hoạch NQ57 của cơ quan (mục V.2)."
        />
        <TodoList items={data.todo} />
        <div className="card">
          <h2>Báo cáo {data.label.toLowerCase()}</h2>
          <p>
            Trạng thái: <strong>{data.statusLabel}</strong> · Hạn nộp: {formatDate(data.deadline)}
            {data.daysLeft >= 0 ? ` (còn ${data.daysLeft} ngày)` : " (đã qua hạn)"}
          </p>
          {data.comment ? <p className="status-behind">Phòng Văn hóa - Xã hội nhận xét: {data.comment}</p> : null}
          <p className="inline-actions inline-actions--centered">
            <Link className="button" to={`/reports/${data.half}/${data.office.id}`}>
              Mở báo cáo
            </Link>
            <Link to="/reports">Các kỳ báo cáo</Link>
          </p>
        </div>
        <CalendarFeedCard url={data.feedUrl} what="hạn nộp báo cáo 6 tháng, ngày chốt số liệu hoặc hoạt động mới" />
      </>
    );
  return (
    <div className="card">
      <h1>Chào mừng</h1>
      <p>Tài khoản của bạn chưa được gắn với đơn vị nào. Vui lòng liên hệ quản trị viên.</p>
    </div>
  );
}
