import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/shell";
import { listAudit } from "~/domain/audit/audit";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/lib/format";
import { pageParam } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "Nhật ký thay đổi · Tân An STEM" }];

const PAGE_SIZE = 50;
const ACTION_LABELS: Record<string, string> = {
  create: "Tạo mới",
  update: "Sửa",
  delete: "Xóa",
  login: "Đăng nhập",
  logout: "Đăng xuất",
  password_change: "Đổi mật khẩu",
  link_issue: "Cấp liên kết",
  link_redeem: "Dùng liên kết",
  deactivate: "Khóa",
  activate: "Mở khóa",
  lockout: "Tạm khóa đăng nhập",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "audit.read");
  const page = pageParam(new URL(request.url));
  const { total, rows } = await listAudit(db, { page, pageSize: PAGE_SIZE });
  return { total, rows, page };
}

export default function Audit() {
  const { total, rows, page } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Nhật ký thay đổi" subtitle="Ai đã thay đổi gì, lúc nào, trước và sau." />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th scope="col">Người thực hiện</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Đối tượng</th>
              <th scope="col">Trước → Sau</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor_name ?? "Hệ thống"}</td>
                <td>{ACTION_LABELS[r.action] ?? r.action}</td>
                <td>
                  {r.entity} {r.entity_id ? `#${r.entity_id}` : ""}
                  {r.unit_name ? <div className="muted">{r.unit_name}</div> : null}
                </td>
                <td>
                  <code style={{ fontSize: ".8rem", wordBreak: "break-all" }}>
                    {r.before_json ?? "∅"} → {r.after_json ?? "∅"}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
