/**
 * Reporting periods in Vietnam time: a year ("2026"), a half-year ("2026-H1": January–June, reported before
 * 10 June; "2026-H2": July–December, before 10 December), a quarter ("2026-Q3") or a month ("2026-10").
 */
import { vietnamInstant } from "./time";

export interface Period {
  key: string;
  label: string;
  /** First calendar day, inclusive, and the day after the last ("YYYY-MM-DD"). */
  startDate: string;
  endDateExclusive: string;
  /** The same bounds as UTC instants, for comparing timestamps. */
  from: string;
  to: string;
  /** The plan year the period belongs to (its targets and headcounts): a report period may start in December before. */
  year: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function make(key: string, label: string, year: number, firstMonth: number, months: number): Period {
  const endYear = year + Math.floor((firstMonth - 1 + months) / 12);
  const endMonth = ((firstMonth - 1 + months) % 12) + 1;
  const startDate = `${year}-${pad(firstMonth)}-01`;
  const endDateExclusive = `${endYear}-${pad(endMonth)}-01`;
  return {
    key,
    label,
    startDate,
    endDateExclusive,
    from: vietnamInstant(startDate),
    to: vietnamInstant(endDateExclusive),
    year,
  };
}

/** How many calendar months a period spans (12 for a year, 6 for a half-year, 3 for a quarter). */
export function monthsIn(period: Period): number {
  const [y1, m1] = period.startDate.split("-").map(Number);
  const [y2, m2] = period.endDateExclusive.split("-").map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

export function parsePeriod(key: string | null | undefined): Period | null {
  if (!key) return null;
  const year = Number(key.slice(0, 4));
  if (!(year >= 2000 && year <= 2100)) return null;
  let m = /^(\d{4})$/.exec(key);
  if (m) return make(key, `Năm ${m[1]}`, Number(m[1]), 1, 12);
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m)
    return make(key, `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`, Number(m[1]), m[2] === "1" ? 1 : 7, 6);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return make(key, `Quý ${m[2]} năm ${m[1]}`, Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 3);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return make(key, `Tháng ${Number(m[2])}/${m[1]}`, Number(m[1]), Number(m[2]), 1);
  return null;
}

/** Periods to offer in filters: years and half-years of the plan, 2025–2030. */
/** A period's name inside a sentence: "báo cáo 6 tháng cuối năm 2026" (the key itself when it is none). */
export function periodInSentence(key: string): string {
  return parsePeriod(key)?.label.toLowerCase() ?? key;
}

export function periodChoices(): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (let y = 2025; y <= 2030; y++)
    for (const k of [`${y}`, `${y}-H1`, `${y}-H2`]) out.push({ key: k, label: parsePeriod(k)!.label });
  return out;
}

/** Weeks (Monday first) of a month as calendar dates; days outside the month are null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** "2026-10" → the month before and after, for navigation. */
export function adjacentMonths(year: number, month: number): { prev: string; next: string } {
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  return { prev, next };
}
