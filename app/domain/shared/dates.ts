/**
 * Dates and times as Vietnamese type them (issue 20): day/month/year ("6/12/2026", "06-12-2026", "6.12.26") and a
 * 24-hour clock ("7:30", "07h30", "19.30", "7h"), whatever the browser's language. Stored and sent as ISO
 * ("2026-12-06", "07:30"); the ISO forms are read too (older links, tests, a browser that fills them).
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO date ("YYYY-MM-DD") of a typed date, or null when it is not one (31/02 is not). */
export function readDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += 2000;
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : null;
}

/** A date as shown and typed: "06/12/2026" for "2026-12-06"; anything else as it is (what the person typed). */
export function showDate(value: string | null | undefined): string {
  if (!value) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** The "HH:MM" of a typed time of day (24-hour), or null. */
export function readTime(text: string): string | null {
  const t = text.trim().toLowerCase();
  const m = /^(\d{1,2})\s*(?:[:.h]\s*(\d{2})?|(\d{2}))?\s*(?:p|phút)?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? m[3] ?? 0);
  if (h > 23 || min > 59) return null;
  if (!m[2] && !m[3] && !/h/.test(t) && t.length > 2) return null;
  return `${pad(h)}:${pad(min)}`;
}
