import { Form, useNavigation } from "@remix-run/react";
import { budgetLineSchema } from "~/domain/activities/schemas";
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
} from "~/domain/activities/vocabulary";
import { answerFor } from "./club-forms";
import { FormError, SelectField, TextField, useValidatedForm, type ActionResult } from "./forms";

/** One budget line: what it pays for, from which source, estimate and actual (đồng). */
export function BudgetLineForm({ actionData, resetKey }: { actionData: ActionResult; resetKey?: string }) {
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, value, bind, formError } = useValidatedForm(budgetLineSchema, {
    resetKey,
    actionData: answerFor(actionData, "add-budget"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ maxWidth: 820 }}>
      <h3>Thêm dòng kinh phí</h3>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="add-budget" />
      <div className="form-row">
        <SelectField
          label="Nội dung chi"
          {...bind("category")}
          placeholder="— Chọn —"
          options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: BUDGET_CATEGORY_LABELS[c] }))}
        />
        <SelectField
          label="Nguồn kinh phí"
          {...bind("source")}
          placeholder="— Chọn —"
          options={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s] }))}
        />
      </div>
      <div className="form-row">
        <TextField label="Dự toán (đồng)" inputMode="numeric" {...bind("estimate")} />
        <TextField
          label="Thực chi (đồng)"
          inputMode="numeric"
          {...bind("actual")}
          hint="Để trống nếu chưa quyết toán."
        />
      </div>
      <TextField label="Ghi chú" reg={form.register("note")} defaultValue={value("note")} error={errorFor("note")} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Thêm dòng kinh phí
        </button>
      </div>
    </Form>
  );
}
