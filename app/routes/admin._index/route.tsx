import { reachOf } from "~/domain/auth/permissions";
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
import { ACCOUNT_STATE_LABELS, accountState, ROLE_LABELS } from "~/domain/accounts/schemas";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { DataTable } from "~/components/data-table";
import { listAccounts, listUnits, parseAccountFilter } from "~/lib/admin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Tài khoản · Quản trị");

const PAGE_SIZE = 25;
const STATE_BADGES = { active: "badge--green", locked: "badge--red", pending: "badge--amber" } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const url = new URL(request.url);
  const page = pageParam(url);
  const { filter, sort } = parseAccountFilter(url);
  const [{ total, rows }, units] = await Promise.all([
    listAccounts(db, { ...filter, page, pageSize: PAGE_SIZE, sort, within: reachOf(actor) }),
    listUnits(db, { within: reachOf(actor) }),
  ]);
  return {
    total,
    rows,
    page,
    sort,
    filter: { q: filter.q ?? "", role: filter.role ?? "", unit: filter.unitId ?? "", state: filter.state ?? "" },
    units: units.map((u) => ({ id: u.id, name: u.name })),
  };
}

export default function Accounts() {
  const { total, rows, page, sort, filter, units } = useLoaderData<typeof loader>();
  return (
    <ListPage
      title="Tài khoản"
      subtitle="Tạo tài khoản cho trường và giáo viên; cấp liên kết đặt mật khẩu dùng một lần."
      actions={<DownloadLink to="/admin/accounts/export.xlsx" />}
      create={{ to: "/admin/accounts/new", label: "+ Tạo tài khoản" }}
      pager={{ page, pageSize: PAGE_SIZE, total }}
    >
      <FilterBar role="search" label="Tìm tài khoản">
        <SearchField label="Tìm theo tên hoặc email" value={filter.q} placeholder="không cần dấu" />
        <FilterSelect name="role" label="Vai trò" value={filter.role} all="Mọi vai trò" labels={ROLE_LABELS} />
        <UnitSelect name="unit" label="Đơn vị" value={filter.unit} all="Mọi đơn vị" units={units} />
        <FilterSelect
          name="state"
          label="Trạng thái"
          value={filter.state}
          all="Mọi trạng thái"
          labels={ACCOUNT_STATE_LABELS}
        />
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
            lead: true,
            cell: (u) => {
              const state = accountState(u);
              return <span className={`badge ${STATE_BADGES[state]}`}>{ACCOUNT_STATE_LABELS[state]}</span>;
            },
          },
          { header: "Ngày tạo", cell: (u) => formatDate(u.created_at) },
        ]}
        empty={<NoMatch what="tài khoản" />}
      />
    </ListPage>
  );
}
