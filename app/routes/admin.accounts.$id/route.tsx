import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { OneTimeLink } from "~/components/onetime-link";
import { PageHeader } from "~/components/shell";
import type { Actor } from "~/domain/auth/permissions";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { DomainError } from "~/domain/shared/errors";
import { notFound, requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { accountLinkUrl } from "~/lib/links.server";
import { idParam } from "~/lib/params";
import { readForm } from "~/lib/forms.server";
import { canManageUser, maySeeAccount } from "~/domain/auth/policies";
import { accountDetail, issueResetLink, liftLoginLock, setUserActive } from "~/lib/admin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Tài khoản · Quản trị");

/** The account a page is about: 404 when there is none or it lies outside the actor's reach. */
async function requireAccount(actor: Actor, id: string | undefined) {
  const userId = idParam(id);
  const account = userId ? await accountDetail(db, userId) : undefined;
  if (!account || !(await maySeeAccount(db, actor, account.user.id))) notFound();
  return account;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const { user, memberships } = await requireAccount(actor, params.id);
  return { user, memberships, canManage: await canManageUser(db, actor, user.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const { user } = await requireAccount(actor, params.id);
  const intent = (await readForm(request)).get("intent");
  try {
    if (intent === "reset-link") {
      const link = await issueResetLink(db, actor, user.id, context.clientIp);
      return {
        ok: true as const,
        kind: "link" as const,
        url: accountLinkUrl(request, link.token),
        expiresAt: link.expiresAt,
        message: "",
      };
    }
    if (intent === "unlock") {
      await liftLoginLock(db, actor, user.id, context.clientIp);
      return {
        ok: true as const,
        kind: "status" as const,
        url: "",
        expiresAt: "",
        message: "Đã mở tạm khóa đăng nhập: người dùng đăng nhập lại được ngay.",
      };
    }
    if (intent === "deactivate" || intent === "activate") {
      await setUserActive(db, actor, user.id, intent === "activate", context.clientIp);
      return {
        ok: true as const,
        kind: "status" as const,
        url: "",
        expiresAt: "",
        message: intent === "activate" ? "Đã mở khóa tài khoản." : "Đã khóa tài khoản và đăng xuất mọi phiên.",
      };
    }
  } catch (e) {
    if (e instanceof DomainError) return data({ ok: false as const, formError: e.message }, { status: 403 });
    throw e;
  }
  return data({ ok: false as const, formError: "Thao tác không hợp lệ." }, { status: 400 });
}

export default function AccountDetail() {
  const { user, memberships, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={user.full_name}
        subtitle={user.email}
        actions={<Link to="/admin">‹ Danh sách tài khoản</Link>}
      />
      {actionData && !actionData.ok ? <FormError message={actionData.formError} /> : null}
      {actionData?.ok && actionData.kind === "link" ? (
        <OneTimeLink title="Đã cấp liên kết đặt lại mật khẩu." url={actionData.url} expiresAt={actionData.expiresAt} />
      ) : null}
      {actionData?.ok && actionData.kind === "status" ? (
        <div className="alert alert--success" role="status">
          {actionData.message}
        </div>
      ) : null}
      <div className="card">
        <dl>
          <dt>Vai trò</dt>
          <dd>
            {memberships.map((m, i) => (
              <div key={i}>
                {ROLE_LABELS[m.role]} · {m.name}
              </div>
            ))}
          </dd>
          <dt>Số điện thoại</dt>
          <dd>{user.phone || "—"}</dd>
          <dt>Trạng thái</dt>
          <dd>
            {!user.is_active ? "Đã khóa" : user.hasPassword ? "Đang hoạt động" : "Chờ kích hoạt (chưa đặt mật khẩu)"}
          </dd>
          {user.lockedUntil ? (
            <>
              <dt>Đăng nhập</dt>
              <dd className="status-behind">
                Đang tạm khóa đến {formatDateTime(user.lockedUntil)} do nhập sai mật khẩu nhiều lần
              </dd>
            </>
          ) : null}
          <dt>Ngày tạo</dt>
          <dd>{formatDateTime(user.created_at)}</dd>
          <dt>Đổi mật khẩu lần cuối</dt>
          <dd>{user.password_changed_at ? formatDateTime(user.password_changed_at) : "—"}</dd>
        </dl>
      </div>
      {canManage ? (
        <div className="form-actions">
          {user.lockedUntil ? (
            <Form method="post">
              <button type="submit" name="intent" value="unlock" className="button">
                Mở tạm khóa đăng nhập
              </button>
            </Form>
          ) : null}
          {user.is_active ? (
            <Form method="post">
              <button type="submit" name="intent" value="reset-link" className="button">
                {user.hasPassword ? "Cấp liên kết đặt lại mật khẩu" : "Cấp lại liên kết kích hoạt"}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            {user.is_active ? (
              <details className="confirm">
                <summary className="button button--danger">Khóa tài khoản…</summary>
                <p>
                  Người dùng sẽ bị đăng xuất ngay trên mọi thiết bị và không đăng nhập được cho đến khi được mở khóa.
                  Liên kết chưa dùng sẽ mất hiệu lực.
                </p>
                <button type="submit" name="intent" value="deactivate" className="button button--danger">
                  Xác nhận khóa tài khoản
                </button>
              </details>
            ) : (
              <button type="submit" name="intent" value="activate" className="button button--ghost">
                Mở khóa tài khoản
              </button>
            )}
          </Form>
        </div>
      ) : (
        <p className="muted">Bạn chỉ xem được tài khoản này; việc thay đổi thuộc quyền quản trị hệ thống.</p>
      )}
    </>
  );
}
