import { Form, Link, useNavigation } from "@remix-run/react";
import type { PersonCategory } from "../../db/schema";
import { personSchema } from "~/domain/people/schemas";
import { PERSON_CATEGORY_LABELS } from "~/domain/people/vocabulary";
import type { FormValues } from "~/lib/forms";
import { FormError, SelectField, TextField, useValidatedForm, type ActionResult } from "./forms";

/** Adding or editing one person; the same zod schema checks it in the browser and the action. */
export function PersonForm(props: {
  categories: PersonCategory[];
  defaults: FormValues;
  actionData: ActionResult;
  submitLabel: string;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const { form, onSubmit, value, bind, formError } = useValidatedForm(personSchema, {
    defaults: props.defaults,
    actionData: props.actionData,
  });
  const category = form.watch("category") ?? value("category");
  const student = category === "students";
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form">
      <FormError message={formError} />
      <SelectField
        label="Loại"
        required
        {...bind("category")}
        placeholder="— Chọn loại —"
        options={props.categories.map((c) => ({ value: c, label: PERSON_CATEGORY_LABELS[c] }))}
      />
      <TextField
        label={student ? "Mã học sinh" : "Mã cán bộ"}
        required
        {...bind("code")}
        hint="Không trùng trong đơn vị; dùng để điểm danh và nhập tệp."
      />
      <TextField label="Họ và tên" required {...bind("fullName")} />
      <div className="form-row">
        <TextField label="Khối (học sinh)" inputMode="numeric" {...bind("grade")} />
        <TextField label="Lớp (học sinh)" {...bind("className")} />
      </div>
      <TextField label="Chức vụ, tổ chuyên môn (cán bộ, giáo viên)" {...bind("position")} />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          name="intent"
          value="save"
          disabled={navigation.state === "submitting"}
        >
          {props.submitLabel}
        </button>
        <Link to={props.cancelTo}>Hủy</Link>
      </div>
    </Form>
  );
}
