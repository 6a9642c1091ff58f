import { createHash } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["gv.thcs", "bgh.tieuhoca", "vhxh"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + " ".repeat(5000);

async function upload(
  who: string,
  fields: Record<string, string>,
  file?: { name: string; body: BlobPart; type: string },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.body], { type: file.type }), file.name);
  const res = await fetch(`${base}/materials/upload`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookies[who] },
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; id?: number; errors?: Record<string, string> },
  };
}

describe("materials over HTTP", () => {
  it("uploads a PDF, names it harmlessly, previews it, and answers range requests", async () => {
    const r = await upload(
      "gv.thcs",
      { title: "Tài liệu chuyển đổi số lớp 8", kind: "document", visibility: "school", topics: "CDS" },
      { name: "../../etc/passwd", body: PDF, type: "application/pdf" },
    );
    expect(r.status).toBe(200);
    const id = r.body.id!;
    expect(serverOne<{ file_name: string }>("select file_name from materials where id = ?", id).file_name).toBe(
      "passwd",
    );
    const full = await http(base, `/materials/${id}/file`, { cookie: cookies["gv.thcs"] });
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("application/pdf");
    const part = await fetch(`${base}/materials/${id}/file`, {
      headers: { Cookie: cookies["gv.thcs"], Range: "bytes=0-7" },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${PDF.length}`);
    expect(await part.text()).toBe("%PDF-1.4");
    // Another school cannot open it, nor fetch the file by its address.
    expect((await http(base, `/materials/${id}`, { cookie: cookies["bgh.tieuhoca"] })).status).toBe(404);
    expect((await http(base, `/materials/${id}/file`, { cookie: cookies["bgh.tieuhoca"] })).status).toBe(404);
    const signedOut = await http(base, `/materials/${id}/file`);
    expect(signedOut.status).toBe(302); // sign in first (whether or not it exists)
    expect(signedOut.location).toMatch(/^\/login\?redirectTo=/);
    const found = await http(base, "/materials?q=chuyen+doi+so", { cookie: cookies["gv.thcs"] });
    expect(found.text).toContain("Tài liệu chuyển đổi số lớp 8");
  });

  it("refuses a file renamed to .pdf that is not a PDF, keeping what was typed", async () => {
    const r = await upload(
      "gv.thcs",
      { title: "Giả mạo", kind: "document", visibility: "school" },
      { name: "bai-giang.pdf", body: "MZ\u0090 not a pdf at all", type: "application/pdf" },
    );
    expect(r.status).toBe(400);
    expect(r.body.errors?.file).toMatch(/không đúng loại/);
  });

  it("a form refused after its file was stored leaves nothing stored", async () => {
    const body = `%PDF-1.4\n% refused ${Date.now()}\n%%EOF\n`;
    const r = await upload(
      "gv.thcs",
      { title: "", kind: "document", visibility: "school" },
      { name: "a.pdf", body, type: "application/pdf" },
    );
    expect(r.status).toBe(400);
    expect(r.body.errors?.title).toBeTruthy();
    const sha = createHash("sha256").update(body).digest("hex");
    expect(serverOne<{ n: number }>("select count(*) as n from stored_files where sha256 = ?", sha).n).toBe(0);
  });

  it("only the school's staff upload", async () => {
    const r = await upload("vhxh", { title: "Không được", kind: "document", visibility: "school" });
    expect(r.status).toBe(403);
  });
});
