import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterBar, FilterSelect, YEARS } from "~/components/filters";
import { PageHeader } from "~/components/shell";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { can, reachOf, ownSchoolIds } from "~/domain/auth/permissions";
import { communeOverview, schoolSummary } from "~/domain/units/overview";
import { getUnit } from "~/domain/units/units";
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
import { TableWrap } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Trang chủ · Tân An STEM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const year = yearParam(new URL(request.url));
  if (can(actor, "commune.read")) {
    return {
      kind: "commune" as const,
      year,
      overview: await communeOverview(db, year, reachOf(actor)),
      canEditHeadcounts: can(actor, "headcounts.edit"),
    };
  }
  const schoolId = ownSchoolIds(actor)[0];
  const school = schoolId ? await getUnit(db, schoolId) : undefined;
  if (!school) return { kind: "none" as const, year };
  const summary = await schoolSummary(db, school, year);
  return {
    kind: "school" as const,
    year,
    school,
    summary,
    canEditHeadcounts: can(actor, "headcounts.edit", school.id),
  };
}

function YearSwitch({ year }: { year: number }) {
  return (
    <FilterBar label="Chọn năm" button="Xem">
      <FilterSelect name="year" label="Năm" value={year} options={YEARS} />
    </FilterBar>
  );
}

function Stat({ value, label }: { value: number | null; label: string }) {
  return (
    <div className="stat">
      <span className="stat__value">{formatNumber(value)}</span>
      <span className="stat__label">{label}</span>
    </div>
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
      <div className="grid">
        <Stat value={overview.totals.schools} label="Trường học" />
        <Stat value={overview.totals.officials} label="Cán bộ, công chức, viên chức (khối xã)" />
        <Stat value={overview.totals.managers} label="Cán bộ quản lý giáo dục" />
        <Stat value={overview.totals.teachers} label="Giáo viên" />
        <Stat value={overview.totals.students} label="Học sinh" />
      </div>
      <h2>Các trường trên địa bàn</h2>
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: ".5rem .75rem" }}>
            Số người và hoạt động của từng trường, năm {year} (học sinh: chỉ số lượng).
          </caption>
          <thead>
            <tr>
              <th scope="col">Trường</th>
              <th scope="col">Cấp học</th>
              <th scope="col" className="num">
                CBQL
              </th>
              <th scope="col" className="num">
                Giáo viên
              </th>
              <th scope="col" className="num">
                Nhân viên
              </th>
              <th scope="col" className="num">
                Học sinh
              </th>
              <th scope="col" className="num">
                CLB STEM
              </th>
              <th scope="col" className="num">
                Hoạt động
              </th>
              <th scope="col" className="num">
                Bài dự thi
              </th>
              <th scope="col" className="num">
                Tài khoản
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.schools.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/units/${s.id}?year=${year}`}>{s.name}</Link>
                </td>
                <td>{s.school_level ? SCHOOL_LEVEL_LABELS[s.school_level] : ""}</td>
                <td className="num">{formatNumber(s.headcount?.managers)}</td>
                <td className="num">{formatNumber(s.headcount?.teachers)}</td>
                <td className="num">{formatNumber(s.headcount?.staff)}</td>
                <td className="num">{formatNumber(s.headcount?.students)}</td>
                <td className="num">{formatNumber(s.records.clubs)}</td>
                <td className="num">{formatNumber(s.records.activities)}</td>
                <td className="num">{formatNumber(s.records.entries)}</td>
                <td className="num">{formatNumber(s.accounts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Cơ quan, phòng ban</h2>
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Loại</th>
              <th scope="col" className="num">
                CB, CC, VC
              </th>
              <th scope="col" className="num">
                CB chuyên trách tuyên truyền
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.offices.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/units/${o.id}?year=${year}`}>{o.name}</Link>
                </td>
                <td>{UNIT_KIND_LABELS[o.kind]}</td>
                <td className="num">{formatNumber(o.headcount?.officials)}</td>
                <td className="num">{formatNumber(o.headcount?.communicationStaff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
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
      <div className="grid">
        <Stat value={total("school_managers")} label="Cán bộ quản lý" />
        <Stat value={total("teachers")} label="Giáo viên" />
        <Stat value={total("school_staff")} label="Nhân viên" />
        <Stat value={total("students")} label="Học sinh" />
      </div>
      <h2>Hoạt động của trường năm {year}</h2>
      <div className="grid">
        <Link to="/clubs" className="stat stat--link">
          <span className="stat__value">{formatNumber(summary.records.clubs)}</span>
          <span className="stat__label">Câu lạc bộ STEM đang hoạt động</span>
        </Link>
        <Link to={`/activities?period=${year}`} className="stat stat--link">
          <span className="stat__value">{formatNumber(summary.records.activities)}</span>
          <span className="stat__label">Hoạt động tuyên truyền, tập huấn</span>
        </Link>
        <Link to={`/contests?year=${year}`} className="stat stat--link">
          <span className="stat__value">{formatNumber(summary.records.entries)}</span>
          <span className="stat__label">Bài dự thi khoa học, sáng tạo</span>
        </Link>
      </div>
      <div className="card" style={{ marginTop: "1rem" }}>
        <h2>Học sinh theo khối</h2>
        {bySlot("students").length ? (
          <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
            <table>
              <thead>
                <tr>
                  <th scope="col">Khối</th>
                  <th scope="col" className="num">
                    Số học sinh
                  </th>
                </tr>
              </thead>
              <tbody>
                {bySlot("students").map((s) => (
                  <tr key={s.grade}>
                    <td>{gradeLabel(s.grade)}</td>
                    <td className="num">{formatNumber(s.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
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
  return (
    <div className="card">
      <h1>Chào mừng</h1>
      <p>Tài khoản của bạn chưa được gắn với đơn vị nào. Vui lòng liên hệ quản trị viên.</p>
    </div>
  );
}
