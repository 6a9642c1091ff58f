/**
 * The material form. With JavaScript it uploads with XMLHttpRequest to show a progress bar (large videos),
 * then opens the new material; without it the form posts normally. The file comes first on the page (on a phone it
 * is what one came to share, issue 20); the script sends it last, after the text fields, so a file refused
 * part-way (type, size) still returns what was typed while the rest of it is not waited for. Posted without a
 * script, the file comes first and the server reads on past a refused one to the fields after it.
 */
import { Form, useNavigate, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, materialSchema } from "~/domain/materials/schemas";
import { MATERIAL_KIND_LABELS, MATERIAL_KINDS, VISIBILITIES, VISIBILITY_LABELS } from "~/domain/materials/vocabulary";
import { gradeLabel } from "~/domain/units/vocabulary";
import type { FieldErrors, FormValues } from "~/lib/forms";
import { CheckboxGroup, Field, FormError, SelectField, TextAreaField, TextField, useValidatedForm } from "./forms";

type Result = { ok: boolean; errors?: FieldErrors; values?: FormValues; formError?: string } | undefined;

export function MaterialForm({
  actionData,
  grades,
  topics,
  limits,
}: {
  actionData: Result;
  grades: number[];
  topics: { code: string; label: string }[];
  limits: string;
}) {
  const [xhrResult, setXhrResult] = useState<Result>(undefined);
  const { form, errorFor, value, list, bind, formError } = useValidatedForm(materialSchema, {
    actionData: xhrResult ?? actionData,
    defaults: { visibility: "school" },
  });
  const [progress, setProgress] = useState<number | null>(null);
  const navigate = useNavigate();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.handleSubmit(() => {
      const typed = new FormData(formRef.current!);
      const body = new FormData();
      for (const [name, v] of typed) if (name !== "file") body.append(name, v);
      for (const f of typed.getAll("file")) body.append("file", f);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/materials/upload");
      xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
      xhr.onload = () => {
        setProgress(null);
        let res: Result & { id?: number };
        try {
          res = JSON.parse(xhr.responseText);
        } catch {
          res = { ok: false, formError: `Không tải lên được (mã ${xhr.status}).` };
        }
        if (res?.ok && res.id) navigate(`/materials/${res.id}?created=1`);
        else setXhrResult(res);
      };
      xhr.onerror = () => {
        setProgress(null);
        setXhrResult({ ok: false, formError: "Mất kết nối khi đang tải lên. Vui lòng thử lại." });
      };
      xhr.send(body);
    })(e);
  };
  const busy = progress !== null || navigation.state === "submitting";
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      onSubmit={onSubmit}
      ref={formRef}
      className="card form"
      style={{ maxWidth: 820 }}
    >
      <FormError message={formError} />
      <Field label="Tệp" error={errorFor("file")} hint={limits}>
        {({ id, describedBy, invalid }) => (
          <input id={id} name="file" type="file" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <TextField
        label="Hoặc đường dẫn (video trên mạng, thư mục chia sẻ)"
        type="url"
        {...bind("linkUrl")}
        hint="Để trống nếu tải tệp lên."
      />
      <TextField label="Tên học liệu" required {...bind("title")} />
      <div className="form-row">
        <SelectField
          label="Loại"
          required
          {...bind("kind")}
          placeholder="— Chọn —"
          options={MATERIAL_KINDS.map((k) => ({ value: k, label: MATERIAL_KIND_LABELS[k] }))}
        />
        <TextField label="Môn học" {...bind("subject")} />
        <SelectField
          label="Chia sẻ"
          required
          {...bind("visibility")}
          options={VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
        />
      </div>
      <CheckboxGroup
        legend="Nội dung"
        columns
        reg={form.register("topics")}
        checked={list("topics")}
        error={errorFor("topics")}
        options={topics.map((t) => ({ value: t.code, label: t.label }))}
      />
      <TextField
        label="Từ khoá"
        {...bind("keywords")}
        hint={`Cách nhau bằng dấu phẩy, ví dụ: robot, năng lượng mặt trời. Tối đa ${MAX_KEYWORDS} từ khoá, mỗi từ khoá tối đa ${MAX_KEYWORD_LENGTH} ký tự.`}
      />
      <CheckboxGroup
        legend="Khối lớp"
        reg={form.register("grades")}
        checked={list("grades")}
        error={errorFor("grades")}
        options={grades.map((g) => ({ value: String(g), label: gradeLabel(g) }))}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          value="on"
          defaultChecked={value("integratesTopics") === "on"}
          {...form.register("integratesTopics")}
        />{" "}
        Lồng ghép nội dung khoa học, đổi mới sáng tạo, chuyển đổi số vào bài dạy
      </label>
      <TextAreaField label="Mô tả" {...bind("description")} />
      {progress !== null ? (
        <p role="status">
          <progress max={100} value={progress} aria-label="Tiến độ tải lên" /> Đang tải lên {progress}%
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Đang tải lên…" : "Đăng học liệu"}
        </button>
      </div>
    </Form>
  );
}
