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

/** A select of units (schools, communes) of a filter bar, by id. */
export function UnitSelect(props: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  units: { id: number; name: string }[];
  all?: string;
}) {
  const { units, ...rest } = props;
  return <FilterSelect {...rest} options={units.map((u) => ({ value: u.id, label: u.name }))} />;
}

/** Options from a record of value → label, in the record's order. */
export function optionsOf(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** The "sort" select of a filter bar: each sort order and its label. */
export function SortSelect(props: { value: string; orders: Record<string, string> }) {
  return <FilterSelect name="sort" label="Sắp xếp" value={props.value} options={optionsOf(props.orders)} />;
}

/** The free-text search ("q") of a filter bar. */
export function SearchField(props: { label: string; value: string; placeholder?: string }) {
  return (
    <div className="field">
      <label htmlFor="q">{props.label}</label>
      <input id="q" name="q" defaultValue={props.value} placeholder={props.placeholder} />
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
