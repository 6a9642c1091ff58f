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
