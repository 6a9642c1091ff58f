/**
 * Starts the real built server (`server.ts` in production mode) on a free port with its own database: a SQLite
 * file, or a fresh PostgreSQL database when TEST_PG_URL is set (dropped when the server stops).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createPgDatabase } from "./db";

export interface RunningServer {
  url: string;
  pid: number;
  /** The SQLite file or the PostgreSQL address (tests/support/sql.ts reads either). */
  dbFile: string;
  uploadDir: string;
  logs: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** `databaseUrl`: serve an existing database (kept afterwards) instead of a fresh one. */
export async function startTestServer(
  opts: { seedDemo?: boolean; env?: Record<string, string>; databaseUrl?: string; port?: number } = {},
): Promise<RunningServer> {
  if (!fs.existsSync("build/server/index.js"))
    throw new Error("Chưa build ứng dụng: chạy `npm run build` (npm test tự làm việc này).");
  const port = opts.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.resolve("tmp", "server-"));
  const pgDb = !opts.databaseUrl && process.env.TEST_PG_URL ? await createPgDatabase(process.env.TEST_PG_URL) : null;
  const dbFile = opts.databaseUrl ?? (pgDb ? pgDb.url : path.join(dir, "test.db"));
  const uploadDir = path.join(dir, "uploads");
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: dbFile,
      UPLOAD_DIR: uploadDir,
      SEED_DEMO: opts.seedDemo === false ? "0" : "1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  let stopping = false;
  // A server that dies under a test would otherwise show only "fetch failed": say why.
  child.once("exit", (code, signal) => {
    if (!stopping)
      console.error(
        `Máy chủ thử nghiệm dừng bất ngờ (mã ${code}, tín hiệu ${signal}). Cuối nhật ký:\n${output.slice(-6000)}`,
      );
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Máy chủ thử nghiệm dừng sớm:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`Máy chủ thử nghiệm không khởi động:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    pid: child.pid!,
    dbFile,
    uploadDir,
    logs: () => output,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
      await pgDb?.drop();
    },
  };
}
