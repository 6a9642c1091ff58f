import { FilterBar, FilterSelect, SearchField } from "./filters";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUSES } from "~/domain/activities/vocabulary";

type Term = { code: string; label: string };

export interface ActivityFilterValues {
  q?: string;
  unit?: string;
  topic?: string;
  form?: string;
  audience?: string;
  status?: string;
  period?: string;
}

/** The filter bar of the activity list and calendar: a plain GET form, so links can be shared. */
export function ActivityFilters(props: {
  values: ActivityFilterValues;
  units: { id: number; name: string }[];
  vocabulary: { topics: Term[]; forms: Term[]; audiences: Term[] };
  periods?: { key: string; label: string }[];
  hidden?: Record<string, string>;
}) {
  const v = props.values;
  const select = (
    name: keyof ActivityFilterValues,
    label: string,
    options: { value: string; label: string }[],
    all: string,
  ) => <FilterSelect name={name} label={label} value={v[name]} options={options} all={all} />;
  return (
    <FilterBar label="Lọc hoạt động">
      {Object.entries(props.hidden ?? {}).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <SearchField label="Tìm theo tên, địa điểm" value={v.q ?? ""} placeholder="không cần dấu" />
      {props.units.length > 1
        ? select(
            "unit",
            "Đơn vị",
            props.units.map((u) => ({ value: String(u.id), label: u.name })),
            "Tất cả đơn vị",
          )
        : null}
      {select(
        "topic",
        "Nội dung",
        props.vocabulary.topics.map((t) => ({ value: t.code, label: t.label })),
        "Mọi nội dung",
      )}
      {select(
        "form",
        "Hình thức",
        props.vocabulary.forms.map((t) => ({ value: t.code, label: t.label })),
        "Mọi hình thức",
      )}
      {select(
        "audience",
        "Đối tượng",
        props.vocabulary.audiences.map((t) => ({ value: t.code, label: t.label })),
        "Mọi đối tượng",
      )}
      {props.periods
        ? select(
            "period",
            "Thời gian",
            props.periods.map((p) => ({ value: p.key, label: p.label })),
            "Mọi thời gian",
          )
        : null}
      {select(
        "status",
        "Trạng thái",
        ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] })),
        "Mọi trạng thái",
      )}
    </FilterBar>
  );
}
