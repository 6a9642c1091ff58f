import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  DownloadLink,
  FilterBar,
  FilterSelect,
  NoMatch,
  SearchField,
  SortSelect,
  UnitSelect,
} from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { CLUB_FIELD_LABELS, CLUB_STATUS_LABELS, targetGradesText } from "~/domain/clubs/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { listClubs, listUnits, parseClubFilter } from "~/lib/clubs.server";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("clubs");

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const commune = can(actor, "commune.read");
  const { filter, sort } = parseClubFilter(url, actor);
  const page = pageParam(url);
  const result = await listClubs(db, actor, { ...filter, page, pageSize: PAGE_SIZE, sort });
  const own = ownSchoolIds(actor);
  return {
    ...result,
    page,
    pageSize: PAGE_SIZE,
    sort,
    commune,
    filter: {
      q: filter.q ?? "",
      school: filter.schoolId ?? "",
      status: filter.status ?? "",
      field: filter.field ?? "",
    },
    schools: commune
      ? (await listUnits(db, { kinds: ["school"], within: reachOf(actor) })).map((s) => ({ id: s.id, name: s.name }))
      : [],
    canCreate: own.some((id) => can(actor, "school.manage", id)),
  };
}

export default function Clubs() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage
      actions={<DownloadLink to="/clubs/export.xlsx" />}
      create={d.canCreate && { to: "/clubs/new", label: "+ Đăng ký câu lạc bộ" }}
      pager={d}
    >
      <FilterBar role="search" label="Tìm và lọc câu lạc bộ">
        <SearchField label="Tìm theo tên" value={d.filter.q} placeholder="không cần dấu" />
        {d.commune ? (
          <UnitSelect name="school" label="Trường" value={d.filter.school} all="Tất cả các trường" units={d.schools} />
        ) : null}
        <FilterSelect
          name="field"
          label="Lĩnh vực"
          value={d.filter.field}
          all="Mọi lĩnh vực"
          labels={CLUB_FIELD_LABELS}
        />
        <FilterSelect
          name="status"
          label="Trạng thái"
          value={d.filter.status}
          all="Tất cả"
          labels={CLUB_STATUS_LABELS}
        />
        <SortSelect
          value={d.sort}
          orders={{ name: "Theo tên", members: "Nhiều học sinh nhất", ...(d.commune ? { school: "Theo trường" } : {}) }}
        />
      </FilterBar>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={d.rows}
        columns={[
          { header: "Câu lạc bộ", cell: (c) => <Link to={`/clubs/${c.id}`}>{c.name}</Link> },
          { header: "Trường", show: d.commune, cell: (c) => c.school_name },
          { header: "Lĩnh vực", cell: (c) => CLUB_FIELD_LABELS[c.field] },
          { header: "Khối", cell: targetGradesText },
          { header: "Học sinh", count: (c) => c.student_members },
          { header: "Giáo viên", count: (c) => c.teacher_members },
          { header: "Buổi sinh hoạt", count: (c) => c.meetings },
          {
            header: "Trạng thái",
            lead: true,
            cell: (c) => (
              <span
                className={`badge ${c.status === "active" ? "badge--green" : c.status === "paused" ? "badge--amber" : ""}`}
              >
                {CLUB_STATUS_LABELS[c.status]}
              </span>
            ),
          },
        ]}
        empty={
          <NoMatch
            what="câu lạc bộ"
            none={<>Chưa có câu lạc bộ nào{d.canCreate ? ". Bấm “Đăng ký câu lạc bộ” để thêm." : "."}</>}
          />
        }
      />
    </ListPage>
  );
}
