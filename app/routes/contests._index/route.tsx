import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect, YEARS } from "~/components/filters";
import { Pager } from "~/components/pager";
import { DeletedNotice, PageHeader } from "~/components/shell";
import { can, reachOf } from "~/domain/auth/permissions";
import { awardsBySchool, contestOrganizerFor, listContests, type ContestSort } from "~/domain/contests/contests";
import { CONTEST_FIELD_LABELS, CONTEST_LEVEL_LABELS } from "~/domain/contests/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatNumber, formatDateRange } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { EmptyRow, TableWrap } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Cuộc thi · Tân An STEM" }];

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const page = pageParam(url);
  const sort = oneOf<ContestSort>(url.searchParams.get("sort"), ["newest", "name"], "newest");
  const yearText = url.searchParams.get("year");
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const [list, organizer] = await Promise.all([
    listContests(db, actor, { page, pageSize: PAGE_SIZE, sort, year }),
    contestOrganizerFor(db, actor),
  ]);
  return {
    ...list,
    page,
    sort,
    year: year ?? "",
    canCreate: !!organizer,
    awards: can(actor, "commune.read") ? await awardsBySchool(db, year, reachOf(actor)) : null,
  };
}

export default function Contests() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Cuộc thi khoa học, sáng tạo"
        subtitle="Cuộc thi các cấp, bài dự thi của học sinh và kết quả (mục III.2.7 của Kế hoạch)."
        actions={
          d.canCreate ? (
            <Link to="/contests/new" className="button">
              + Đăng ký cuộc thi
            </Link>
          ) : null
        }
      />
      <DeletedNotice />
      <FilterBar>
        <FilterSelect name="year" label="Năm" value={d.year} all="Mọi năm" options={YEARS} />
        <FilterSelect
          name="sort"
          label="Sắp xếp"
          value={d.sort}
          options={[
            { value: "newest", label: "Mới nhất trước" },
            { value: "name", label: "Theo tên" },
          ]}
        />
      </FilterBar>
      {d.awards ? (
        <section aria-labelledby="awards-title" className="card">
          <h2 id="awards-title">Bài dự thi và giải thưởng theo trường</h2>
          <TableWrap label="Giải thưởng theo trường">
            <table>
              <thead>
                <tr>
                  <th scope="col">Trường</th>
                  <th scope="col" className="num">
                    Bài dự thi
                  </th>
                  <th scope="col" className="num">
                    Nhất
                  </th>
                  <th scope="col" className="num">
                    Nhì
                  </th>
                  <th scope="col" className="num">
                    Ba
                  </th>
                  <th scope="col" className="num">
                    Khuyến khích
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.awards.map((a) => (
                  <tr key={a.schoolId}>
                    <td>{a.school}</td>
                    <td className="num">{formatNumber(a.entries)}</td>
                    <td className="num">{formatNumber(a.first)}</td>
                    <td className="num">{formatNumber(a.second)}</td>
                    <td className="num">{formatNumber(a.third)}</td>
                    <td className="num">{formatNumber(a.consolation)}</td>
                  </tr>
                ))}
                <EmptyRow show={d.awards.length === 0} colSpan={6}>
                  Chưa có bài dự thi.
                </EmptyRow>
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      <TableWrap label="Danh sách cuộc thi">
        <table>
          <thead>
            <tr>
              <th scope="col">Cuộc thi</th>
              <th scope="col">Cấp</th>
              <th scope="col" className="hide-phone">
                Lĩnh vực
              </th>
              <th scope="col">Thời gian</th>
              <th scope="col" className="num">
                Bài dự thi
              </th>
              <th scope="col" className="num">
                Đạt giải
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/contests/${c.id}`}>{c.name}</Link>
                  <div className="muted">{c.organizer_name}</div>
                </td>
                <td>{CONTEST_LEVEL_LABELS[c.level]}</td>
                <td className="hide-phone">
                  {CONTEST_FIELD_LABELS[c.field as keyof typeof CONTEST_FIELD_LABELS] ?? c.field}
                </td>
                <td style={{ whiteSpace: "nowrap" }}>{formatDateRange(c.starts_on, c.ends_on)}</td>
                <td className="num">{formatNumber(c.entries)}</td>
                <td className="num">{formatNumber(c.awards)}</td>
              </tr>
            ))}
            <EmptyRow show={d.rows.length === 0} colSpan={6}>
              Chưa có cuộc thi nào.
            </EmptyRow>
          </tbody>
        </table>
      </TableWrap>
      <Pager page={d.page} pageSize={PAGE_SIZE} total={d.total} />
    </>
  );
}
