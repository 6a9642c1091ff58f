import { cleanText } from "./text";

/**
 * A cell's text: without what XML cannot carry (text stored before it was cleaned at the boundary), and never read
 * as a formula by a spreadsheet (a name typed "=HYPERLINK(…)").
 */
export function safeCell(text: string | null | undefined): string {
  const t = cleanText(text ?? "");
  return /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
}
