import { sql, type RawBuilder, type SqlBool } from "kysely";
import { foldVietnamese, likePattern } from "./text";

/**
 * A filter: any of these columns (holding folded text: name keys, e-mails, codes) contains the query,
 * compared without diacritics or case. Dialect-neutral LIKE with an explicit escape character.
 */
export function matchesFolded(columns: string[], query: string): RawBuilder<SqlBool> {
  const pattern = likePattern(query);
  const each = columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}

/** Whether any of these texts holds the query, both folded: without diacritics or case, composed or decomposed alike. */
export function holdsFolded(query: string, texts: (string | null | undefined)[]): boolean {
  const q = foldVietnamese(query);
  return !q || texts.some((t) => !!t && foldVietnamese(t).includes(q));
}

/** Which rows of a list are read: one page of it, or (a download) its first `pageSize` rows. */
export interface ListSlice {
  page: number;
  pageSize: number;
}

/**
 * One page of a list and its total, with a text search over columns that have no folded copy in the database
 * (titles of activities, names of clubs and contests; docs/decisions/025). Without a query the database counts
 * and pages. With one, the candidates — already narrowed by the reader's reach and the other filters — are read
 * as ids and texts in the list's order, folded and matched here (the same on SQLite and PostgreSQL, whose lower()
 * and LIKE disagree on Vietnamese letters), and the page's rows are then read by id, a bounded number at a time.
 */
export async function searchedPage<Row extends { id: number }>(o: {
  query: string | undefined;
  slice: ListSlice;
  count: () => Promise<number>;
  page: (offset: number, limit: number) => Promise<Row[]>;
  candidates: () => Promise<{ id: number; texts: (string | null)[] }[]>;
  byIds: (ids: number[]) => Promise<Row[]>;
}): Promise<{ total: number; rows: Row[] }> {
  const offset = (o.slice.page - 1) * o.slice.pageSize;
  if (!o.query || !foldVietnamese(o.query)) {
    const [total, rows] = await Promise.all([o.count(), o.page(offset, o.slice.pageSize)]);
    return { total, rows };
  }
  const query = o.query;
  const ids = (await o.candidates()).filter((c) => holdsFolded(query, c.texts)).map((c) => c.id);
  const wanted = ids.slice(offset, offset + o.slice.pageSize);
  const rows: Row[] = [];
  // A database takes only so many parameters in one statement (SQLite 32,766): the ids go in chunks.
  for (let i = 0; i < wanted.length; i += 500) rows.push(...(await o.byIds(wanted.slice(i, i + 500))));
  const at = new Map(wanted.map((id, i) => [id, i]));
  return { total: ids.length, rows: rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!) };
}
