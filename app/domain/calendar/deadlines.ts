/**
 * Half-year reports (plan V.2): H1 (January–June) is due by 10 June, H2 (July–December) by 10 December, both in
 * Vietnam time. A report is on time when it was first submitted on or before the due date.
 */
import type { Period } from "../shared/periods";
import { vietnamParts, vietnamToday } from "../shared/time";

/** The units that file a half-year report (plan V.2): the commune's offices (cơ quan chuyên môn) and the schools. */
export const REPORTING_KINDS = ["office", "school"] as const;

export function reportDeadline(halfKey: string): string {
  const m = /^(\d{4})-H([12])$/.exec(halfKey);
  if (!m) throw new Error(`Not a half-year: ${halfKey}`);
  return `${m[1]}-${m[2] === "1" ? "06" : "12"}-10`;
}

/** The half-years a period contains or lies in (a quarter or a month lies in one half), read from its key. */
export function halvesOf(period: Period): string[] {
  const year = period.key.slice(0, 4);
  if (period.key === year) return [`${year}-H1`, `${year}-H2`];
  if (/^\d{4}-H[12]$/.test(period.key)) return [period.key];
  const month = /^\d{4}-Q([1-4])$/.exec(period.key)
    ? (Number(period.key.slice(6)) - 1) * 3 + 1
    : Number(period.key.slice(5, 7));
  return [`${year}-H${month <= 6 ? 1 : 2}`];
}

export function isOnTime(submittedAt: string | null, halfKey: string): boolean {
  return submittedAt !== null && vietnamParts(submittedAt).date <= reportDeadline(halfKey);
}

/** Days from today (Vietnam) to the deadline; negative once it has passed. */
export function daysUntilDeadline(halfKey: string, now: Date = new Date()): number {
  const today = vietnamToday(now);
  return Math.round(
    (Date.parse(`${reportDeadline(halfKey)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}
