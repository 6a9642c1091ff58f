import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { FilterBar, FilterSelect, YEARS } from "~/components/filters";
import { FormActions, FormError, TextField, useValidatedForm } from "~/components/forms";
import { BackLink, Notice, PageHeader } from "~/components/shell";
import { targetsSchema } from "~/domain/indicators/schemas";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { yearParam } from "~/lib/params";
import { canEditTargets } from "~/domain/auth/policies";
import { loadIndicators, saveTargets, TARGET_YEARS } from "~/lib/indicators.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Chỉ tiêu năm");

function planYear(url: URL): number {
  const y = yearParam(url);
  return TARGET_YEARS.includes(y) ? y : 2026;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireActor(request, context);
  if (!(await canEditTargets(db, viewer))) forbidden();
  const year = planYear(new URL(request.url));
  const rows = await loadIndicators(db);
  return {
    year,
    indicators: rows.map((r) => ({
      code: r.code,
      name: r.name,
      unit: r.unit,
      scope: r.scope,
      direction: r.direction,
      target: r.targets[year] ?? null,
      prorate: !!r.definition.prorate,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!(await canEditTargets(db, actor))) forbidden();
  const year = planYear(new URL(request.url));
  const rows = await loadIndicators(db);
  const formData = await readForm(request);
  const parsed = parseForm(targetsSchema(rows), formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const targets = Object.fromEntries(
    rows
      .filter((r) => r.direction !== "rising")
      .map((r) => {
        const v = (parsed.data as Record<string, number | "" | undefined>)[`t_${r.code}`];
        return [r.code, typeof v === "number" ? v : null];
      }),
  );
  try {
    const changed = await saveTargets(db, actor, year, targets, context.clientIp ?? null);
    return { ok: true as const, changed };
  } catch (e) {
    return domainFailure(e, formData);
  }
}

const SCOPE_HINT = { commune: "toàn xã", unit: "mỗi đơn vị", school: "mỗi trường" };

export default function Targets() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saved = actionData && "ok" in actionData && actionData.ok ? actionData : null;
  const schema = useMemo(() => targetsSchema(d.indicators), [d.indicators]);
  const defaults = Object.fromEntries(
    d.indicators.map((i) => [`t_${i.code}`, i.target === null ? "" : String(i.target)]),
  );
  const { onSubmit, bind, formError } = useValidatedForm(schema, {
    defaults,
    actionData: actionData && "ok" in actionData && !actionData.ok ? actionData : undefined,
  });
  return (
    <>
      <BackLink to={`/indicators?period=${d.year}`} label="Chỉ tiêu Kế hoạch" />
      <PageHeader
        title={`Chỉ tiêu năm ${d.year}`}
        subtitle="Chỉ tiêu theo Kế hoạch; Phòng Văn hóa - Xã hội điều chỉnh khi có văn bản mới. Chỉ tiêu số lượng là cả năm: kỳ 6 tháng lấy một nửa (làm tròn lên) với các chỉ tiêu được đánh dấu."
      />
      <FilterBar label="Chọn năm" button="Chọn">
        <FilterSelect name="year" label="Năm" value={d.year} options={YEARS} />
      </FilterBar>
      <Notice when={saved}>Đã lưu: {saved?.changed} chỉ tiêu thay đổi.</Notice>
      <Form method="post" onSubmit={onSubmit} noValidate className="card form">
        <FormError message={formError} />
        {d.indicators.map((i) =>
          i.direction === "rising" ? (
            <p key={i.code}>
              <strong>{i.code}</strong> {i.name}: chỉ tiêu là tăng so với cùng kỳ năm trước (không cần nhập).
            </p>
          ) : (
            <TextField
              key={i.code}
              label={`${i.code} · ${i.name} (${i.unit === "percent" ? "%" : "số lượng"}, ${SCOPE_HINT[i.scope]})`}
              {...bind(`t_${i.code}`)}
              inputMode="numeric"
              hint={`${i.direction === "at_most" ? "Tối đa (không vượt). " : ""}${i.prorate ? "Chia theo kỳ. " : ""}Để trống nếu năm này không đặt chỉ tiêu.`}
            />
          ),
        )}
        <FormActions label="Lưu chỉ tiêu" cancelTo={`/indicators?period=${d.year}`} />
      </Form>
    </>
  );
}
