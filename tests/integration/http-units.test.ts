import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, loginAs } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";
import { queryRows } from "../support/sql";

/** The system administrator adds a commune to the province, then units under the commune chosen. */
let server: RunningServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, "admin@tanan.demo");
});
afterAll(async () => {
  await server?.stop();
});

const unit = (name: string) =>
  queryRows<{ id: number; kind: string; parent_kind: string; parent_name: string }>(
    server.dbFile,
    "select u.id, u.kind, p.kind as parent_kind, p.name as parent_name from units u join units p on p.id = u.parent_id where u.name = ?",
    name,
  )[0];

describe("units of several communes", () => {
  it("adds a commune under the province and a school under the chosen commune; without a choice it asks which commune", async () => {
    // With one commune, a school goes under it without asking.
    let r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: { kind: "hamlet", name: "Ấp Tân Phát", parentId: "" },
    });
    expect(r.status).toBe(302);
    expect(unit("Ấp Tân Phát")).toMatchObject({ kind: "hamlet", parent_kind: "commune" });

    r = await http(server.url, "/admin/units", { cookie: admin, form: { kind: "commune", name: "UBND xã Bình Minh" } });
    expect(r.status).toBe(302);
    const commune = unit("UBND xã Bình Minh");
    expect(commune).toMatchObject({ kind: "commune", parent_kind: "province" });
    expect(r.location).toBe(`/units/${commune.id}`);

    // Two communes now: the form lists both and a unit without one is refused next to the field, keeping what was typed.
    const page = await http(server.url, "/admin/units", { cookie: admin });
    expect(page.text).toContain("Thuộc xã");
    expect(page.text).toContain("UBND xã Bình Minh");
    r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: { kind: "school", name: "Trường THCS Bình Minh", schoolLevel: "lower_secondary", parentId: "" },
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain("Vui lòng chọn xã của đơn vị.");
    expect(r.text).toContain('value="Trường THCS Bình Minh"');
    expect(unit("Trường THCS Bình Minh")).toBeUndefined();
    // A school is not a commune.
    const school = queryRows<{ id: number }>(server.dbFile, "select id from units where code = 'thcs-tanan'")[0];
    r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: {
        kind: "school",
        name: "Trường THCS Bình Minh",
        schoolLevel: "lower_secondary",
        parentId: String(school.id),
      },
    });
    expect(r.status).toBe(400);

    r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: {
        kind: "school",
        name: "Trường THCS Bình Minh",
        schoolLevel: "lower_secondary",
        parentId: String(commune.id),
      },
    });
    expect(r.status).toBe(302);
    expect(unit("Trường THCS Bình Minh")).toMatchObject({ kind: "school", parent_name: "UBND xã Bình Minh" });
    // One commune at a time, in pages.
    const list = await http(server.url, `/admin/units?commune=${commune.id}`, { cookie: admin });
    expect(list.text).toContain("Trường THCS Bình Minh");
    expect(list.text).not.toContain("Trường THCS Tân An");
    expect(list.text.replace(/<!-- -->/g, "")).toContain("1–2 / 2 mục");
    // The same name may exist in another commune, not twice in one.
    r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: { kind: "hamlet", name: "Ấp Tân Phát", parentId: String(commune.id) },
    });
    expect(r.status).toBe(302);
    r = await http(server.url, "/admin/units", {
      cookie: admin,
      form: { kind: "hamlet", name: "Ấp Tân Phát", parentId: String(commune.id) },
    });
    expect(r.status).toBe(400);
    expect(r.text).toContain("Đã có đơn vị cùng tên.");
  });

  it("reports: a reader of several communes chooses one (list and exported report); commune staff cannot ask for another commune", async () => {
    const binhMinh = unit("UBND xã Bình Minh");
    const tanAn = queryRows<{ id: number }>(
      server.dbFile,
      "select id from units where kind = 'commune' and name <> 'UBND xã Bình Minh'",
    )[0];
    let r = await http(server.url, `/reports?commune=${binhMinh.id}&period=2026-H1`, { cookie: admin });
    expect(r.status).toBe(200);
    expect(r.text).toContain("Trường THCS Bình Minh");
    expect(r.text).not.toContain("Trường THCS Tân An");
    expect(r.text).toContain(`export?unit=commune&amp;commune=${binhMinh.id}&amp;format=docx`);
    r = await http(server.url, `/reports/2026-H1/export?unit=commune&commune=${binhMinh.id}&format=csv`, {
      cookie: admin,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain("bao-cao-nq57-xa-binh-minh-2026-H1.csv");
    r = await http(server.url, `/reports?commune=${tanAn.id}&period=2026-H1`, { cookie: admin });
    expect(r.text).toContain("Trường THCS Tân An");
    expect(r.text).not.toContain("Trường THCS Bình Minh");

    const staff = await loginAs(server.url, "vhxh@tanan.demo");
    expect((await http(server.url, `/reports?commune=${binhMinh.id}`, { cookie: staff })).status).toBe(404);
    expect(
      (
        await http(server.url, `/reports/2026-H1/export?unit=commune&commune=${binhMinh.id}&format=csv`, {
          cookie: staff,
        })
      ).status,
    ).toBe(404);
    r = await http(server.url, `/reports/2026-H1/export?unit=commune&commune=${tanAn.id}&format=csv`, {
      cookie: staff,
    });
    expect(r.headers.get("content-disposition")).toContain("bao-cao-nq57-xa-tan-an-2026-H1.csv");
  });

  it("only the system administrator adds units", async () => {
    const staff = await loginAs(server.url, "vhxh@tanan.demo");
    const r = await http(server.url, "/admin/units", {
      cookie: staff,
      form: { kind: "commune", name: "UBND xã Không Được" },
    });
    expect(r.status).toBe(403);
    expect(unit("UBND xã Không Được")).toBeUndefined();
  });
});
