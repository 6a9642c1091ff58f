import { Form } from "@remix-run/react";

/**
 * Narrows a list of students to some classes (a plain GET form, so it works without JavaScript).
 * Several classes can be ticked at once, so a team or a club can mix classes.
 */
export function ClassPicker({
  classes,
  current,
  anchor,
  label = "Lớp",
}: {
  classes: string[];
  current: string[];
  anchor: string;
  label?: string;
}) {
  return (
    <Form method="get" action={`?#${anchor}`} preventScrollReset className="card class-picker">
      <fieldset className="checkbox-group">
        <legend>{label}</legend>
        <div className="checkbox-group__items">
          {classes.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" name="class" value={c} defaultChecked={current.includes(c)} /> {c}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button button--ghost">
        Hiện học sinh các lớp đã chọn
      </button>
    </Form>
  );
}
