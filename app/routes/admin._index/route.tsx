import { reachOf } from "~/domain/auth/permissions";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, SearchField, SortSelect } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { type AccountSort, listAccounts } from "~/lib/admin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Tài khoản · Quản trị");

const PAGE_SIZE = 25;
const SORTS = ["name", "email", "created"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const url = new URL(request.url);
  const page = pageParam(url);
  const sort = oneOf<AccountSort>(url.searchParams.get("sort"), SORTS, "name");
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const { total, rows } = await listAccounts(db, {
    page,
    pageSize: PAGE_SIZE,
    sort,
    q: q || undefined,
    within: reachOf(actor),
  });
  return { total, rows, page, sort, q };
}

export default function Accounts() {
  const { total, rows, page, sort, q } = useLoaderData<typeof loader>();
  return (
    <ListPage
      title="Tài khoản"
      subtitle="Tạo tài khoản cho trường và giáo viên; cấp liên kết đặt mật khẩu dùng một lần."
      create={{ to: "/admin/accounts/new", label: "+ Tạo tài khoản" }}
      pager={{ page, pageSize: PAGE_SIZE, total }}
    >
      <FilterBar role="search" label="Tìm tài khoản">
        <SearchField label="Tìm theo tên hoặc email" value={q} />
        <SortSelect value={sort} orders={{ name: "Theo tên", email: "Theo email", created: "Mới tạo trước" }} />
      </FilterBar>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={rows}
        columns={[
          { header: "Họ và tên", cell: (u) => <Link to={`/admin/accounts/${u.id}`}>{u.full_name}</Link> },
          { header: "Email", cell: (u) => u.email },
          {
            header: "Vai trò · Đơn vị",
            cell: (u) =>
              u.memberships.map((m, i) => (
                <div key={i}>
                  {ROLE_LABELS[m.role]} · {m.unitName}
                </div>
              )),
          },
          {
            header: "Trạng thái",
            cell: (u) =>
              !u.is_active ? (
                <span className="badge badge--red">Đã khóa</span>
              ) : u.hasPassword ? (
                <span className="badge badge--green">Đang hoạt động</span>
              ) : (
                <span className="badge badge--amber">Chờ kích hoạt</span>
              ),
          },
          { header: "Ngày tạo", cell: (u) => formatDate(u.created_at) },
        ]}
        empty="Không có tài khoản nào phù hợp."
      />
    </ListPage>
  );
}
