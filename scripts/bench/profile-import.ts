/**
 * Where the 100,000-row attendance import spends its time, on a database `npm run bench` generated:
 * `npx tsx scripts/bench/profile-import.ts tmp/bench/bench.db`. Prints the phases and the slowest queries.
 */
import { Kysely, SqliteDialect, type LogEvent } from "kysely";
import { databaseFile } from "../../db/config";
import { openSqlite, type DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import { loadActor } from "../../app/domain/auth/actor";
import { checkAttendanceFile, commitAttendanceFile } from "../../app/domain/attendance/import";
import { readTableFile } from "../../app/domain/imports/table-file";

const queries: { sql: string; ms: number }[] = [];
const db: DB = new Kysely<Database>({
  dialect: new SqliteDialect({ database: openSqlite(databaseFile(process.argv[2] ?? "tmp/bench/bench.db")) }),
  log: (e: LogEvent) => {
    queries.push({ sql: e.query.sql.slice(0, 160), ms: e.queryDurationMillis });
  },
});
const user = await db.selectFrom("users").select("id").where("email", "=", "nhap@bench.test").executeTakeFirstOrThrow();
const actor = (await loadActor(db, user.id, "bench"))!;
const school = await db
  .selectFrom("memberships")
  .select("unit_id")
  .where("user_id", "=", user.id)
  .executeTakeFirstOrThrow();
const activity = await db
  .selectFrom("activities")
  .selectAll()
  .where("organizer_unit_id", "=", school.unit_id)
  .executeTakeFirstOrThrow();
const codes = await db
  .selectFrom("people")
  .select("code")
  .where("unit_id", "=", school.unit_id)
  .orderBy("id")
  .execute();
const csv = Buffer.from(
  ["Mã,Trạng thái", ...codes.map((c, i) => `${c.code},${i % 10 ? "Có mặt" : "Vắng có phép"}`)].join("\n"),
);
await db.deleteFrom("attendance").where("activity_id", "=", activity.id).execute();
let t0 = performance.now();
await readTableFile(csv);
console.log(`parse: ${Math.round(performance.now() - t0)} ms`);
t0 = performance.now();
await checkAttendanceFile(db, actor, activity, csv);
console.log(`parse + check: ${Math.round(performance.now() - t0)} ms`);
queries.length = 0;
t0 = performance.now();
await commitAttendanceFile(db, actor, activity, csv);
console.log(
  `commit (parse + check + write): ${Math.round(performance.now() - t0)} ms, ${queries.length} queries, ${Math.round(queries.reduce((s, q) => s + q.ms, 0))} ms in queries`,
);
const bySql = new Map<string, { n: number; ms: number }>();
for (const q of queries)
  bySql.set(q.sql, { n: (bySql.get(q.sql)?.n ?? 0) + 1, ms: (bySql.get(q.sql)?.ms ?? 0) + q.ms });
for (const [s, v] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
  console.log(`${Math.round(v.ms)} ms × ${v.n}: ${s}`);
await db.destroy();
