import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { serverAll } from "../support/server-db";

const base = inject("baseUrl");

const cookies: Record<string, string> = {};
let activityId: number;
let teachers: { id: number; full_name: string }[];
let foreign: { id: number };
beforeAll(async () => {
  for (const who of ["gv.thcs", "lanhdao", "vhxh", "bgh.tieuhoca"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
  activityId = serverAll<{ id: number }>(
    "select a.id from activities a join units u on u.id = a.organizer_unit_id where u.code = 'thcs-tanan' and a.form = 'training' order by a.id limit 1",
  )[0].id;
  teachers = serverAll(
    "select p.id, p.full_name from people p join units u on u.id = p.unit_id where u.code = 'thcs-tanan' and p.category = 'teachers' order by p.id limit 4",
  );
  foreign = serverAll<{ id: number }>(
    "select p.id from people p join units u on u.id = p.unit_id where u.code = 'th-tanan-a' and p.category = 'teachers' limit 1",
  )[0];
});

const post = (who: string, marks: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/attendance/${activityId}/mark`, {
    method: "POST",
    headers: { Cookie: cookies[who], "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ marks }),
  });

describe("roll call over HTTP", () => {
  it("saves marks; twenty simultaneous saves of the same people leave one record each", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          "gv.thcs",
          teachers.map((t) => ({ personId: t.id, status: ["present", "late", "excused", "absent"][i % 4] })),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const rows = serverAll<{ n: number }>(
      `select count(*) n from attendance where activity_id = ? and person_id in (${teachers.map((t) => t.id).join(",")})`,
      activityId,
    );
    expect(rows[0].n).toBe(teachers.length);
  });

  it("refuses another school's people (409), the leader (403) and a cross-site post (403)", async () => {
    const otherSchool = await post("gv.thcs", [{ personId: foreign.id, status: "present" }]);
    expect(otherSchool.status).toBe(409);
    expect((await otherSchool.json()).error).toContain("người của đơn vị mình");
    expect((await post("lanhdao", [{ personId: teachers[0].id, status: "present" }])).status).toBe(403);
    expect(
      (await post("gv.thcs", [{ personId: teachers[0].id, status: "present" }], { Origin: "https://evil.example" }))
        .status,
    ).toBe(403);
    expect((await post("bgh.tieuhoca", [{ personId: teachers[0].id, status: "present" }])).status).toBe(404);
  });

  it("takes marks back ('Hoàn tác') for its own people only, and never inside an approved period", async () => {
    const clear = (who: string, activity: number, ids: number[]) =>
      fetch(`${base}/attendance/${activity}/mark`, {
        method: "POST",
        headers: { Cookie: cookies[who], "Content-Type": "application/json" },
        body: JSON.stringify({ clear: ids }),
      });
    await post("gv.thcs", [{ personId: teachers[0].id, status: "present" }]);
    const undone = await clear("gv.thcs", activityId, [teachers[0].id]);
    expect(undone.status).toBe(200);
    expect(await undone.json()).toEqual({ cleared: [teachers[0].id] });
    expect(
      serverAll<{ n: number }>(
        "select count(*) n from attendance where activity_id = ? and person_id = ?",
        activityId,
        teachers[0].id,
      )[0].n,
    ).toBe(0);
    expect((await clear("gv.thcs", activityId, [foreign.id])).status).toBe(409);
    expect((await clear("lanhdao", activityId, [teachers[1].id])).status).toBe(403);
    // A mark of an approved half-year stays.
    const [locked] = serverAll<{ activity_id: number; person_id: number }>(
      `select at.activity_id, at.person_id from attendance at
         join activities a on a.id = at.activity_id
         join people p on p.id = at.person_id
         join units u on u.id = p.unit_id
         join period_locks l on l.unit_id = p.unit_id and a.starts_at >= l.start_date and a.starts_at < l.end_date_exclusive
       where u.code = 'thcs-tanan' limit 1`,
    );
    const refused = await clear("gv.thcs", locked.activity_id, [locked.person_id]);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/duyệt/);
    expect(
      serverAll<{ n: number }>(
        "select count(*) n from attendance where activity_id = ? and person_id = ?",
        locked.activity_id,
        locked.person_id,
      )[0].n,
    ).toBe(1);
  });

  it("the commune sees counts per school, never the names", async () => {
    const page = await http(base, `/attendance/${activityId}`, { cookie: cookies.vhxh });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Số người theo đơn vị");
    for (const t of teachers) expect(page.text).not.toContain(t.full_name);
    const own = await http(base, `/attendance/${activityId}`, { cookie: cookies["gv.thcs"] });
    expect(own.text).toContain(teachers[0].full_name);
  });

  it("serves the sign-in sheet and the XLSX export to the school", async () => {
    const sheet = await http(base, `/attendance/${activityId}/sheet`, { cookie: cookies["gv.thcs"] });
    expect(sheet.text).toContain("DANH SÁCH KÝ TÊN");
    const xlsx = await fetch(`${base}/attendance/${activityId}/export.xlsx`, {
      headers: { Cookie: cookies["gv.thcs"] },
    });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const names = wb.worksheets[0].getColumn(3).values.map(String);
    expect(names).toContain(teachers[0].full_name);
  });
});
