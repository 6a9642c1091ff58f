import { Form, useNavigation } from "@remix-run/react";
import { contestSchema, entrySchema } from "~/domain/contests/schemas";
import {
  CONTEST_FIELD_LABELS,
  CONTEST_FIELDS,
  CONTEST_LEVEL_LABELS,
  CONTEST_LEVELS,
} from "~/domain/contests/vocabulary";
import type { FormValues } from "~/lib/forms";
import { answerFor } from "./club-forms";
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

export function ContestForm(p: {
  defaults: FormValues;
  actionData: ActionResult;
  submitLabel: string;
  cancelTo: string;
  openToAll: boolean;
}) {
  const navigation = useNavigation();
  const { onSubmit, bind, formError } = useValidatedForm(contestSchema, {
    defaults: p.defaults,
    actionData: p.actionData,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form">
      <FormError message={formError} />
      {p.openToAll ? (
        <p className="alert alert--info">Cuộc thi do xã đăng ký sẽ mở cho tất cả các trường đăng ký bài dự thi.</p>
      ) : null}
      <TextField
        label="Tên cuộc thi"
        required
        {...bind("name")}
        hint="Ví dụ: Cuộc thi Khoa học kỹ thuật cấp tỉnh dành cho học sinh trung học 2026–2027"
      />
      <div className="form-row">
        <SelectField
          label="Cấp tổ chức"
          required
          {...bind("level")}
          placeholder="— Chọn —"
          options={CONTEST_LEVELS.map((l) => ({ value: l, label: CONTEST_LEVEL_LABELS[l] }))}
        />
        <SelectField
          label="Lĩnh vực"
          required
          {...bind("field")}
          placeholder="— Chọn —"
          options={CONTEST_FIELDS.map((f) => ({ value: f, label: CONTEST_FIELD_LABELS[f] }))}
        />
      </div>
      <div className="form-row">
        <DateField label="Ngày bắt đầu" required {...bind("startsOn")} />
        <DateField label="Ngày kết thúc" required {...bind("endsOn")} />
      </div>
      <TextField label="Đường dẫn thể lệ (nếu có)" type="url" {...bind("link")} />
      <TextAreaField label="Thể lệ, ghi chú" {...bind("rules")} />
      <FormActions label={p.submitLabel} cancelTo={p.cancelTo} busy={navigation.state === "submitting"} />
    </Form>
  );
}

interface Candidate {
  id: number;
  full_name: string;
  category: string;
  class_name: string | null;
}

export function EntryForm({
  actionData,
  candidates,
  moreCandidates = false,
  defaultField,
  resetKey,
}: {
  actionData: ActionResult;
  candidates: Candidate[];
  /** The list stopped at its limit: say so, and how to narrow it. */
  moreCandidates?: boolean;
  defaultField: string;
  resetKey?: string;
}) {
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, list, bind, formError } = useValidatedForm(entrySchema, {
    resetKey,
    actionData: answerFor(actionData, "add-entry"),
    defaults: { field: defaultField },
  });
  const students = candidates.filter((c) => c.category === "students");
  const watched = form.watch("studentIds");
  const chosen = Array.isArray(watched) ? watched.length : watched ? 1 : list("studentIds").length;
  const staff = candidates.filter((c) => c.category !== "students");
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ maxWidth: "none" }}>
      <h3>Đăng ký bài dự thi của trường</h3>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="add-entry" />
      <div className="form-row">
        <TextField label="Tên dự án, sản phẩm" {...bind("title")} />
        <SelectField
          label="Lĩnh vực"
          {...bind("field")}
          options={CONTEST_FIELDS.map((f) => ({ value: f, label: CONTEST_FIELD_LABELS[f] }))}
        />
      </div>
      <details open>
        <summary>
          <strong>Học sinh dự thi ({chosen} đã chọn)</strong>
        </summary>
        {students.length === 0 ? <p className="muted">Chọn lớp ở trên để hiện danh sách học sinh.</p> : null}
        {moreCandidates ? (
          <p className="alert alert--warning" role="status">
            Danh sách chỉ hiện {candidates.length.toLocaleString("vi-VN")} người đầu tiên. Hãy chọn ít lớp hơn ở trên để
            thấy đủ học sinh của các lớp đó.
          </p>
        ) : null}
        <CheckboxGroup
          legend="Học sinh dự thi"
          columns
          reg={form.register("studentIds")}
          checked={list("studentIds")}
          error={errorFor("studentIds")}
          options={students.map((s) => ({ value: String(s.id), label: `${s.full_name} (${s.class_name ?? ""})` }))}
        />
      </details>
      <details>
        <summary>
          <strong>Giáo viên hướng dẫn</strong>
        </summary>
        <CheckboxGroup
          legend="Giáo viên hướng dẫn"
          columns
          reg={form.register("mentorIds")}
          checked={list("mentorIds")}
          error={errorFor("mentorIds")}
          options={staff.map((s) => ({ value: String(s.id), label: s.full_name }))}
        />
      </details>
      <div className="form-actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Đăng ký bài dự thi
        </button>
      </div>
    </Form>
  );
}
