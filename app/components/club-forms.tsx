import { Form, Link, useNavigation } from "@remix-run/react";
import { addMembersSchema, meetingSchema } from "~/domain/clubs/schemas";
import { FormError, SelectField, TextAreaField, TextField, useValidatedForm, type ActionResult } from "./forms";
import { DateField, TimeField } from "./date-fields";

/** The action's answer, if it answered this form (several forms share one page). */
export function answerFor(actionData: ActionResult, intent: string): ActionResult {
  return actionData && actionData.intent === intent ? actionData : undefined;
}

export function MeetingForm({
  actionData,
  today,
  resetKey,
}: {
  actionData: ActionResult;
  today: string;
  resetKey?: string;
}) {
  const navigation = useNavigation();
  const { onSubmit, bind, formError } = useValidatedForm(meetingSchema, {
    resetKey,
    actionData: answerFor(actionData, "record-meeting"),
    defaults: { date: today, startTime: "15:00", endTime: "16:30" },
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ marginTop: "1rem" }}>
      <h3>Ghi buổi sinh hoạt</h3>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="record-meeting" />
      <div className="form-row">
        <DateField label="Ngày" {...bind("date")} />
        <TimeField label="Bắt đầu" {...bind("startTime")} />
        <TimeField label="Kết thúc" {...bind("endTime")} />
      </div>
      <TextField label="Chủ đề" {...bind("topic")} hint="Ví dụ: Lắp ráp robot dò đường" />
      <TextAreaField label="Nội dung đã làm" rows={3} {...bind("description")} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Ghi buổi sinh hoạt
        </button>
      </div>
    </Form>
  );
}

interface Candidate {
  id: number;
  full_name: string;
  code: string;
  category: string;
  class_name: string | null;
}

export function AddMembersForm({
  actionData,
  today,
  candidates,
  peopleHref,
  resetKey,
}: {
  actionData: ActionResult;
  today: string;
  candidates: Candidate[];
  resetKey?: string;
  peopleHref: string;
}) {
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, list, bind, formError } = useValidatedForm(addMembersSchema, {
    resetKey,
    actionData: answerFor(actionData, "add-members"),
    defaults: { role: "member", joinedOn: today },
  });
  const groups = [
    { title: "Học sinh", items: candidates.filter((c) => c.category === "students"), open: true },
    { title: "Cán bộ, giáo viên", items: candidates.filter((c) => c.category !== "students"), open: false },
  ];
  const checked = list("personIds");
  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="card form"
      style={{ maxWidth: "none", marginTop: "1rem" }}
    >
      <h3>Thêm thành viên</h3>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="add-members" />
      {candidates.length === 0 ? (
        <p className="muted">
          Không còn ai để thêm. Hãy cập nhật <Link to={peopleHref}>danh sách người của trường</Link>.
        </p>
      ) : (
        <>
          <div className="form-row">
            <SelectField
              label="Vai trò"
              {...bind("role")}
              options={[
                { value: "member", label: "Thành viên (học sinh, giáo viên)" },
                { value: "advisor", label: "Giáo viên phụ trách" },
              ]}
            />
            <DateField label="Ngày tham gia" {...bind("joinedOn")} />
          </div>
          <fieldset className={`field checkbox-group${errorFor("personIds") ? " field--error" : ""}`}>
            <legend>Chọn người</legend>
            {groups.map((g) =>
              g.items.length ? (
                <details key={g.title} open={g.open}>
                  <summary>
                    <strong>
                      {g.title} ({g.items.length})
                    </strong>
                  </summary>
                  <div className="checkbox-group__items checkbox-group__items--columns">
                    {g.items.map((c) => (
                      <label key={c.id} className="checkbox">
                        <input
                          type="checkbox"
                          value={String(c.id)}
                          defaultChecked={checked.includes(String(c.id))}
                          {...form.register("personIds")}
                        />{" "}
                        {c.full_name} <span className="muted">({c.class_name ?? c.code})</span>
                      </label>
                    ))}
                  </div>
                </details>
              ) : null,
            )}
            {errorFor("personIds") ? (
              <p className="field__error" role="alert">
                {errorFor("personIds")}
              </p>
            ) : null}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Thêm vào câu lạc bộ
            </button>
          </div>
        </>
      )}
    </Form>
  );
}
