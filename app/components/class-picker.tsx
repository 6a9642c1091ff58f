import { Form } from "@remix-run/react";

/** Narrows a list of students to one class (a plain GET form, so it works without JavaScript). */
export function ClassPicker({ classes, current, anchor, label = "Lớp" }: { classes: string[]; current: string; anchor: string; label?: string }) {
  return (
    <Form method="get" className="filters" action={`?#${anchor}`} preventScrollReset>
      <div className="field">
        <label htmlFor={`class-${anchor}`}>{label}</label>
        <select id={`class-${anchor}`} name="class" defaultValue={current}>
          <option value="">— Chọn lớp để hiện học sinh —</option>
          {classes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--ghost">
        Hiện học sinh lớp này
      </button>
    </Form>
  );
}
