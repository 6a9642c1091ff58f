import { reachOf } from "~/domain/auth/permissions";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect } from "~/components/filters";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/shell";
import { listAccounts, type AccountSort } from "~/domain/accounts/accounts";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { EmptyRow, TableWrap } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Tài khoản · Quản trị · Tân An STEM" }];

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
    <>
      <PageHeader
        title="Tài khoản"
        subtitle="Tạo tài khoản cho trường và giáo viên; cấp liên kết đặt mật khẩu dùng một lần."
        actions={
          <Link to="/admin/accounts/new" className="button">
            + Tạo tài khoản
          </Link>
        }
      />
      <FilterBar role="search" label="Tìm tài khoản">
        <div className="field">
          <label htmlFor="q">Tìm theo tên hoặc email</label>
          <input id="q" name="q" defaultValue={q} />
        </div>
        <FilterSelect
          name="sort"
          label="Sắp xếp"
          value={sort}
          options={[
            { value: "name", label: "Theo tên" },
            { value: "email", label: "Theo email" },
            { value: "created", label: "Mới tạo trước" },
          ]}
        />
      </FilterBar>
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <thead>
            <tr>
              <th scope="col">Họ và tên</th>
              <th scope="col">Email</th>
              <th scope="col">Vai trò · Đơn vị</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Ngày tạo</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/accounts/${u.id}`}>{u.full_name}</Link>
                </td>
                <td>{u.email}</td>
                <td>
                  {u.memberships.map((m, i) => (
                    <div key={i}>
                      {ROLE_LABELS[m.role]} · {m.unitName}
                    </div>
                  ))}
                </td>
                <td>
                  {!u.is_active ? (
                    <span className="badge badge--red">Đã khóa</span>
                  ) : u.hasPassword ? (
                    <span className="badge badge--green">Đang hoạt động</span>
                  ) : (
                    <span className="badge badge--amber">Chờ kích hoạt</span>
                  )}
                </td>
                <td>{formatDate(u.created_at)}</td>
              </tr>
            ))}
            <EmptyRow show={rows.length === 0} colSpan={5}>
              Không có tài khoản nào phù hợp.
            </EmptyRow>
          </tbody>
        </table>
      </TableWrap>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
