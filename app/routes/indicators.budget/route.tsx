import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { answerFor } from "~/components/club-forms";
import { InlineDelete } from "~/components/confirm-delete";
import { DataTable } from "~/components/data-table";
import { FilterBar, FilterSelect, UnitSelect, YEARS } from "~/components/filters";
import {
  FormError,
  IntentError,
  SelectField,
  TextField,
  useValidatedForm,
  type ActionResult,
} from "~/components/forms";
import { BackLink, Notice, PageHeader } from "~/components/shell";
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
} from "~/domain/activities/vocabulary";
import { formatDateTime, formatNumber } from "~/domain/shared/format";
import { parsePeriod } from "~/domain/shared/periods";
import { requireActor } from "~/lib/auth.server";
import {
  budgetFigures,
  budgetPlanOf,
  chosenPlanningUnit,
  deleteBudgetPlanLine,
  saveBudgetPlanLine,
} from "~/lib/budget.server";
import { budgetPlanSchema } from "~/domain/budget/schemas";
import { db } from "~/lib/db.server";
import { failure, parseForm } from "~/lib/forms";
import { domainFailure, readForm } from "~/lib/forms.server";
import { titled } from "~/lib/meta";
import { idParam } from "~/lib/params";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Dự toán kinh phí năm");

/** A unit's yearly budget estimate by line (clause V.1) beside what its activities of the year spent. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const { units, unit, year } = await chosenPlanningUnit(actor, new URL(request.url));
  const lines = await budgetPlanOf(db, unit.id, year);
  const spent = await budgetFigures(db, { unitIds: [unit.id], period: parsePeriod(String(year))! });
  const planned = (c: string) => lines.filter((l) => l.category === c).reduce((s, l) => s + l.amount, 0);
  const comparison = BUDGET_CATEGORIES.map((c) => ({
    id: c,
    category: BUDGET_CATEGORY_LABELS[c],
    planned: planned(c),
    activities: spent.byCategory.find((r) => r.key === c)?.estimate ?? 0,
    actual: spent.byCategory.find((r) => r.key === c)?.actual ?? 0,
  })).filter((r) => r.planned || r.activities || r.actual);
  return { units, unit, year, lines, comparison, total: lines.reduce((s, l) => s + l.amount, 0), spent: spent.total };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await readForm(request);
  const url = new URL(request.url);
  for (const key of ["unit", "year"]) if (formData.get(key)) url.searchParams.set(key, String(formData.get(key)));
  const { unit, year } = await chosenPlanningUnit(actor, url);
  const intent = String(formData.get("intent") ?? "");
  const back = `/indicators/budget?unit=${unit.id}&year=${year}`;
  try {
    if (intent === "save") {
      const parsed = parseForm(budgetPlanSchema, formData);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await saveBudgetPlanLine(db, actor, unit, year, parsed.data);
      return redirect(`${back}&saved=${Date.now()}`);
    }
    if (intent === "delete") {
      await deleteBudgetPlanLine(db, actor, unit, idParam(String(formData.get("lineId"))) ?? -1);
      return redirect(`${back}&deleted=1`);
    }
  } catch (e) {
    return domainFailure(e, formData, { intent });
  }
  return data({ ...failure(formData, {}, "Thao tác không hợp lệ."), intent }, { status: 400 });
}

function PlanLineForm({
  unit,
  year,
  actionData,
  resetKey,
}: {
  unit: number;
  year: number;
  actionData: ActionResult;
  resetKey?: string;
}) {
  const busy = useNavigation().state !== "idle";
  const { onSubmit, bind, formError } = useValidatedForm(budgetPlanSchema, {
    resetKey,
    actionData: answerFor(actionData, "save"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ maxWidth: 820 }}>
      <h2>Thêm hoặc sửa một dòng dự toán</h2>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="year" value={year} />
      <div className="form-row">
        <SelectField
          label="Nội dung chi"
          required
          {...bind("category")}
          placeholder="— Chọn —"
          options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c] }))}
        />
        <SelectField
          label="Nguồn kinh phí"
          required
          {...bind("source")}
          placeholder="— Chọn —"
          options={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
        />
      </div>
      <TextField
        label="Dự toán cả năm (đồng)"
        required
        inputMode="numeric"
        {...bind("amount")}
        hint="Ví dụ 12.000.000. Nhập lại cùng nội dung chi và nguồn để sửa số tiền."
      />
      <TextField label="Ghi chú" {...bind("note")} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Lưu dòng dự toán
        </button>
      </div>
    </Form>
  );
}

export default function BudgetPlan() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const saved = new URLSearchParams(location.search).get("saved");
  const share = d.total ? Math.round((d.spent.actual / d.total) * 1000) / 10 : null;
  return (
    <>
      <BackLink to={`/indicators?period=${d.year}`} label="Chỉ tiêu Kế hoạch" />
      <PageHeader
        title={`Dự toán kinh phí năm ${d.year}: ${d.unit.name}`}
        subtitle="Kế hoạch và dự toán kinh phí tuyên truyền cả năm theo nội dung chi và nguồn (mục V.1 của Kế hoạch), so với kinh phí các hoạt động của đơn vị trong năm. Chỉ tiêu BUD-V.1: thực chi không vượt dự toán năm."
      />
      <FilterBar label="Chọn đơn vị và năm" button="Xem">
        {d.units.length > 1 ? <UnitSelect name="unit" label="Đơn vị" value={d.unit.id} units={d.units} /> : null}
        <FilterSelect name="year" label="Năm" value={d.year} options={YEARS} />
      </FilterBar>
      <Notice when={saved}>Đã lưu dòng dự toán.</Notice>
      <Notice when={new URLSearchParams(location.search).get("deleted")}>Đã xóa dòng dự toán.</Notice>
      <p className="summary-line">
        Dự toán năm: <strong>{formatNumber(d.total)} đồng</strong> · Thực chi của các hoạt động:{" "}
        <strong>{formatNumber(d.spent.actual)} đồng</strong>
        {share !== null ? ` (${share.toLocaleString("vi-VN")} % dự toán)` : " (chưa có dự toán)"}
        {d.spent.linesWithoutActual
          ? ` · ${d.spent.linesWithoutActual} dòng kinh phí hoạt động chưa có số thực chi`
          : ""}
      </p>
      <DataTable
        label="Các dòng dự toán năm"
        rows={d.lines}
        columns={[
          { header: "Nội dung chi", name: (l) => ({ text: BUDGET_CATEGORY_LABELS[l.category], note: l.note }) },
          { header: "Nguồn kinh phí", cell: (l) => FUNDING_SOURCE_LABELS[l.source] },
          { header: "Dự toán năm (đ)", count: (l) => l.amount },
          { header: "Cập nhật", cell: (l) => formatDateTime(l.updatedAt) },
          {
            header: "Xóa",
            cell: (l) => (
              <InlineDelete
                label="Xóa…"
                question={`Xóa dòng “${BUDGET_CATEGORY_LABELS[l.category]} – ${FUNDING_SOURCE_LABELS[l.source]}”?`}
                fields={{ intent: "delete", lineId: l.id, unit: d.unit.id, year: d.year }}
              />
            ),
          },
        ]}
        empty="Chưa có dòng dự toán nào cho năm này."
      />
      <IntentError result={actionData} intent="delete" />
      <PlanLineForm
        unit={d.unit.id}
        year={d.year}
        actionData={actionData}
        resetKey={saved ? location.key : undefined}
      />
      <h2>So với kinh phí các hoạt động trong năm</h2>
      <DataTable
        label="Dự toán năm so với kinh phí các hoạt động, theo nội dung chi"
        rows={d.comparison}
        columns={[
          { header: "Nội dung chi", cell: (r) => r.category },
          { header: "Dự toán năm (đ)", count: (r) => r.planned },
          { header: "Dự toán của các hoạt động (đ)", count: (r) => r.activities },
          { header: "Thực chi (đ)", count: (r) => r.actual },
        ]}
        empty="Chưa có dự toán và kinh phí hoạt động trong năm."
      />
    </>
  );
}
