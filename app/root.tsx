import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Shell, type PageHandle, type ShellUser } from "~/components/shell";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { can } from "~/domain/auth/permissions";
import { primarySections, sectionsFor } from "~/domain/auth/policies";
import { getActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { unreadCount } from "~/lib/notifications.server";
import { siteTitle } from "~/lib/meta";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.css?url";
import dayPickerStyles from "react-day-picker/style.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: dayPickerStyles },
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta = siteTitle;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The page other sites frame shows no account, even to a signed-in visitor (decision 022).
  if (new URL(request.url).pathname.startsWith("/public/progress/embed")) return { user: null };
  const actor = await getActor(request, context);
  const primary = actor?.memberships[0];
  const user: ShellUser | null = actor
    ? {
        fullName: actor.fullName,
        email: actor.email,
        roleLabel: primary ? ROLE_LABELS[primary.role] : "Chưa có vai trò",
        // "Cán bộ Phòng Văn hóa - Xã hội · Phòng Văn hóa - Xã hội" says the unit twice.
        unitName: primary && !ROLE_LABELS[primary.role].includes(primary.unitName) ? primary.unitName : "",
        sections: sectionsFor(actor),
        primary: primarySections(actor),
        binLink: can(actor, "school.manage") || can(actor, "commune.manage") || can(actor, "materials.write"),
        unread: await unreadCount(db, actor.userId),
      }
    : null;
  return { user };
}

/** The header's unread count follows every navigation (an item just opened, one just arrived), not only actions. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const bare = useMatches().some((m) => (m.handle as PageHandle | undefined)?.bare);
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {bare ? (
          <main id="main" className="main main--bare">
            {children}
          </main>
        ) : (
          <Shell user={data?.user ?? null}>{children}</Shell>
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** What fails above the pages (the root loader, a route with no boundary of its own) is said the same way. */
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";
