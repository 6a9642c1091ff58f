import type { Timeliness } from "~/domain/calendar/statuses";

/** On time in green, late or overdue in red, not yet due plain: the same on the dashboard and the reports page. */
export function TimelinessBadge({ timeliness, label }: { timeliness: Timeliness; label: string }) {
  const tone = timeliness === "on_time" ? "badge--green" : timeliness === "not_due" ? "" : "badge--red";
  return <span className={`badge ${tone}`}>{label}</span>;
}
