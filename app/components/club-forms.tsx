import { useState } from "react";
import { useHydrated } from "./use-hydrated";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { PersonCategory } from "../../db/schema";
import { PERSON_CATEGORY_LABELS } from "~/domain/people/vocabulary";
import { foldVietnamese } from "~/domain/shared/text";
import { addMembersSchema, meetingSchema } from "~/domain/clubs/schemas";
import { Field, FormError, TextAreaField, TextField, useValidatedForm, type ActionResult } from "./forms";
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

/** The most rows the search shows at once (the rest are found by typing). */
const SHOWN = 40;

/**
 * Adding members in one pass (issue 20): pupils of the club's grades and the school's staff in one list, found by
 * name or code (without diacritics) and narrowed by class; the ticks are kept while searching, so five pupils and a
 * teacher are one search each and one "Thêm". A staff member ticked joins as "phụ trách" unless that is unticked.
 * Every row stays in the form (hidden when it does not match), so what is ticked is sent; without JavaScript the
 * whole list shows.
 */
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
    defaults: {
      joinedOn: today,
      // Staff join as "phụ trách" unless unticked.
      advisorIds: candidates.filter((c) => c.category !== "students").map((c) => String(c.id)),
    },
  });
  const [query, setQuery] = useState("");
  const [group, setGroup] = useState("");
  const hydrated = useHydrated();
  const classes = [...new Set(candidates.filter((c) => c.class_name).map((c) => c.class_name!))];
  const folded = foldVietnamese(query);
  const matches = (c: Candidate) =>
    (!group || (group === "staff" ? c.category !== "students" : c.class_name === group)) &&
    (!folded || foldVietnamese(`${c.full_name} ${c.code}`).includes(folded));
  const watched = form.watch("personIds") as unknown;
  const pickedIds =
    watched === undefined
      ? list("personIds")
      : Array.isArray(watched)
        ? watched.map(String)
        : typeof watched === "string"
          ? [watched]
          : [];
  const chosen = candidates.filter((c) => pickedIds.includes(String(c.id)));
  const shown = hydrated ? candidates.filter(matches).slice(0, SHOWN) : candidates;
  const shownIds = new Set(shown.map((c) => c.id));
  const hiddenMatches = hydrated ? candidates.filter(matches).length - shown.length : 0;
  return (
    <Form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="card form"
      style={{ maxWidth: "none", marginTop: "1rem" }}
      id="add-members"
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
          <div className="form-row member-search">
            <Field label="Tìm theo tên hoặc mã">
              {({ id }) => (
                <input
                  id={id}
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  placeholder="Ví dụ: nguyen van an"
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label="Lớp">
              {({ id }) => (
                <select id={id} value={group} onChange={(e) => setGroup(e.target.value)}>
                  <option value="">Tất cả ({candidates.length})</option>
                  <option value="staff">Cán bộ, giáo viên</option>
                  {classes.map((c) => (
                    <option key={c} value={c}>
                      Lớp {c}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {chosen.length ? (
            <p className="member-picked" aria-live="polite">
              <strong>Đã chọn {chosen.length}:</strong> {chosen.map((c) => c.full_name).join(", ")}
            </p>
          ) : null}
          <fieldset className={`field checkbox-group${errorFor("personIds") ? " field--error" : ""}`}>
            <legend>Chọn người</legend>
            <ul className="member-pick">
              {candidates.map((c) => {
                const staff = c.category !== "students";
                return (
                  <li key={c.id} hidden={!shownIds.has(c.id) || undefined}>
                    <label className="checkbox">
                      <input type="checkbox" value={String(c.id)} {...form.register("personIds")} />{" "}
                      <span>
                        {c.full_name}{" "}
                        <span className="muted">
                          {staff
                            ? (PERSON_CATEGORY_LABELS[c.category as PersonCategory] ?? c.category)
                            : `lớp ${c.class_name ?? "—"}`}
                          <span className="member-pick__code"> · {c.code}</span>
                        </span>
                      </span>
                    </label>
                    {staff ? (
                      <label className="checkbox member-pick__role">
                        <input type="checkbox" value={String(c.id)} {...form.register("advisorIds")} /> Phụ trách
                      </label>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {hydrated && !shown.length ? <p className="muted">Không có ai khớp “{query}”.</p> : null}
            {hiddenMatches > 0 ? (
              <p className="muted">Còn {hiddenMatches} người khớp nữa: gõ thêm tên hoặc chọn lớp để thu hẹp.</p>
            ) : null}
            {errorFor("personIds") ? (
              <p className="field__error" role="alert">
                {errorFor("personIds")}
              </p>
            ) : null}
          </fieldset>
          <div className="form-row">
            <DateField label="Ngày tham gia" {...bind("joinedOn")} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {chosen.length ? `Thêm ${chosen.length} người vào câu lạc bộ` : "Thêm vào câu lạc bộ"}
            </button>
          </div>
        </>
      )}
    </Form>
  );
}
