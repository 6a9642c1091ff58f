/**
 * Vietnamese text for searching and sorting: without diacritics, lower case, single spaces.
 * SQLite's lower() and LIKE only know ASCII, so names are stored with a folded key beside them.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The key a person's name is searched and sorted by: Vietnamese lists sort by given name (the last word),
 * then the whole name. "Nguyễn Thị Thu Hà" → "ha nguyen thi thu ha".
 */
export function nameKey(fullName: string): string {
  const folded = foldVietnamese(fullName);
  const given = folded.split(" ").at(-1) ?? "";
  return `${given} ${folded}`;
}

/** A LIKE pattern for a folded search, with the LIKE wildcards in the query escaped. */
export function likePattern(query: string): string {
  return `%${foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, DEL and C1 controls, U+FFFE/U+FFFF,
 * surrogates without a pair). Text typed, pasted or imported loses them at the boundary, so every generated
 * DOCX, XLSX, RSS and ICS stays well-formed whatever was typed.
 */
const NOT_IN_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as the app stores it: composed Unicode (NFC: "ế" typed on a phone or pasted from Word in decomposed
 * form becomes the one character, so names compare, sort, search and export as one), without the control
 * characters above. Line breaks and tabs stay; "\r\n" and a lone "\r" become "\n".
 */
export function cleanText(text: string): string {
  // Removed first, composed second: "e", NUL, U+0301 must become "é", not stay decomposed behind the NUL.
  return text.replace(NOT_IN_XML, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

/** A copy of a plain object (a document's model) with every string in it cleaned by cleanText. */
export function cleanTexts<T>(value: T): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanTexts) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanTexts(v)])) as T;
  }
  return value;
}
