/** The yearly budget estimate page (clause V.1) over HTTP: who may open it, messages beside the fields, the figure. */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["bgh.thcs", "gv.thcs", "vhxh", "lanhdao"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});
const unitId = (code: string) => serverOne<{ id: number }>("select id from units where code = ?", code).id;

describe("the yearly budget estimate over HTTP", () => {
  it("a principal enters their school's lines: a wrong amount is said beside the field and nothing is lost", async () => {
    const thcs = unitId("thcs-tanan");
    const page = await http(base, "/indicators/budget?year=2027", { cookie: cookies["bgh.thcs"] });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Dự toán kinh phí năm 2027: Trường THCS Tân An");
    const note = `Pano tuyên truyền ${Date.now()}`;
    const line = (amount: string) =>
      http(base, "/indicators/budget", {
        cookie: cookies["bgh.thcs"],
        form: {
          intent: "save",
          unit: String(thcs),
          year: "2027",
          category: "banners",
          source: "state_budget",
          amount,
          note,
        },
      });
    const refused = await line("12 triệu");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Vui lòng nhập số nguyên, ví dụ 1.500.000.");
    expect(refused.text).toContain(note); // what was typed stays
    const saved = await line("12.000.000");
    expect(saved.status).toBe(302);
    expect(
      serverOne<{ amount: number }>(
        "select amount from budget_plans where unit_id = ? and year = 2027 and category = 'banners'",
        thcs,
      ).amount,
    ).toBe(12_000_000);
    const after = await http(base, saved.location!, { cookie: cookies["bgh.thcs"] });
    expect(after.text).toContain("12.000.000");
    // The figure's drill-down lists the line for the commune's readers.
    const drill = await http(base, `/indicators/BUD-V.1?period=2027&school=${thcs}`, { cookie: cookies.lanhdao });
    expect(drill.status).toBe(200);
    expect(drill.text).toContain(note);
  });

  it("refuses those who do not plan, and another school's or commune unit's plan to a principal", async () => {
    expect((await http(base, "/indicators/budget", { cookie: cookies["gv.thcs"] })).status).toBe(403);
    expect((await http(base, "/indicators/budget", { cookie: cookies.lanhdao })).status).toBe(403);
    const sibling = unitId("th-tanan-a");
    expect((await http(base, `/indicators/budget?unit=${sibling}`, { cookie: cookies["bgh.thcs"] })).status).toBe(404);
    // Commune staff plan for the commune and its offices, not for a school.
    const office = unitId("office-vhxh");
    const staff = await http(base, `/indicators/budget?unit=${office}&year=2026`, { cookie: cookies.vhxh });
    expect(staff.status).toBe(200);
    expect((await http(base, `/indicators/budget?unit=${sibling}`, { cookie: cookies.vhxh })).status).toBe(404);
  });
});
