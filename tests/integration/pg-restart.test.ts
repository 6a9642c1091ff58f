/**
 * Issue #14: a province server rides out a PostgreSQL restart. A cluster of the test's own (the shared one serves
 * the other tests) is restarted while requests keep coming: the app's process stays up, requests in the gap answer
 * 503 with a message (never a crash or a 500), and pages serve again within seconds. A server started before its
 * database waits for it, saying so. Runs in the PostgreSQL pass (`npm run test:pg`, where TEST_PG_BIN is set).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startTestServer, type RunningServer } from "../support/server";

const BIN = process.env.TEST_PG_BIN;
const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
let dir = "";
let port = 0;

function pgCtl(...args: string[]) {
  const [cmd, ...rest] = [...asPostgres, path.join(BIN!, "pg_ctl"), "-D", path.join(dir, "data"), ...args];
  execFileSync(cmd, rest, { stdio: "ignore" });
}
const startCluster = () =>
  pgCtl(
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    "start",
  );

describe.runIf(BIN)("PostgreSQL restarting under the app", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tanan-pgr-"));
    if (asPostgres.length) execFileSync("chown", ["postgres", dir]);
    const [cmd, ...rest] = [
      ...asPostgres,
      path.join(BIN!, "initdb"),
      "-D",
      path.join(dir, "data"),
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ];
    execFileSync(cmd, rest, { stdio: "ignore" });
    port = await freePort();
  });
  afterAll(() => {
    try {
      pgCtl("-m", "immediate", "stop");
    } catch {
      /* already stopped */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a server started before its database waits for it; a stop and start under load answers 503 meanwhile, never exits, and serves again", async () => {
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // The database comes up two seconds after the server starts.
    const late = new Promise<void>((resolve) => setTimeout(() => (startCluster(), resolve()), 2000));
    let server: RunningServer | undefined;
    try {
      server = await startTestServer({ databaseUrl: url });
      await late;
      expect(server.logs()).toContain("Đang chờ cơ sở dữ liệu");

      const statuses = new Map<number, number>();
      let failures = 0;
      let running = true;
      const load = Array.from({ length: 4 }, async () => {
        while (running) {
          try {
            const res = await fetch(`${server!.url}/public`);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 503) expect(await res.text()).toContain("tạm thời");
            else await res.arrayBuffer();
          } catch {
            failures++; // refused: the process is gone
          }
        }
      });
      await new Promise((r) => setTimeout(r, 500));
      // Stopped at once (in-flight queries lose their connection), down for a second, then back.
      pgCtl("-m", "immediate", "-w", "stop");
      await new Promise((r) => setTimeout(r, 1000));
      startCluster();
      const back = Date.now();
      let ok = false;
      while (Date.now() - back < 15_000 && !ok) {
        ok = (await fetch(`${server.url}/public`)).status === 200;
        if (!ok) await new Promise((r) => setTimeout(r, 200));
      }
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      await Promise.all(load);
      expect(ok).toBe(true);
      expect(failures).toBe(0);
      expect(
        [...statuses.keys()].every((s) => s === 200 || s === 503),
        JSON.stringify([...statuses]),
      ).toBe(true);
      expect(server.logs()).not.toContain("Unhandled 'error' event");
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server?.stop();
    }
  }, 120_000);
});
