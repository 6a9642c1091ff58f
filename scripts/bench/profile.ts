/**
 * Where an indicator page spends its time: runs the dashboard of a commune (or one school) on an existing
 * database and prints the slowest queries. `npx tsx scripts/bench/profile.ts tmp/bench/bench.db [schoolId]`
 */
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from "kysely";
import pg from "pg";
import { databaseFile } from "../../db/config";
import { openSqlite, type DB } from "../../db/connection";
import { isPostgresUrl } from "../../db/engine";
import type { Database } from "../../db/schema";
import { dashboard } from "../../app/domain/overview/dashboard";
import { parsePeriod } from "../../app/domain/shared/periods";

const url = process.argv[2] ?? "tmp/bench/bench.db";
const school = process.argv[3] ? Number(process.argv[3]) : null;
const queries: { sql: string; ms: number }[] = [];
const log = (e: LogEvent) => {
  queries.push({ sql: e.query.sql, ms: e.queryDurationMillis });
};
const db: DB = new Kysely<Database>({
  dialect: isPostgresUrl(url)
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) })
    : new SqliteDialect({ database: openSqlite(databaseFile(url)) }),
  log,
});
const commune = await db
  .selectFrom("units")
  .select("id")
  .where("kind", "=", "commune")
  .orderBy("id")
  .executeTakeFirstOrThrow();
const scope = school
  ? ({ kind: "school", schoolId: school } as const)
  : ({ kind: "commune", communeId: commune.id } as const);
for (let run = 0; run < 2; run++) {
  queries.length = 0;
  const t0 = performance.now();
  await dashboard(db, scope, parsePeriod("2026")!);
  console.log(
    `run ${run + 1}: ${Math.round(performance.now() - t0)} ms, ${queries.length} queries, ${Math.round(queries.reduce((s, q) => s + q.ms, 0))} ms in queries`,
  );
}
const bySql = new Map<string, { n: number; ms: number }>();
for (const q of queries) {
  const s = bySql.get(q.sql) ?? { n: 0, ms: 0 };
  bySql.set(q.sql, { n: s.n + 1, ms: s.ms + q.ms });
}
for (const [sqlText, s] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
  console.log(`${Math.round(s.ms)} ms × ${s.n}: ${sqlText.slice(0, 400)}\n`);
await db.destroy();
