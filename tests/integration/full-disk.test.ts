/**
 * Issue #14: a full disk during an upload is refused with a message, leaves no partial file, and the server keeps
 * serving. UPLOAD_DIR is a 3 MB tmpfs (mounted here when the suite runs as root, as CI does; skipped otherwise).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";

function mountTmpfs(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tanan-full-"));
const mounted = mountTmpfs(dir, "3m");
let server: RunningServer;
let cookie = "";

describe.runIf(mounted)("a full disk during uploads", () => {
  beforeAll(async () => {
    server = await startTestServer({ env: { UPLOAD_DIR: dir } });
    cookie = await loginAs(server.url, "gv.thcs@tanan.demo");
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    execFileSync("umount", [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // An MP4 as far as the type check can tell (its first bytes), padded to the size wanted.
  const video = (bytes: number) => {
    const head = fs.readFileSync("scripts/seed/media/demo.mp4");
    const body = Buffer.alloc(bytes);
    head.copy(body, 0, 0, Math.min(head.length, bytes));
    body.writeUInt32BE(bytes % 2 ** 32, bytes - 4);
    return body;
  };
  async function upload(title: string, body: Buffer) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title, kind: "video", visibility: "school", topics: "STEM" }))
      form.append(k, v);
    form.append("file", new Blob([new Uint8Array(body)], { type: "video/mp4" }), "video.mp4");
    const res = await fetch(`${server.url}/materials/upload`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookie },
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; id?: number; errors?: Record<string, string> },
    };
  }
  async function uploadLogged(title: string, body: Buffer) {
    try {
      return await upload(title, body);
    } catch (e) {
      console.log(title, server.logs().slice(-2500));
      throw e;
    }
  }
  const incoming = () =>
    fs.existsSync(path.join(dir, ".incoming")) ? fs.readdirSync(path.join(dir, ".incoming")) : [];

  it("refuses the file that does not fit with a message, removes its partial file, and takes the next one", async () => {
    const big = await upload("Video quá lớn cho ổ đĩa", video(5 * 1024 * 1024)).catch((e) => {
      console.log(server.logs().slice(-3000));
      throw e;
    });
    expect(big.status).toBe(400);
    expect(big.body.errors?.file).toMatch(/không còn đủ dung lượng/);
    expect(incoming()).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const again = await uploadLogged("Video quá lớn, lần hai", video(4 * 1024 * 1024));
    expect(again.status).toBe(400);
    const small = await uploadLogged("Video vừa đủ", video(1024 * 1024));
    expect(small.status).toBe(200);
    expect(small.body.id).toBeGreaterThan(0);
    expect(server.logs()).not.toContain("Unhandled 'error' event");
  });
});
