import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect, optionsOf } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { describeAuditEntry, listAudit } from "~/lib/admin.server";
import { auditScope } from "~/domain/auth/policies";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("audit");

const PAGE_SIZE = 50;
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "audit.read");
  const url = new URL(request.url);
  const page = pageParam(url);
  const kind = oneOf(url.searchParams.get("kind"), ["changes", "sessions", "all"] as const, "changes");
  const { total, rows } = await listAudit(db, {
    page,
    pageSize: PAGE_SIZE,
    kind,
    unitIds: await auditScope(db, actor),
  });
  return {
    total,
    page,
    kind,
    rows: rows.map(describeAuditEntry),
  };
}

export default function Audit() {
  const { total, rows, page, kind } = useLoaderData<typeof loader>();
  return (
    <ListPage pager={{ page, pageSize: PAGE_SIZE, total }}>
      <FilterBar button="Xem">
        <FilterSelect
          name="kind"
          label="Loại"
          value={kind}
          options={optionsOf({ changes: "Thay đổi dữ liệu", sessions: "Đăng nhập, đăng xuất", all: "Tất cả" })}
        />
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
        empty="Chưa có mục nào."
      />
    </ListPage>
  );
}
