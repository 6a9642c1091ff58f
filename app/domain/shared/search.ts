import { sql, type RawBuilder, type SqlBool } from "kysely";
import { likePattern } from "./text";

/**
 * A filter: any of these columns (holding folded text: name keys, e-mails, codes) contains the query,
 * compared without diacritics or case. Dialect-neutral LIKE with an explicit escape character.
 */
export function matchesFolded(columns: string[], query: string): RawBuilder<SqlBool> {
  const pattern = likePattern(query);
  const each = columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(each, sql` or `)})`;
}
