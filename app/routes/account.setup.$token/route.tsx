import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormActions, FormError, useValidatedForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { setPasswordSchema } from "~/domain/accounts/schemas";
import { DomainError } from "~/domain/shared/errors";
import { sessionCookieHeader } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { readForm } from "~/lib/forms.server";
import { createSession, findLink, redeemLink } from "~/lib/accounts.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đặt mật khẩu", { name: "referrer", content: "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findLink(db, params.token ?? "");
  if (!link) return data({ valid: false as const }, { status: 410 });
  return {
    valid: true as const,
    email: link.email,
    fullName: link.full_name,
    purpose: link.purpose,
    expiresAt: link.expires_at,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(setPasswordSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const { userId } = await redeemLink(db, params.token ?? "", parsed.data.password, context.clientIp);
    const { token, session } = await createSession(db, userId, request.headers.get("user-agent"));
    return redirect("/?welcome=1", {
      headers: { "Set-Cookie": await sessionCookieHeader(request, token, session.expiresAt) },
    });
  } catch (e) {
    if (e instanceof DomainError) return data(failure(formData, {}, e.message), { status: 410 });
    throw e;
  }
}

export default function SetupAccount() {
  const link = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validated = useValidatedForm(setPasswordSchema, { actionData });
  if (!link.valid) {
    return (
      <div className="login card">
        <h1>Liên kết không còn hiệu lực</h1>
        <p>
          Liên kết này đã được dùng, đã hết hạn (sau 72 giờ) hoặc không đúng. Vui lòng liên hệ Phòng Văn hóa - Xã hội
          hoặc quản trị viên để được cấp liên kết mới.
        </p>
        <p>
          <Link to="/login">Đến trang đăng nhập</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="login card">
      <h1>{link.purpose === "activate" ? "Kích hoạt tài khoản" : "Đặt lại mật khẩu"}</h1>
      <p>
        Xin chào <strong>{link.fullName}</strong> ({link.email}). Hãy đặt mật khẩu để đăng nhập. Liên kết có hiệu lực
        đến {formatDateTime(link.expiresAt)} và chỉ dùng được một lần.
      </p>
      <FormError message={validated.formError} />
      <Form method="post" noValidate onSubmit={validated.onSubmit}>
        <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
        <NewPasswordFields form={validated} confirmLabel="Nhập lại mật khẩu" />
        <FormActions label="Đặt mật khẩu và đăng nhập" busy={navigation.state === "submitting"} />
      </Form>
    </div>
  );
}
