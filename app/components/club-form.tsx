import { Form, useNavigation } from "@remix-run/react";
import { clubSchema } from "~/domain/clubs/schemas";
import { CLUB_FIELD_LABELS, CLUB_FIELDS, CLUB_STATUS_LABELS, CLUB_STATUSES } from "~/domain/clubs/vocabulary";
import { gradeLabel } from "~/domain/units/vocabulary";
import type { FormValues } from "~/lib/forms";
import {
  CheckboxGroup,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useValidatedForm,
  FormActions,
  type ActionResult,
} from "./forms";
import { DateField } from "./date-fields";

export function ClubForm(props: {
  grades: number[];
  defaults: FormValues;
  actionData: ActionResult;
  submitLabel: string;
  cancelTo: string;
}) {
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, value, list, bind, formError } = useValidatedForm(clubSchema, {
    defaults: props.defaults,
    actionData: props.actionData,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form">
      <FormError message={formError} />
      <TextField label="Tên câu lạc bộ" required {...bind("name")} hint="Ví dụ: CLB Robot Tân An" />
      <SelectField
        label="Lĩnh vực"
        required
        {...bind("field")}
        placeholder="— Chọn lĩnh vực —"
        options={CLUB_FIELDS.map((f) => ({ value: f, label: CLUB_FIELD_LABELS[f] }))}
      />
      <CheckboxGroup
        legend="Khối lớp tham gia"
        reg={form.register("targetGrades")}
        checked={list("targetGrades")}
        error={errorFor("targetGrades")}
        options={props.grades.map((g) => ({ value: String(g), label: gradeLabel(g) }))}
      />
      <TextField
        label="Lịch sinh hoạt"
        {...bind("schedule")}
        hint="Ví dụ: Chiều thứ Năm hằng tuần, 15g00–16g30, phòng Tin học"
      />
      <div className="form-row">
        <SelectField
          label="Trạng thái"
          required
          reg={form.register("status")}
          defaultValue={value("status") || "active"}
          error={errorFor("status")}
          options={CLUB_STATUSES.map((s) => ({ value: s, label: CLUB_STATUS_LABELS[s] }))}
        />
        <DateField label="Ngày thành lập" {...bind("foundedOn")} />
      </div>
      <TextAreaField label="Mô tả" {...bind("description")} />
      <FormActions label={props.submitLabel} cancelTo={props.cancelTo} busy={navigation.state === "submitting"} />
    </Form>
  );
}
