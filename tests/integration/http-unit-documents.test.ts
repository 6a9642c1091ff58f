/** Issue 18: each unit sets who signs its reports and their abbreviation; the DOCX prints them. */
import JSZip from "jszip";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["bgh.thcs", "gv.thcs", "bgh.tieuhoca"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

describe("a unit's document settings", () => {
  it("a principal sets the signer and abbreviation beside clear messages; the school's DOCX prints them", async () => {
    const thcs = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
    const page = await http(base, `/units/${thcs}`, { cookie: cookies["bgh.thcs"] });
    expect(page.text).toContain("Văn bản báo cáo của đơn vị");
    const refused = await http(base, `/units/${thcs}`, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "documents", signerName: "Phạm Thị Lan", signerTitle: "hiệu trưởng", docAbbreviation: "THCS TA" },
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Chỉ gồm chữ, số và các dấu");
    expect(refused.text).toContain("Phạm Thị Lan"); // kept
    const saved = await http(base, `/units/${thcs}`, {
      cookie: cookies["bgh.thcs"],
      form: {
        intent: "documents",
        signerName: "Phạm Thị Lan",
        signerTitle: "kt. hiệu trưởng",
        docAbbreviation: "thcs-ta",
      },
    });
    expect(saved.status).toBe(302);
    expect(serverOne("select signer_name, signer_title, doc_abbreviation from units where id = ?", thcs)).toEqual({
      signer_name: "Phạm Thị Lan",
      signer_title: "KT. HIỆU TRƯỞNG",
      doc_abbreviation: "THCS-TA",
    });
    const docx = await fetch(`${base}/reports/2026-H2/export?unit=${thcs}&format=docx`, {
      headers: { Cookie: cookies["bgh.thcs"] },
    });
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("/BC-THCS-TA");
    expect(text).toContain("KT. HIỆU TRƯỞNG");
    expect(text).toContain("Phạm Thị Lan");
  });

  it("a teacher and another school's principal may not change them", async () => {
    const thcs = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
    const form = { intent: "documents", signerName: "Người lạ" };
    expect((await http(base, `/units/${thcs}`, { cookie: cookies["gv.thcs"], form })).status).toBe(403);
    expect((await http(base, `/units/${thcs}`, { cookie: cookies["bgh.tieuhoca"], form })).status).toBe(404);
    expect(serverOne<{ signer_name: string }>("select signer_name from units where id = ?", thcs).signer_name).not.toBe(
      "Người lạ",
    );
  });
});
