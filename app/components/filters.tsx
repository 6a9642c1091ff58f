import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

/** One select of a GET filter bar; the first option means "no filter". `labels`: options from value → label. */
export function FilterSelect(props: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  options?: { value: string | number; label: string }[];
  labels?: Record<string, string>;
  all?: string;
}) {
  const id = `filter-${props.name}`;
  const options = props.options ?? optionsOf(props.labels ?? {});
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {options.map((o) => (
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

/** What a list's address holds besides its filters: the page, the order, and the notices shown after a change. */
const NOT_FILTERS = new Set(["page", "sort", "saved", "deleted", "imported"]);

/**
 * Whether the list is filtered (its address holds anything but the page, the order and `keep`, such as the tab
 * it is on), and the address of the same list unfiltered.
 */
export function useFilters(keep: string[] = []): { filtered: boolean; clear: string } {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  let filtered = false;
  for (const [k, v] of params) {
    if (keep.includes(k) || k === "sort") kept.append(k, v);
    else if (!NOT_FILTERS.has(k) && v !== "") filtered = true;
  }
  return { filtered, clear: `${location.pathname}${kept.size ? `?${kept}` : ""}` };
}

/**
 * The list's download: its address `to` with the page's own query (filters and order), so the file holds what
 * the page lists — every page of it. A plain link: the browser downloads the file.
 */
export function DownloadLink({ to, label = "Tải Excel (.xlsx)" }: { to: string; label?: string }) {
  const params = new URLSearchParams(useLocation().search);
  for (const k of NOT_FILTERS) if (k !== "sort") params.delete(k);
  return (
    <a href={`${to}${params.size ? `?${params}` : ""}`} className="button button--ghost" download>
      {label}
    </a>
  );
}

/**
 * What an empty list says: that nothing matches its filters, with a link that clears them; or, unfiltered,
 * `none` ("Chưa có … nào." unless told).
 */
export function NoMatch({ what, none, keep }: { what: string; none?: ReactNode; keep?: string[] }) {
  const { filtered, clear } = useFilters(keep);
  if (!filtered) return <>{none ?? `Chưa có ${what} nào.`}</>;
  return (
    <>
      {`Không có ${what} nào phù hợp với bộ lọc. `}
      <Link to={clear}>Xóa bộ lọc</Link>
    </>
  );
}
