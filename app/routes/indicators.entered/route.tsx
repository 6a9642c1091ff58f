import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect } from "~/components/filters";
import { FormActions, FormError, TextField, useValidatedForm } from "~/components/forms";
import { BackLink, Notice, PageHeader } from "~/components/shell";
import { can, ownSchoolIds, type Actor } from "~/domain/auth/permissions";
import { enteredFiguresSchema } from "~/domain/indicators/schemas";
import { periodChoices } from "~/domain/shared/periods";
import { forbidden, notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDateTime } from "~/domain/shared/format";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { actorCommuneId, currentHalf, enteredFiguresOf, getUnit, saveEnteredFigure } from "~/lib/indicators.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Nhập số liệu");

/** A school administrator enters their school's figures; commune staff the commune's own. */
async function enteringUnit(actor: Actor): Promise<{ unitId: number; scope: "school" | "commune" }> {
  const school = ownSchoolIds(actor).find((id) => can(actor, "school.manage", id));
  if (school) return { unitId: school, scope: "school" };
  if (can(actor, "commune.manage")) return { unitId: await actorCommuneId(actor), scope: "commune" };
  forbidden("Chỉ ban giám hiệu các trường và Phòng Văn hóa - Xã hội nhập số liệu.");
}

function halfParam(value: string | null): string {
  return value && /^20(2[5-9]|30)-H[12]$/.test(value) ? value : currentHalf();
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { unitId, scope } = await enteringUnit(actor);
  const period = halfParam(new URL(request.url).searchParams.get("period"));
  const unit = await getUnit(db, unitId);
  if (!unit) notFound();
  return {
    unitName: unit.name,
    period,
    periods: periodChoices().filter((p) => p.key.includes("-H")),
    figures: await enteredFiguresOf(db, unitId, scope, period),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const { unitId, scope } = await enteringUnit(actor);
  const formData = await readForm(request);
  const parsed = parseForm(enteredFiguresSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const period = halfParam(parsed.data.period);
  try {
    for (const f of await enteredFiguresOf(db, unitId, scope, period)) {
      const value = parsed.data[f.code as keyof typeof parsed.data];
      await saveEnteredFigure(db, {
        measure: f.code,
        unitId,
        periodKey: f.periodKey,
        value: typeof value === "number" ? value : null,
        actorUserId: actor.userId,
      });
    }
  } catch (e) {
    return domainFailure(e, formData);
  }
  return { ok: true as const, savedAt: new Date().toISOString() };
}

export default function EnteredFigures() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults = Object.fromEntries([
    ["period", d.period],
    ...d.figures.map((f) => [f.code, f.value === null ? "" : String(f.value)]),
  ]);
  const { form, onSubmit, bind, formError } = useValidatedForm(enteredFiguresSchema, {
    defaults,
    actionData: actionData && "ok" in actionData && !actionData.ok ? actionData : undefined,
  });
  return (
    <>
      <BackLink to={`/indicators?period=${d.period}`} label="Chỉ tiêu Kế hoạch" />
      <PageHeader
        title="Nhập số liệu không có sẵn trong hồ sơ"
        subtitle={`${d.unitName}. Các số liệu này không tính được từ hồ sơ (hoạt động, điểm danh, học liệu…) nên đơn vị nhập tay; hệ thống ghi lại người nhập và thời điểm nhập.`}
      />
      <FilterBar label="Chọn kỳ" button="Chọn">
        <FilterSelect
          name="period"
          label="Kỳ"
          value={d.period}
          options={d.periods.map((p) => ({ value: p.key, label: p.label }))}
        />
      </FilterBar>
      <Notice when={actionData && "ok" in actionData && actionData.ok}>Đã lưu số liệu.</Notice>
      <Form method="post" onSubmit={onSubmit} noValidate className="card form">
        <FormError message={formError} />
        <input type="hidden" {...form.register("period")} defaultValue={d.period} />
        {d.figures.map((f) => (
          <TextField
            key={f.code}
            label={`${f.label} (${f.granularity === "year" ? `năm ${f.periodKey}` : f.periodKey.replace(/^(\d{4})-H(\d)$/, "6 tháng $2/$1")})`}
            {...bind(f.code)}
            inputMode="numeric"
            hint={
              <>
                Dùng cho chỉ tiêu {f.indicator}. Để trống nếu chưa có số liệu.
                {f.enteredAt ? ` Nhập lần cuối: ${f.enteredBy ?? "—"}, ${formatDateTime(f.enteredAt)}.` : ""}
              </>
            }
          />
        ))}
        <FormActions label="Lưu số liệu" cancelTo={`/indicators?period=${d.period}`} />
      </Form>
    </>
  );
}
