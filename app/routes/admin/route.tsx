import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";

import { forbidden, requireActor } from "~/lib/auth.server";
import { mayOpenAdmin, mayReadAudit, mayWatchMail } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!mayOpenAdmin(actor)) forbidden();
  return { canAudit: mayReadAudit(actor), canWatchMail: mayWatchMail(actor) };
}

export default function AdminLayout() {
  const { canAudit, canWatchMail } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <nav className="tabs" aria-label="Quản trị">
        <NavLink
          to="/admin"
          end
          className={() => (/^\/admin(\/accounts.*)?\/?$/.test(location.pathname) ? "active" : "")}
        >
          Tài khoản
        </NavLink>
        <NavLink to="/admin/units">Đơn vị</NavLink>
        {canAudit ? <NavLink to="/admin/audit">Nhật ký thay đổi</NavLink> : null}
        {canWatchMail ? <NavLink to="/admin/mail">Thư điện tử</NavLink> : null}
      </nav>
      <Outlet />
    </>
  );
}
