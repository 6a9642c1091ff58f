import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormError, TextField, useValidatedForm } from "~/components/forms";
import { PageHeader } from "~/components/shell";
import { changeOwnPassword } from "~/domain/accounts/accounts";
import { changePasswordSchema } from "~/domain/accounts/schemas";
import { DomainError } from "~/domain/shared/errors";
import { clearSessionCookieHeader, requireActor, sessionCookieHeader } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Đổi mật khẩu · Tân An STEM" }];

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
  const { form, onSubmit, errorFor, formError } = useValidatedForm(changePasswordSchema, { actionData });
  return (
    <>
      <PageHeader
        title="Đổi mật khẩu"
        subtitle="Sau khi đổi, các phiên đăng nhập khác của bạn (trên máy hoặc điện thoại khác) sẽ bị đăng xuất."
      />
      {actionData?.ok ? (
        <div className="alert alert--success" role="status">
          Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất.
        </div>
      ) : null}
      <FormError message={formError} />
      <Form
        method="post"
        noValidate
        onSubmit={onSubmit}
        className="card form"
        key={actionData?.ok ? "changed" : "form"}
      >
        <TextField
          label="Mật khẩu hiện tại"
          type="password"
          autoComplete="current-password"
          reg={form.register("current")}
          error={errorFor("current")}
        />
        <TextField
          label="Mật khẩu mới"
          type="password"
          autoComplete="new-password"
          reg={form.register("password")}
          error={errorFor("password")}
          hint="Ít nhất 10 ký tự, có cả chữ và số."
        />
        <TextField
          label="Nhập lại mật khẩu mới"
          type="password"
          autoComplete="new-password"
          reg={form.register("confirm")}
          error={errorFor("confirm")}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Đổi mật khẩu
          </button>
        </div>
      </Form>
    </>
  );
}
