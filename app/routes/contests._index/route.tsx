import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect, SortSelect, YEARS } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { can, reachOf } from "~/domain/auth/permissions";
import { CONTEST_LEVEL_LABELS, contestFieldLabel } from "~/domain/contests/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateRange } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { awardsBySchool, contestOrganizerFor, type ContestSort, listContests } from "~/lib/contests.server";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("contests");

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
    pageSize: PAGE_SIZE,
    sort,
    year: year ?? "",
    canCreate: !!organizer,
    awards: can(actor, "commune.read") ? await awardsBySchool(db, year, reachOf(actor)) : null,
  };
}

export default function Contests() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage create={d.canCreate && { to: "/contests/new", label: "+ Đăng ký cuộc thi" }} pager={d}>
      <FilterBar>
        <FilterSelect name="year" label="Năm" value={d.year} all="Mọi năm" options={YEARS} />
        <SortSelect value={d.sort} orders={{ newest: "Mới nhất trước", name: "Theo tên" }} />
      </FilterBar>
      {d.awards ? (
        <section aria-labelledby="awards-title" className="card">
          <h2 id="awards-title">Bài dự thi và giải thưởng theo trường</h2>
          <DataTable
            label="Giải thưởng theo trường"
            rows={d.awards}
            columns={[
              { header: "Trường", cell: (a) => a.school },
              { header: "Bài dự thi", count: (a) => a.entries },
              { header: "Nhất", count: (a) => a.first },
              { header: "Nhì", count: (a) => a.second },
              { header: "Ba", count: (a) => a.third },
              { header: "Khuyến khích", count: (a) => a.consolation },
            ]}
            empty="Chưa có bài dự thi."
          />
        </section>
      ) : null}
      <DataTable
        label="Danh sách cuộc thi"
        rows={d.rows}
        columns={[
          { header: "Cuộc thi", name: (c) => ({ text: c.name, to: `/contests/${c.id}`, note: c.organizer_name }) },
          { header: "Cấp", cell: (c) => CONTEST_LEVEL_LABELS[c.level] },
          {
            header: "Lĩnh vực",
            className: "hide-phone",
            cell: (c) => contestFieldLabel(c.field),
          },
          { header: "Thời gian", nowrap: true, cell: (c) => formatDateRange(c.starts_on, c.ends_on) },
          { header: "Bài dự thi", count: (c) => c.entries },
          { header: "Đạt giải", count: (c) => c.awards },
        ]}
        empty="Chưa có cuộc thi nào."
      />
    </ListPage>
  );
}
