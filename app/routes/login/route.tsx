import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormActions, FormError, TextField, useValidatedForm } from "~/components/forms";
import { loginSchema } from "~/domain/accounts/schemas";
import { attemptLogin, getActor, safeRedirectPath, sessionCookieHeader } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { readForm } from "~/lib/forms.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đăng nhập");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  if (actor) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await attemptLogin(db, {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
  });
  if (!result.ok) {
    if (result.reason === "locked") {
      return data(
        failure(
          formData,
          {},
          `Đăng nhập tạm thời bị khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau ${formatDateTime(result.lockedUntil)}.`,
        ),
        {
          status: 429,
        },
      );
    }
    if (result.reason === "disabled") {
      return data(
        failure(
          formData,
          {},
          "Tài khoản này đang bị khóa. Vui lòng liên hệ Phòng Văn hóa - Xã hội hoặc quản trị viên để được mở khóa.",
        ),
        {
          status: 403,
        },
      );
    }
    return data(failure(formData, {}, "Email hoặc mật khẩu không đúng."), { status: 401 });
  }
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await sessionCookieHeader(request, result.token, result.expiresAt) },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { onSubmit, bind, bindPassword, formError } = useValidatedForm(loginSchema, { actionData });
  const busy = navigation.state !== "idle";
  return (
    <div className="login card">
      <h1>Đăng nhập</h1>
      <p className="muted">Dành cho cán bộ xã, ban giám hiệu và giáo viên các trường trên địa bàn xã Tân An.</p>
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField label="Email" type="email" autoComplete="username" inputMode="email" required {...bind("email")} />
        <TextField
          label="Mật khẩu"
          type="password"
          autoComplete="current-password"
          required
          {...bindPassword("password")}
        />
        <FormActions label={busy ? "Đang đăng nhập…" : "Đăng nhập"} busy={busy} />
      </Form>
      <p className="muted">
        Quên mật khẩu? Liên hệ Phòng Văn hóa - Xã hội hoặc quản trị viên để được cấp liên kết đặt lại mật khẩu.
      </p>
      <p>
        <Link to="/public">Xem học liệu số công khai của xã (không cần đăng nhập)</Link>
      </p>
    </div>
  );
}
