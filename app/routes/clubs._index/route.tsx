import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect, SortSelect, UnitSelect } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { CLUB_FIELD_LABELS, CLUB_STATUS_LABELS, CLUB_STATUSES } from "~/domain/clubs/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { idParam, oneOf, pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { type ClubSort, listClubs, listUnits } from "~/lib/clubs.server";
import { targetGrades } from "~/domain/clubs/vocabulary";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("clubs");

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const commune = can(actor, "commune.read");
  const schoolId = commune ? (idParam(url.searchParams.get("school") ?? undefined) ?? undefined) : undefined;
  const status = url.searchParams.get("status");
  const sort = oneOf<ClubSort>(
    url.searchParams.get("sort"),
    ["name", "members", "school"],
    commune ? "school" : "name",
  );
  const page = pageParam(url);
  const result = await listClubs(db, actor, {
    schoolId,
    status: CLUB_STATUSES.find((s) => s === status),
    page,
    pageSize: PAGE_SIZE,
    sort,
  });
  const own = ownSchoolIds(actor);
  return {
    ...result,
    page,
    pageSize: PAGE_SIZE,
    sort,
    commune,
    schoolId: schoolId ?? null,
    status: status ?? "",
    schools: commune
      ? (await listUnits(db, { kinds: ["school"], within: reachOf(actor) })).map((s) => ({ id: s.id, name: s.name }))
      : [],
    canCreate: own.some((id) => can(actor, "school.manage", id)),
  };
}

export default function Clubs() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage create={d.canCreate && { to: "/clubs/new", label: "+ Đăng ký câu lạc bộ" }} pager={d}>
      <FilterBar>
        {d.commune ? (
          <UnitSelect name="school" label="Trường" value={d.schoolId} all="Tất cả các trường" units={d.schools} />
        ) : null}
        <FilterSelect
          name="status"
          label="Trạng thái"
          value={d.status}
          all="Tất cả"
          options={CLUB_STATUSES.map((x) => ({ value: x, label: CLUB_STATUS_LABELS[x] }))}
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
          {
            header: "Khối",
            cell: (c) =>
              targetGrades(c)
                .map((g) => (g === 0 ? "Mầm non" : g))
                .join(", "),
          },
          { header: "Học sinh", count: (c) => c.student_members },
          { header: "Giáo viên", count: (c) => c.teacher_members },
          { header: "Buổi sinh hoạt", count: (c) => c.meetings },
          {
            header: "Trạng thái",
            cell: (c) => (
              <span
                className={`badge ${c.status === "active" ? "badge--green" : c.status === "paused" ? "badge--amber" : ""}`}
              >
                {CLUB_STATUS_LABELS[c.status]}
              </span>
            ),
          },
        ]}
        empty={<>Chưa có câu lạc bộ nào{d.canCreate ? ". Bấm “Đăng ký câu lạc bộ” để thêm." : "."}</>}
      />
    </ListPage>
  );
}
