import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { ActivityFilters } from "~/components/activity-filters";
import { DataTable } from "~/components/data-table";
import { DownloadLink, NoMatch } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { ACTIVITY_STATUS_LABELS, DELIVERY_LABELS } from "~/domain/activities/vocabulary";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { periodChoices } from "~/domain/shared/periods";
import {
  activitySort,
  invitedAmong,
  listActivities,
  listUnits,
  listVocabulary,
  organizerChoices,
  parseActivityFilter,
} from "~/lib/activities.server";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime, formatNumber } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("activities");

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const { filter, period } = parseActivityFilter(url);
  const sort = activitySort(url);
  const page = pageParam(url);
  const [result, vocabulary, organizers, units] = await Promise.all([
    listActivities(db, actor, filter, { page, pageSize: PAGE_SIZE, sort }),
    listVocabulary(db),
    organizerChoices(db, actor),
    can(actor, "commune.read")
      ? listUnits(db, { kinds: ["commune", "office", "school"], within: reachOf(actor) })
      : listUnits(db).then((u) => u.filter((x) => ownSchoolIds(actor).includes(x.id))),
  ]);
  const invited = await invitedAmong(
    db,
    actor,
    result.rows.map((r) => r.id),
  );
  return {
    ...result,
    invited,
    page,
    pageSize: PAGE_SIZE,
    sort,
    values: Object.fromEntries([...url.searchParams].filter(([k]) => k !== "page")),
    period,
    vocabulary,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    canCreate: organizers.length > 0,
  };
}

export default function Activities() {
  const d = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <ListPage
      actions={
        <>
          <Link to={`/activities/calendar${location.search}`} className="button button--ghost">
            Xem lịch tháng
          </Link>
          <DownloadLink to="/activities/export.xlsx" />
        </>
      }
      create={d.canCreate && { to: "/activities/new", label: "+ Thêm hoạt động" }}
      pager={d}
    >
      <ActivityFilters
        values={d.values}
        units={d.units}
        vocabulary={d.vocabulary}
        periods={periodChoices()}
        hidden={{ sort: d.sort }}
      />
      <p className="muted">
        {formatNumber(d.total)} hoạt động ·{" "}
        {(["newest", "oldest", "title"] as const).map((s, i) => {
          const params = new URLSearchParams(location.search);
          params.set("sort", s);
          params.delete("page");
          const label = { newest: "mới nhất trước", oldest: "cũ nhất trước", title: "theo tên" }[s];
          return (
            <span key={s}>
              {i ? " · " : "Sắp xếp: "}
              {d.sort === s ? <strong>{label}</strong> : <Link to={`?${params}`}>{label}</Link>}
            </span>
          );
        })}
      </p>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={d.rows}
        columns={[
          { header: "Thời gian", nowrap: true, cell: (a) => formatDateTime(a.starts_at) },
          {
            header: "Hoạt động",
            cell: (a) => (
              <>
                <Link to={`/activities/${a.id}`}>{a.title}</Link>
                {d.invited.includes(a.id) ? (
                  <>
                    {" "}
                    <span className="badge badge--green">Trường được mời</span>
                  </>
                ) : null}
                {a.commemoration ? (
                  <>
                    {" "}
                    <span className="badge badge--amber">Ngày {a.commemoration}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { header: "Đơn vị tổ chức", cell: (a) => a.organizer_name },
          {
            header: "Hình thức",
            className: "hide-phone",
            cell: (a) => (
              <>
                {a.form_label ?? a.form} · {DELIVERY_LABELS[a.delivery]}
              </>
            ),
          },
          {
            header: "Trạng thái",
            lead: true,
            cell: (a) => (
              <span
                className={`badge ${a.status === "held" ? "badge--green" : a.status === "cancelled" ? "badge--red" : ""}`}
              >
                {ACTIVITY_STATUS_LABELS[a.status]}
              </span>
            ),
          },
        ]}
        empty={<NoMatch what="hoạt động" />}
      />
    </ListPage>
  );
}
