import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";

import { forbidden, requireActor } from "~/lib/auth.server";
import { mayOpenAdmin, mayReadAudit } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!mayOpenAdmin(actor)) forbidden();
  return { canAudit: mayReadAudit(actor) };
}

export default function AdminLayout() {
  const { canAudit } = useLoaderData<typeof loader>();
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
      </nav>
      <Outlet />
    </>
  );
}
