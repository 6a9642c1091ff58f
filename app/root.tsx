import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Shell, type ShellUser } from "~/components/shell";
import { ROLE_LABELS } from "~/domain/accounts/schemas";
import { can } from "~/domain/auth/permissions";
import { sectionsFor } from "~/domain/auth/policies";
import { getActor } from "~/lib/auth.server";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Tân An STEM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
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
        binLink: can(actor, "school.manage") || can(actor, "commune.manage") || can(actor, "materials.write"),
      }
    : null;
  return { user };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell user={data?.user ?? null}>{children}</Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const STATUS_TEXT: Record<number, { title: string; text: string }> = {
  400: { title: "Yêu cầu không hợp lệ", text: "Dữ liệu gửi lên không đúng. Vui lòng kiểm tra và thử lại." },
  403: { title: "Không có quyền truy cập", text: "Tài khoản của bạn không được phép xem hoặc thay đổi nội dung này." },
  404: {
    title: "Không tìm thấy trang",
    text: "Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc bạn không có quyền xem.",
  },
  405: { title: "Thao tác không được hỗ trợ", text: "Trang này không nhận thao tác bạn vừa gửi." },
  429: { title: "Quá nhiều yêu cầu", text: "Vui lòng chờ một lát rồi thử lại." },
  503: { title: "Máy chủ tạm thời bận", text: "Vui lòng thử lại sau ít giây; dữ liệu đã lưu không bị mất." },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = STATUS_TEXT[status] ?? {
    title: "Đã có lỗi xảy ra",
    text: "Hệ thống gặp sự cố. Vui lòng thử lại sau hoặc báo cho quản trị viên.",
  };
  const detail = isRouteErrorResponse(error) && typeof error.data?.message === "string" ? error.data.message : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">Lỗi {status}</p>
      <h1 id="error-title">{known.title}</h1>
      <p>{detail ?? known.text}</p>
      <p>
        <a href="/" className="button">
          Về trang chủ
        </a>
      </p>
    </section>
  );
}
