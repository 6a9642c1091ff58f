import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { queryRows } from "../support/sql";

const base = inject("baseUrl");
const dbFile = inject("serverDbFile");

function unitId(code: string): number {
  return queryRows<{ id: number }>(dbFile, "select id from units where code = ?", code)[0].id;
}

const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["admin", "vhxh", "lanhdao", "bgh.thcs", "gv.thcs", "bgh.tieuhoca"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

describe("who sees what", () => {
  it("each role sees its own home", async () => {
    expect((await http(base, "/", { cookie: cookies.vhxh })).text).toContain("Tổng quan xã Tân An");
    expect((await http(base, "/", { cookie: cookies.lanhdao })).text).toContain("Tổng quan xã Tân An");
    expect((await http(base, "/", { cookie: cookies["bgh.thcs"] })).text).toContain("Trường THCS Tân An");
    const tieuhoc = await http(base, "/", { cookie: cookies["bgh.tieuhoca"] });
    expect(tieuhoc.text).toContain("Trường Tiểu học Tân An A");
    expect(tieuhoc.text).not.toContain("Trường THCS Tân An");
  });

  it("a school administrator cannot open another school's page (404, no data)", async () => {
    const thcs = unitId("thcs-tanan");
    const own = await http(base, `/units/${thcs}`, { cookie: cookies["bgh.thcs"] });
    expect(own.status).toBe(200);
    const other = await http(base, `/units/${thcs}`, { cookie: cookies["bgh.tieuhoca"] });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Trường THCS Tân An");
    const post = await http(base, `/units/${thcs}?year=2026`, {
      cookie: cookies["bgh.tieuhoca"],
      form: { "teachers:0": "1" },
    });
    expect(post.status).toBe(404);
  });

  it("the commune leader reads every school but cannot change anything", async () => {
    const thcs = unitId("thcs-tanan");
    const page = await http(base, `/units/${thcs}`, { cookie: cookies.lanhdao });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Lưu số liệu");
    const post = await http(base, `/units/${thcs}?year=2026`, { cookie: cookies.lanhdao, form: { "teachers:0": "1" } });
    expect(post.status).toBe(403);
    expect((await http(base, "/admin", { cookie: cookies.lanhdao })).status).toBe(403);
    // Neither the page nor its data request carries the audit rows.
    const audit = await http(base, "/admin/audit", { cookie: cookies.lanhdao });
    expect(audit.status).toBe(403);
    expect(audit.text).not.toContain("bgh.thcs@tanan.demo");
    const auditData = await http(base, "/admin/audit.data", { cookie: cookies.lanhdao });
    expect(auditData.text).not.toContain("bgh.thcs@tanan.demo");
    expect(
      (
        await http(base, "/admin/accounts/new", {
          cookie: cookies.lanhdao,
          form: { email: "a@b.vn", fullName: "Ai Đó", role: "teacher", unitId: String(thcs) },
        })
      ).status,
    ).toBe(403);
  });

  it("teachers and school administrators have no administration pages", async () => {
    for (const who of ["gv.thcs", "bgh.thcs"]) {
      expect((await http(base, "/admin", { cookie: cookies[who] })).status).toBe(403);
      expect((await http(base, "/admin/audit", { cookie: cookies[who] })).status).toBe(403);
    }
    expect((await http(base, "/reports", { cookie: cookies["gv.thcs"] })).status).toBe(403);
    expect((await http(base, "/materials", { cookie: cookies["gv.thcs"] })).status).toBe(200);
  });

  it("a school administrator saves their own headcounts; a bad figure gets a message beside the field and nothing is saved", async () => {
    const thcs = unitId("thcs-tanan");
    const bad = await http(base, `/units/${thcs}?year=2030`, {
      cookie: cookies["bgh.thcs"],
      form: { "teachers:0": "-3", "students:6": "200" },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Số lượng không được âm.");
    expect(bad.text).toContain('value="-3"');
    const after = await http(base, `/units/${thcs}?year=2030`, { cookie: cookies["bgh.thcs"] });
    expect(after.text).not.toContain('value="200"');
    const good = await http(base, `/units/${thcs}?year=2030`, {
      cookie: cookies["bgh.thcs"],
      form: { "teachers:0": "52", "students:6": "200" },
    });
    expect(good.status).toBe(302);
    const saved = await http(base, `/units/${thcs}?year=2030`, { cookie: cookies["bgh.thcs"] });
    expect(saved.text).toContain('value="200"');
  });

  it("commune staff see all accounts and create one; the one-time link is shown once", async () => {
    const list = await http(base, "/admin", { cookie: cookies.vhxh });
    expect(list.status).toBe(200);
    expect(list.text).toContain("gv.thcs@tanan.demo");
    const created = await http(base, "/admin/accounts/new", {
      cookie: cookies.vhxh,
      form: {
        email: "gv.http@tanan.demo",
        fullName: "Giáo Viên Mới",
        role: "teacher",
        unitId: String(unitId("thcs-tanan")),
      },
    });
    expect(created.status).toBe(200);
    const link = created.text.match(/http:\/\/localhost:\d+\/account\/setup\/([a-z2-9]+)/);
    expect(link).not.toBeNull();
    const setup = await http(base, `/account/setup/${link![1]}`);
    expect(setup.status).toBe(200);
    expect(setup.text).toContain("Giáo Viên Mới");
    const used = await http(base, `/account/setup/${link![1]}`, {
      form: { password: "MatKhauMoi2026", confirm: "MatKhauMoi2026" },
    });
    expect(used.status).toBe(302);
    expect((await http(base, `/account/setup/${link![1]}`)).status).toBe(410);
    await loginAs(base, "gv.http@tanan.demo", "MatKhauMoi2026");
  });

  it("the audit log lists the changes for the commune", async () => {
    const audit = await http(base, "/admin/audit", { cookie: cookies.admin });
    expect(audit.status).toBe(200);
    expect(audit.text).toContain("Nhật ký thay đổi");
    expect(audit.text).toContain("Số lượng: 52");
    const sessions = await http(base, "/admin/audit?kind=sessions", { cookie: cookies.admin });
    expect(sessions.text).toContain("Đăng nhập: Phiên đăng nhập");
  });
});
