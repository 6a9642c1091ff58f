/**
 * Issue #14: a backup taken while the app keeps writing and deleting finishes during the burst, and is whole:
 * restored as the README says and served, every file its database names is there with the right bytes.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { streamIntoStore } from "../../app/domain/files/upload-stream";
import { createMaterial, deleteMaterial, getMaterial } from "../../app/domain/materials/materials";
import { getUnit } from "../../app/domain/units/units";
import { loginAs } from "../support/http";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { startTestServer } from "../support/server";

const onSqlite = !process.env.TEST_PG_URL;
let t: TestDb;
let root = "";
beforeEach(async () => {
  root = fs.mkdtempSync(path.resolve("tmp", "backup-load-"));
  process.env.UPLOAD_DIR = path.join(root, "uploads");
  t = await createTestDb({ demo: true });
});
afterEach(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
  delete process.env.UPLOAD_DIR;
});

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% tai lieu ${n} ${"x".repeat(2000 + (n % 500))}\n%%EOF\n`);

describe.runIf(onSqlite)("a backup under a write-and-delete burst", () => {
  it("finishes while writes go on, and restores whole: every file its database names, byte for byte", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
    const add = async (n: number) =>
      createMaterial(
        t.db,
        teacher,
        thcs,
        {
          title: `Học liệu ${n}`,
          description: "",
          kind: "document",
          subject: "",
          grades: [8],
          topics: [],
          keywords: [],
          integratesTopics: false,
          visibility: "school",
          linkUrl: "",
        },
        { stored: await streamIntoStore(t.db, [pdf(n)]), name: `${n}.pdf` },
      );
    const ids: number[] = [];
    for (let n = 0; n < 40; n++) ids.push(await add(n));

    const out = path.join(root, "backups");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--out", out], {
      env: { ...process.env, DATABASE_URL: t.file, UPLOAD_DIR: process.env.UPLOAD_DIR },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const done = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let running = true;
    void done.then(() => (running = false));
    // The burst: a new material and a deleted one, again and again, until the backup is done.
    let writes = 0;
    for (let n = 40; running; n++) {
      ids.push(await add(n));
      const victim = ids.splice(Math.floor(ids.length / 2), 1)[0];
      await deleteMaterial(t.db, teacher, (await getMaterial(t.db, victim))!, true);
      writes += 2;
      await new Promise((r) => setImmediate(r));
    }
    expect(await done, output).toBe(0);
    expect(writes).toBeGreaterThan(0);

    // Restore as the README says: the .db file to DATABASE_URL, uploads/ to UPLOAD_DIR; then serve it.
    const backupDir = path.join(out, fs.readdirSync(out)[0]);
    const restoreDir = path.join(root, "restored");
    fs.mkdirSync(restoreDir);
    const restoredDb = path.join(restoreDir, "tan-an.db");
    fs.copyFileSync(path.join(backupDir, path.basename(t.file)), restoredDb);
    fs.cpSync(path.join(backupDir, "uploads"), path.join(restoreDir, "uploads"), { recursive: true });
    const check = new SQLite(restoredDb, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const files = check
      .prepare("select m.id, f.sha256 from materials m join stored_files f on f.id = m.file_id")
      .all() as { id: number; sha256: string }[];
    const named = check.prepare("select sha256 from stored_files").all() as { sha256: string }[];
    check.close();
    for (const { sha256 } of named) {
      const bytes = fs.readFileSync(path.join(restoreDir, "uploads", "objects", sha256.slice(0, 2), sha256));
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    }
    const server = await startTestServer({
      databaseUrl: restoredDb,
      seedDemo: false,
      env: { UPLOAD_DIR: path.join(restoreDir, "uploads") },
    });
    try {
      const cookie = await loginAs(server.url, "vhxh@tanan.demo");
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const res = await fetch(`${server.url}/materials/${f.id}/file`, { headers: { Cookie: cookie } });
        expect(res.status, `material ${f.id}`).toBe(200);
        expect(
          crypto
            .createHash("sha256")
            .update(Buffer.from(await res.arrayBuffer()))
            .digest("hex"),
        ).toBe(f.sha256);
      }
    } finally {
      await server.stop();
    }
  }, 120_000);
});
