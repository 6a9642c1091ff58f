import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DownloadLink, FilterBar, FilterSelect, NoMatch, SearchField } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "~/domain/audit/vocabulary";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { describeAuditEntry, listAudit, parseAuditFilter } from "~/lib/admin.server";
import { auditScope } from "~/domain/auth/policies";
import { pageOf } from "~/components/page-texts";
import { DateInput } from "~/components/date-fields";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("audit");

const PAGE_SIZE = 50;
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "audit.read");
  const url = new URL(request.url);
  const page = pageParam(url);
  const filter = parseAuditFilter(url);
  const { total, rows } = await listAudit(db, {
    ...filter,
    page,
    pageSize: PAGE_SIZE,
    unitIds: await auditScope(db, actor),
  });
  return {
    total,
    page,
    filter,
    rows: rows.map(describeAuditEntry),
  };
}

export default function Audit() {
  const { total, rows, page, filter } = useLoaderData<typeof loader>();
  return (
    <ListPage actions={<DownloadLink to="/admin/audit/export.xlsx" />} pager={{ page, pageSize: PAGE_SIZE, total }}>
      <FilterBar role="search" label="Tìm trong nhật ký" button="Xem">
        <FilterSelect
          name="kind"
          label="Loại"
          value={filter.kind}
          labels={{ changes: "Thay đổi dữ liệu", sessions: "Đăng nhập, đăng xuất", all: "Tất cả" }}
        />
        <SearchField label="Người thực hiện (tên hoặc email)" value={filter.q ?? ""} placeholder="không cần dấu" />
        <FilterSelect
          name="action"
          label="Thao tác"
          value={filter.action}
          all="Mọi thao tác"
          labels={AUDIT_ACTION_LABELS}
        />
        <FilterSelect
          name="entity"
          label="Đối tượng"
          value={filter.entity}
          all="Mọi đối tượng"
          labels={AUDIT_ENTITY_LABELS}
        />
        <div className="field">
          <label htmlFor="filter-from">Từ ngày</label>
          <DateInput id="filter-from" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">Đến ngày</label>
          <DateInput id="filter-to" name="to" defaultValue={filter.to ?? ""} />
        </div>
      </FilterBar>
      <DataTable
        label="Nhật ký thay đổi"
        rows={rows}
        columns={[
          { header: "Thời điểm", nowrap: true, cell: (r) => formatDateTime(r.at) },
          { header: "Người thực hiện", cell: (r) => r.actor },
          {
            header: "Thao tác",
            cell: (r) => (
              <>
                {`${r.action}: ${r.entity} ${r.target}`.trim()}
                {r.unit ? <div className="muted">{r.unit}</div> : null}
              </>
            ),
          },
          {
            header: "Nội dung",
            cell: (r) =>
              r.changes.length ? (
                <ul className="changes">
                  {r.changes.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{r.ip ? `Địa chỉ ${r.ip}` : ""}</span>
              ),
          },
        ]}
        empty={<NoMatch what="mục" none="Chưa có mục nào." />}
      />
    </ListPage>
  );
}
