import type { Kysely } from "kysely";

/** Which SQL engine a Kysely instance talks to; code branches only where the SQL really differs. */
// Any schema: the app's, or the schema-less database a migration sees.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const name = db.getExecutor().adapter.constructor.name;
  return name.toLowerCase().includes("postgres") ? "postgres" : "sqlite";
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}
