/** The recycle bin over HTTP: who sees an entry, who may restore it, and a careless second click. */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["bgh.thcs", "gv.thcs", "bgh.tieuhoca", "vhxh"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

describe("the recycle bin over HTTP", () => {
  it("a deleted activity is listed for its school only, restored by its school only, once", async () => {
    const thcs = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
    const form = serverOne<{ code: string }>("select code from vocab_terms where kind = 'form' order by code limit 1").code;
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
    expect((await http(base, `/activities/${id}/delete`, { cookie: cookies["bgh.thcs"], form: { confirm: "yes" } })).status).toBe(302);
    expect((await http(base, `/activities/${id}`, { cookie: cookies["bgh.thcs"] })).status).toBe(404);

    const own = await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"] });
    expect(own.status).toBe(200);
    expect(own.text).toContain(title);
    const binId = serverOne<{ id: number }>("select id from recycle_bin where kind = 'activity' and record_id = ?", id).id;
    for (const who of ["bgh.tieuhoca", "vhxh", "gv.thcs"]) {
      expect((await http(base, "/recycle-bin", { cookie: cookies[who] })).text, who).not.toContain(title);
      const refused = await http(base, "/recycle-bin", { cookie: cookies[who], form: { intent: "restore", binId: String(binId) } });
      expect(refused.status, who).toBe(404);
    }
    const signedOut = await http(base, "/recycle-bin");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toContain("/login");

    const restored = await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"], form: { intent: "restore", binId: String(binId) } });
    expect(restored.status).toBe(302);
    expect(decodeURIComponent(restored.headers.get("location") ?? "")).toContain(`/activities/${id}`);
    expect((await http(base, `/activities/${id}`, { cookie: cookies["bgh.thcs"] })).text).toContain(title);
    const again = await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"], form: { intent: "restore", binId: String(binId) } });
    expect(again.status).toBe(404);
    expect(again.text).toContain("Không tìm thấy mục này trong thùng rác");
    expect((await http(base, "/recycle-bin", { cookie: cookies["bgh.thcs"], form: { intent: "restore", binId: "7e0" } })).status).toBe(400);
  });
});
