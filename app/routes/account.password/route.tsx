import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormActions, FormError, TextField, useValidatedForm } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { Notice, PageHeader } from "~/components/shell";
import { changePasswordSchema } from "~/domain/accounts/schemas";
import { DomainError } from "~/domain/shared/errors";
import { clearSessionCookieHeader, requireActor, sessionCookieHeader } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { changeOwnPassword } from "~/lib/accounts.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Đổi mật khẩu");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await readForm(request);
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const { token, expiresAt } = await changeOwnPassword(
      db,
      actor,
      parsed.data.current,
      parsed.data.password,
      context.clientIp,
    );
    return data(
      { ok: true as const },
      { headers: { "Set-Cookie": await sessionCookieHeader(request, token, expiresAt) } },
    );
  } catch (e) {
    if (e instanceof DomainError && e.field === "locked") {
      throw redirect("/login", { headers: { "Set-Cookie": await clearSessionCookieHeader(request) } });
    }
    return domainFailure(e, formData);
  }
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validated = useValidatedForm(changePasswordSchema, { actionData });
  return (
    <>
      <PageHeader
        title="Đổi mật khẩu"
        subtitle="Sau khi đổi, các phiên đăng nhập khác của bạn (trên máy hoặc điện thoại khác) sẽ bị đăng xuất."
      />
      <Notice when={actionData?.ok}>Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất.</Notice>
      <FormError message={validated.formError} />
      <Form
        method="post"
        noValidate
        onSubmit={validated.onSubmit}
        className="card form"
        key={actionData?.ok ? "changed" : "form"}
      >
        <TextField
          label="Mật khẩu hiện tại"
          type="password"
          autoComplete="current-password"
          {...validated.bindPassword("current")}
        />
        <NewPasswordFields form={validated} confirmLabel="Nhập lại mật khẩu mới" />
        <FormActions label="Đổi mật khẩu" busy={navigation.state === "submitting"} />
      </Form>
    </>
  );
}
