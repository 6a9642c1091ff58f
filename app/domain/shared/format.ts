/** Vietnamese formats for dates (dd/mm/yyyy, Vietnam time) and numbers (1.234,5). */
const TZ = "Asia/Ho_Chi_Minh";

const dateFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false });
const numberFmt = new Intl.NumberFormat("vi-VN");

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A bare calendar date is a Vietnamese calendar date, not a UTC instant.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const parts = dateFmt.formatToParts(toDate(value));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")}`;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  return `${timeFmt.format(toDate(value))} ${formatDate(value)}`;
}

export function formatNumber(n: number | null | undefined, empty = "—"): string {
  return n === null || n === undefined || Number.isNaN(n) ? empty : numberFmt.format(n);
}

/** "07:30–11:00 18/12/2026" on one day; both full date-times across days. */
export function formatDateTimeRange(start: string, end: string): string {
  if (formatDate(start) === formatDate(end))
    return `${timeFmt.format(toDate(start))}–${timeFmt.format(toDate(end))} ${formatDate(start)}`;
  return `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

/** "02/10/2026" for a one-day span, "01/03/2026 – 15/04/2026" otherwise. */
export function formatDateRange(start: string, end: string): string {
  return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
}
