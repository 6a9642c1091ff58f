import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormActions, FormError, SelectField, TextField, useValidatedForm } from "~/components/forms";
import { OneTimeLink } from "~/components/onetime-link";
import { PageHeader } from "~/components/shell";
import { createAccountSchema, ROLE_LABELS } from "~/domain/accounts/schemas";
import { reachOf } from "~/domain/auth/permissions";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { accountLinkUrl } from "~/lib/links.server";
import { domainFailure, readForm } from "~/lib/forms.server";
import { grantableRoles } from "~/domain/auth/policies";
import { createAccount, listUnits } from "~/lib/admin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Tạo tài khoản");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const roles = grantableRoles(actor);
  const kinds = [...new Set(roles.flatMap((r) => r.unitKinds))];
  const units = await listUnits(db, { kinds, within: reachOf(actor) });
  const preset = new URL(request.url).searchParams.get("unitId") ?? "";
  return { roles, units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })), preset };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "accounts.manage");
  const formData = await readForm(request);
  const parsed = parseForm(createAccountSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const { userId, link } = await createAccount(db, actor, parsed.data, context.clientIp);
    return {
      ok: true as const,
      userId,
      email: parsed.data.email,
      url: accountLinkUrl(request, link.token),
      expiresAt: link.expiresAt,
    };
  } catch (e) {
    return domainFailure(e, formData);
  }
}

export default function NewAccount() {
  const { roles, units, preset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, onSubmit, value, bind, formError } = useValidatedForm(createAccountSchema, {
    actionData: actionData?.ok ? undefined : actionData,
    defaults: { unitId: preset },
  });
  const role = form.watch("role") ?? value("role");
  const allowedKinds = roles.find((r) => r.role === role)?.unitKinds;
  const unitOptions = units.filter((u) => !allowedKinds || allowedKinds.includes(u.kind));

  if (actionData?.ok) {
    return (
      <>
        <PageHeader title="Đã tạo tài khoản" />
        <OneTimeLink
          title={`Tài khoản ${actionData.email} đã được tạo.`}
          url={actionData.url}
          expiresAt={actionData.expiresAt}
        />
        <p className="form-actions">
          <Link to={`/admin/accounts/${actionData.userId}`} className="button button--ghost">
            Xem tài khoản
          </Link>
          <a href="/admin/accounts/new" className="button button--ghost">
            Tạo tài khoản khác
          </a>
          <Link to="/admin">Về danh sách tài khoản</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Tạo tài khoản"
        subtitle="Người dùng sẽ tự đặt mật khẩu bằng liên kết dùng một lần (hiệu lực 72 giờ)."
      />
      <FormError message={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="card form">
        <TextField label="Họ và tên" autoComplete="off" required {...bind("fullName")} />
        <TextField
          label="Email"
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          {...bind("email")}
          hint="Dùng làm tên đăng nhập."
        />
        <TextField label="Số điện thoại (không bắt buộc)" type="tel" inputMode="tel" {...bind("phone")} />
        <SelectField
          label="Vai trò"
          required
          {...bind("role")}
          placeholder="— Chọn vai trò —"
          options={roles.map((r) => ({ value: r.role, label: ROLE_LABELS[r.role] }))}
        />
        <SelectField
          label="Đơn vị"
          required
          {...bind("unitId")}
          placeholder="— Chọn đơn vị —"
          options={unitOptions.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <FormActions label="Tạo tài khoản" cancelTo="/admin" busy={navigation.state === "submitting"} />
      </Form>
    </>
  );
}
