/** Figures in Vietnamese format, shared by pages, charts and report documents. */
const percentFmt = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const countFmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/**
 * A figure in Vietnamese format: percentages with one decimal ("85,5%", "75,0%"), counts with "." between
 * thousands ("1.200", a pro-rated target "1,5"). No figure gives "—".
 */
export function formatFigure(value: number | null, unit: "percent" | "count"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return unit === "percent" ? `${percentFmt.format(value)}%` : countFmt.format(value);
}
