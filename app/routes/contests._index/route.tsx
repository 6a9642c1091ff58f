import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DownloadLink, FilterBar, FilterSelect, NoMatch, SearchField, SortSelect, YEARS } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { can, reachOf } from "~/domain/auth/permissions";
import {
  CONTEST_LEVEL_LABELS,
  CONTEST_STATUS_LABELS,
  contestFieldLabel,
  contestStatus,
} from "~/domain/contests/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateRange } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { awardsBySchool, contestOrganizerFor, listContests, parseContestFilter } from "~/lib/contests.server";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("contests");

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const page = pageParam(url);
  const { filter, sort } = parseContestFilter(url);
  const year = filter.year;
  const [list, organizer] = await Promise.all([
    listContests(db, actor, { ...filter, page, pageSize: PAGE_SIZE, sort }),
    contestOrganizerFor(db, actor),
  ]);
  return {
    ...list,
    page,
    pageSize: PAGE_SIZE,
    sort,
    filter: { q: filter.q ?? "", year: year ?? "", level: filter.level ?? "", status: filter.status ?? "" },
    canCreate: !!organizer,
    awards: can(actor, "commune.read") ? await awardsBySchool(db, year, reachOf(actor)) : null,
  };
}

export default function Contests() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage
      actions={<DownloadLink to="/contests/export.xlsx" />}
      create={d.canCreate && { to: "/contests/new", label: "+ Đăng ký cuộc thi" }}
      pager={d}
    >
      <FilterBar role="search" label="Tìm và lọc cuộc thi">
        <SearchField label="Tìm theo tên" value={d.filter.q} placeholder="không cần dấu" />
        <FilterSelect name="year" label="Năm" value={d.filter.year} all="Mọi năm" options={YEARS} />
        <FilterSelect name="level" label="Cấp" value={d.filter.level} all="Mọi cấp" labels={CONTEST_LEVEL_LABELS} />
        <FilterSelect
          name="status"
          label="Tình trạng"
          value={d.filter.status}
          all="Tất cả"
          labels={CONTEST_STATUS_LABELS}
        />
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
          {
            header: "Tình trạng",
            className: "hide-phone",
            cell: (c) => CONTEST_STATUS_LABELS[contestStatus(c, d.today)],
          },
          { header: "Bài dự thi", count: (c) => c.entries },
          { header: "Đạt giải", count: (c) => c.awards },
        ]}
        empty={<NoMatch what="cuộc thi" />}
      />
    </ListPage>
  );
}
