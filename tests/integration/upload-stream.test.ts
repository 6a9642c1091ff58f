import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedPath } from "../../app/domain/files/storage";
import { streamIntoStore } from "../../app/domain/files/upload-stream";
import { createTestDb, type TestDb } from "../support/db";
import { DomainError } from "../../app/domain/shared/errors";

const dir = path.resolve("tmp", `uploads-stream-${process.pid}`);
let t: TestDb;
beforeEach(async () => {
  process.env.UPLOAD_DIR = dir;
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.UPLOAD_DIR;
  delete process.env.MAX_DOCUMENT_MB;
});

const PDF_HEAD = "%PDF-1.4\n1 0 obj<<>>endobj\n";
async function* chunks(total: number, head: string, counter: { n: number }, size = 64 * 1024) {
  const first = Buffer.alloc(Math.min(size, total), 0x20);
  first.write(head);
  for (let sent = 0; sent < total; sent += size) {
    counter.n++;
    yield sent === 0 ? first : Buffer.alloc(Math.min(size, total - sent), 0x20);
  }
}
const files = (sub: string) =>
  fs.existsSync(path.join(dir, sub))
    ? fs
        .readdirSync(path.join(dir, sub), { recursive: true })
        .filter((f) => !fs.statSync(path.join(dir, sub, String(f))).isDirectory())
    : [];

describe("streaming uploads into the store", () => {
  it("stores a real PDF once under its SHA-256, however often it is uploaded", async () => {
    const a = await streamIntoStore(t.db, chunks(200_000, PDF_HEAD, { n: 0 }));
    const b = await streamIntoStore(t.db, chunks(200_000, PDF_HEAD, { n: 0 }));
    expect(a.mime).toBe("application/pdf");
    expect(a.size).toBe(200_000);
    expect({ ...a, touchedAt: "", claim: "" }).toEqual({ ...b, touchedAt: "", claim: "" }); // (each upload touches and claims the row itself)
    expect(fs.statSync(storedPath(a.sha256)).size).toBe(200_000);
    expect(await t.db.selectFrom("stored_files").select(["sha256", "size"]).execute()).toEqual([
      { sha256: a.sha256, size: 200_000 },
    ]);
    expect(files("objects")).toHaveLength(1);
    expect(files(".incoming")).toHaveLength(0);
  });

  it("refuses a file whose bytes are not an allowed type, keeping nothing", async () => {
    await expect(
      streamIntoStore(t.db, chunks(100_000, "MZ this is a program, not a pdf", { n: 0 })),
    ).rejects.toBeInstanceOf(DomainError);
    expect(files("objects")).toHaveLength(0);
    expect(files(".incoming")).toHaveLength(0);
  });

  it("stops an oversized upload early and leaves no file behind", async () => {
    process.env.MAX_DOCUMENT_MB = "1";
    const counter = { n: 0 };
    const total = 50 * 1024 * 1024;
    await expect(streamIntoStore(t.db, chunks(total, PDF_HEAD, counter))).rejects.toThrow(/quá lớn/);
    expect(counter.n).toBeLessThan(20); // stopped after about 1 MB of the 50 MB
    expect(files("objects")).toHaveLength(0);
    expect(files(".incoming")).toHaveLength(0);
  });
});
