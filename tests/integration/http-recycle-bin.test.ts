/** The recycle bin over HTTP: who sees an entry, who may restore it, and a careless second click. */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["bgh.thcs", "gv.thcs", "bgh.tieuhoca", "vhxh"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

describe("the recycle bin over HTTP", () => {
  it("a deleted activity is listed for its school only, restored by its school only, once", async () => {
    const thcs = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
    const form = serverOne<{ code: string }>(
      "select code from vocab_terms where kind = 'form' order by code limit 1",
    ).code;
    const title = `Thùng rác HTTP ${Date.now()}`;
    const created = await http(base, "/activities/new", {
      cookie: cookies["bgh.thcs"],
      form: {
        title,
        organizerUnitId: String(thcs),
        form,
        topics: "CDS",
        audiences: "teachers",
        delivery: "in_person",
        startDate: "2026-12-07",
        startTime: "08:00",
        endDate: "2026-12-07",
        endTime: "10:00",
        place: "Hội trường",
        status: "planned",
      },
    });
    expect(created.status).toBe(302);
    const id = Number(/\/activities\/(\d+)/.exec(created.headers.get("location") ?? "")![1]);
    expect(
      (await http(base, `/activities/${id}/delete`, { cookie: cookies["bgh.thcs"], form: { confirm: "yes" } })).status,
    ).toBe(302);
    expect((await http(base, `/activities/${id}`, { cookie: cookies["bgh.thcs"] })).status).toBe(404);

    const own = await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"] });
    expect(own.status).toBe(200);
    expect(own.text).toContain(title);
    const binId = serverOne<{ id: number }>(
      "select id from recycle_bin where kind = 'activity' and record_id = ?",
      id,
    ).id;
    // Another school does not see the entry at all (404); the commune and the school's teacher see the school but may not restore (403).
    for (const [who, status] of [
      ["bgh.tieuhoca", 404],
      ["vhxh", 403],
      ["gv.thcs", 403],
    ] as const) {
      expect((await http(base, "/recycle-bin", { cookie: cookies[who] })).text, who).not.toContain(title);
      const refused = await http(base, "/recycle-bin", {
        cookie: cookies[who],
        form: { intent: "restore", binId: String(binId) },
      });
      expect(refused.status, who).toBe(status);
    }
    const signedOut = await http(base, "/recycle-bin");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/login");

    const restored = await http(base, "/recycle-bin", {
      cookie: cookies["bgh.thcs"],
      form: { intent: "restore", binId: String(binId) },
    });
    expect(restored.status).toBe(302);
    const after = await http(base, restored.location!, { cookie: cookies["bgh.thcs"] });
    expect(after.text).toContain(`href="/activities/${id}"`);
    expect((await http(base, `/activities/${id}`, { cookie: cookies["bgh.thcs"] })).text).toContain(title);
    const again = await http(base, "/recycle-bin", {
      cookie: cookies["bgh.thcs"],
      form: { intent: "restore", binId: String(binId) },
    });
    expect(again.status).toBe(404);
    expect(again.text).toContain("Không tìm thấy mục này trong thùng rác");
    expect(
      (await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"], form: { intent: "restore", binId: "7e0" } }))
        .status,
    ).toBe(400);
  });

  it("the link after a restore is built from a known kind and a number, never taken from the address", async () => {
    for (const query of [
      "to=%2F%5Cevil.example",
      "kind=activity&page=%2F%2Fevil.example",
      "kind=__proto__&page=1",
      "kind=material&page=-1",
    ]) {
      const page = await http(base, `/recycle-bin?restored=x&${query}`, { cookie: cookies["bgh.thcs"] });
      expect(page.status).toBe(200);
      expect(page.text).not.toContain("Mở mục đã khôi phục");
      expect(page.text).not.toContain('evil.example"');
    }
    const ok = await http(base, "/recycle-bin?restored=x&kind=budget_line&page=12", { cookie: cookies["bgh.thcs"] });
    expect(ok.text).toContain('href="/activities/12#budget"');
  });

  it("Xóa hẳn needs the confirmation and the right to restore; then the entry is gone for good", async () => {
    const title = `Xóa hẳn HTTP ${Date.now()}`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ title, kind: "document", visibility: "school" })) form.append(k, v);
    form.append("file", new Blob([`%PDF-1.4\n% ${title}\n%%EOF\n`], { type: "application/pdf" }), "x.pdf");
    const res = await fetch(`${base}/materials/upload`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookies["gv.thcs"] },
    });
    const id = ((await res.json()) as { id: number }).id;
    expect(
      (await http(base, `/materials/${id}`, { cookie: cookies["gv.thcs"], form: { intent: "delete", confirm: "yes" } }))
        .status,
    ).toBe(302);
    const binId = serverOne<{ id: number }>(
      "select id from recycle_bin where kind = 'material' and record_id = ?",
      id,
    ).id;
    const purge = (who: string, extra: Record<string, string> = { confirm: "yes" }) =>
      http(base, "/recycle-bin", { cookie: cookies[who], form: { intent: "purge", binId: String(binId), ...extra } });
    expect((await purge("bgh.tieuhoca")).status).toBe(404);
    const unconfirmed = await purge("gv.thcs", {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain("ô xác nhận");
    const done = await purge("gv.thcs");
    expect(done.status).toBe(302);
    expect(serverOne<{ n: number }>("select count(*) as n from recycle_bin where id = ?", binId).n).toBe(0);
    expect((await purge("gv.thcs")).status).toBe(404);
  });
});
