import type { ReactNode } from "react";

/** One select of a GET filter bar; the first option means "no filter". */
export function FilterSelect(props: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: { value: string | number; label: string }[];
  all?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET filter bar: plain links that can be shared, and it works without JavaScript. */
export function FilterBar({
  children,
  label = "Lọc",
  button = "Lọc",
  role,
}: {
  children: ReactNode;
  label?: string;
  button?: string;
  role?: string;
}) {
  return (
    <form method="get" className="filters" aria-label={label} role={role}>
      {children}
      <button type="submit" className="button button--ghost">
        {button}
      </button>
    </form>
  );
}

export const YEARS = [2025, 2026, 2027, 2028, 2029, 2030].map((y) => ({ value: y, label: String(y) }));
