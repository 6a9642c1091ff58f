/**
 * `npm run bench`: generates synthetic data at a chosen scale into a fresh database (SQLite, and PostgreSQL
 * when TEST_PG_URL names a server — `npm run bench` starts a throwaway one), serves it with the real built
 * server, and prints one table: latency (median, p95) of four pages under concurrent load from a second
 * process, the throughput of a 100,000-row attendance import through the app's import path beside a plain
 * insert of the same rows (the floor), and the server's peak memory.
 *   BENCH_SCALE (1 = 1,000 schools, 5 million attendance records; CI uses 0.01), BENCH_SECONDS (10 per page),
 *   BENCH_CONCURRENCY (10), BENCH_ENGINES ("sqlite,postgres").
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import Database from "better-sqlite3";
import { loadActor } from "../../app/domain/auth/actor";
import { commitAttendanceFile } from "../../app/domain/attendance/import";
import { createDb, migrateToLatest, type DB } from "../../db/connection";
import { createPgDatabase } from "../../tests/support/db";
import { loginAs } from "../../tests/support/http";
import { startTestServer } from "../../tests/support/server";
import { generate, scaleOf } from "./generate";
import { quarterOf, refreshReach } from "../../app/domain/reach/reach-aggregate";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres")
  .split(",")
  .filter((e) => e !== "postgres" || process.env.TEST_PG_URL);
const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

interface Row {
  engine: string;
  what: string;
  median: string;
  p95: string;
  note: string;
}
const rows: Row[] = [];

async function freshDatabase(engine: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === "postgres") return createPgDatabase(process.env.TEST_PG_URL!);
  const dir = path.resolve("tmp", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "bench.db");
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return { url: file, drop: async () => {} };
}

function peakMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Import 100,000 rows through the app (parse, check, write) and the same rows by a plain insert: the floor. */
async function importThroughput(db: DB, engine: string, url: string, g: Awaited<ReturnType<typeof generate>>) {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "nhap@bench.test")
    .executeTakeFirstOrThrow();
  const actor = (await loadActor(db, user.id, "bench"))!;
  const activity = await db
    .selectFrom("activities")
    .selectAll()
    .where("id", "=", g.importActivityId)
    .executeTakeFirstOrThrow();
  const csv = Buffer.from(
    ["Mã,Trạng thái", ...g.importCodes.map((c, i) => `${c},${i % 10 ? "Có mặt" : "Vắng có phép"}`)].join("\n"),
  );
  let t0 = performance.now();
  await commitAttendanceFile(db, actor, activity, csv);
  const appMs = performance.now() - t0;
  const people = await db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", g.importSchoolId)
    .orderBy("id")
    .execute();
  await db.transaction().execute(async (trx) => {
    await refreshReach(trx, { attendeesOf: [activity.id] }, [quarterOf(activity.starts_at)], {
      without: [activity.id],
    });
    await trx.deleteFrom("attendance").where("activity_id", "=", activity.id).execute();
  });
  const at = new Date().toISOString();
  t0 = performance.now();
  if (engine === "sqlite") {
    const raw = new Database(url);
    const insert = raw.prepare(
      "insert into attendance (activity_id, person_id, status, note, source, marked_by, marked_at) values (?, ?, ?, null, 'import', ?, ?)",
    );
    raw.transaction(() => {
      for (const [i, p] of people.entries()) insert.run(activity.id, p.id, i % 10 ? "present" : "excused", user.id, at);
    })();
    raw.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("begin");
    for (let i = 0; i < people.length; i += 10_000) {
      const part = people.slice(i, i + 10_000);
      await client.query(
        "insert into attendance (activity_id, person_id, status, note, source, marked_by, marked_at) select $1, p, s, null, 'import', $2, $3 from unnest($4::int[], $5::text[]) as t(p, s)",
        [activity.id, user.id, at, part.map((p) => p.id), part.map((_, k) => ((i + k) % 10 ? "present" : "excused"))],
      );
    }
    await client.query("commit");
    await client.end();
  }
  const floorMs = performance.now() - t0;
  return { appMs, floorMs };
}

function load(url: string, cookie: string) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/bench/load.ts", url, cookie, String(CONCURRENCY), String(SECONDS)],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(out) as { requests: number; errors: number; p50: number | null; p95: number | null; rps: number };
}

const ms = (v: number | null) => (v === null ? "—" : `${Math.round(v)} ms`);

for (const engine of ENGINES) {
  const { url, drop } = await freshDatabase(engine);
  const db = createDb(url);
  await migrateToLatest(db);
  const scale = scaleOf(SCALE);
  log(`${engine}: tạo dữ liệu (${scale.schools} trường)…`);
  const t0 = performance.now();
  const g = await generate(db, scale, 57, (m) => log(`${engine}: ${m}`));
  await sql`analyze`.execute(db);
  // Fold the generator's write-ahead log into the database file, as a server that has been running would have.
  if (engine === "sqlite") await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  const genS = Math.round((performance.now() - t0) / 1000);
  log(`${engine}: dữ liệu xong sau ${genS} s: ${JSON.stringify(g.counts)}`);

  const server = await startTestServer({ databaseUrl: url, seedDemo: false });
  try {
    const staff = await loginAs(server.url, "vhxh@bench.test", g.password);
    const principal = await loginAs(server.url, "bgh@bench.test", g.password);
    const pages: [string, string, string][] = [
      ["Chỉ tiêu toàn xã (/indicators, năm)", "/indicators?period=2026", staff],
      ["Chỉ tiêu một trường (/indicators)", "/indicators?period=2026", principal],
      ["Danh sách hoạt động (/activities)", "/activities", staff],
      ["Tìm học liệu (/materials?q=chuyen doi)", "/materials?q=chuyen%20doi", staff],
    ];
    for (const [what, p, cookie] of pages) {
      log(`${engine}: tải ${what}…`);
      // Warm-up; a pooled connection the server closed while idle (keep-alive timeout) is retried once.
      const warm = () => fetch(server.url + p, { headers: { Cookie: cookie } }).then((r) => r.arrayBuffer());
      await warm().catch(warm);
      const r = load(server.url + p, cookie);
      rows.push({
        engine,
        what,
        median: ms(r.p50),
        p95: ms(r.p95),
        note: `${r.requests} yêu cầu, ${CONCURRENCY} song song, ${r.errors} lỗi`,
      });
    }
    log(`${engine}: nhập 100.000 dòng điểm danh…`);
    const imp = await importThroughput(db, engine, url, g);
    rows.push({
      engine,
      what: "Nhập 100.000 dòng điểm danh (qua ứng dụng / chèn thẳng)",
      median: ms(imp.appMs),
      p95: ms(imp.floorMs),
      note: `tốc độ so với chèn thẳng: ${(imp.floorMs / imp.appMs).toFixed(2)} (≥ 0,5 là đạt)`,
    });
    rows.push({
      engine,
      what: "Bộ nhớ đỉnh của máy chủ",
      median: `${peakMemoryMb(server.pid)} MB`,
      p95: "",
      note: `tạo dữ liệu: ${genS} s`,
    });
  } catch (e) {
    console.error(server.logs().slice(-4000));
    throw e;
  } finally {
    fs.writeFileSync(path.resolve("tmp", "bench", `server-${engine}.log`), server.logs());
    await server.stop();
    await db.destroy();
    await drop();
  }
}

console.log(
  `\nTân An STEM — benchmark, quy mô ${SCALE} (${scaleOf(SCALE).schools} trường), ${os.cpus().length} lõi, ${new Date().toISOString().slice(0, 10)}`,
);
console.log("| CSDL | phép đo | trung vị | p95 | ghi chú |\n|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.engine} | ${r.what} | ${r.median} | ${r.p95} | ${r.note} |`);
