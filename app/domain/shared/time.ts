/** Current instant as ISO-8601 UTC text, the form every timestamp column stores. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Vietnam has no daylight saving: UTC+7 all year. Period boundaries use it. */
export const VIETNAM_TZ = "Asia/Ho_Chi_Minh";

/** The calendar year in Vietnam at an instant. */
export function vietnamYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: VIETNAM_TZ, year: "numeric" }).format(now));
}

/** Today's calendar date in Vietnam, "YYYY-MM-DD". */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: VIETNAM_TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The UTC instant of a Vietnamese wall-clock date and time ("2026-05-18", "07:30"). */
export function vietnamInstant(date: string, time = "00:00"): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** The Vietnamese wall-clock date and time of an instant. */
export function vietnamParts(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + 7 * HOUR_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
