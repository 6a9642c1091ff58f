/**
 * Decision 016: the suite runs on Node 22 or later, and a server started by hand on an older Node (the
 * machine's Node 20 beside the project's Node 24 in .runtime/) says what to run and exits with status 1
 * instead of crashing (better-sqlite3 13 would end it with a segmentation fault).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function majorOf(node: string): number | undefined {
  try {
    return Number(execFileSync(node, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim());
  } catch {
    return undefined;
  }
}

const olderNode = ["/usr/bin/node", "/usr/local/bin/node"].find(
  (node) => fs.existsSync(node) && (majorOf(node) ?? 99) < 22,
);

describe("the Node.js the app runs on", () => {
  it("is 22 or later for the whole suite", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
  });

  it.skipIf(!olderNode)(
    `a server started on an older Node (${olderNode ?? "none on this machine"}) says what to run and exits 1`,
    () => {
      const dir = fs.mkdtempSync(path.resolve("tmp", "old-node-"));
      const run = spawnSync(olderNode!, ["--import", "tsx", "server.ts"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_URL: path.join(dir, "old-node.db"),
          UPLOAD_DIR: path.join(dir, "uploads"),
          SEED_DEMO: "0",
        },
        encoding: "utf8",
        timeout: 60_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      const version = execFileSync(olderNode!, ["--version"], { encoding: "utf8" }).trim();
      expect(run.signal, output).toBeNull();
      expect(run.status, output).toBe(1);
      expect(output).toContain(
        `Tân An STEM needs Node.js 22 or later (24 LTS recommended); this is Node.js ${version}`,
      );
      expect(output).toContain("npm run setup");
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
      expect(output).not.toContain("listening");
      expect(fs.existsSync(path.join(dir, "old-node.db"))).toBe(false); // stopped before touching the database
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
