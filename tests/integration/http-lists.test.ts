/**
 * Lists people can work with (issue 19), over HTTP against the demo: for each list, a search without diacritics
 * (plain ASCII and a query pasted in decomposed Unicode find the composed record, other words exclude it), a filter,
 * the "Tải Excel (.xlsx)" download of exactly what is filtered (read back with exceljs and compared with the
 * database), and who is refused. Students' names leave their school in no download (decision 006).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { foldVietnamese } from "../../app/domain/shared/text";
import { http, loginAs } from "../support/http";
import { column, readListSheet } from "../support/list-sheet";
import { serverAll, serverOne } from "../support/server-db";

const base = inject("baseUrl");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["admin", "vhxh", "lanhdao", "bgh.thcs", "gv.thcs", "bgh.tieuhoca", "gv.tieuhoca", "kinhte"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

const nfd = (s: string) => s.normalize("NFD");
const holds = (text: string | null, q: string) => foldVietnamese(text ?? "").includes(foldVietnamese(q));
const unitId = (code: string) => serverOne<{ id: number }>("select id from units where code = ?", code).id;

/** A list's download, read back. */
async function download(path: string, cookie: string) {
  const res = await fetch(base + path, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  return readListSheet(await res.arrayBuffer());
}

async function status(path: string, cookie?: string) {
  return (await http(base, path, { cookie })).status;
}

/** The page, searched three ways: plain ASCII and decomposed Unicode find `title`, `other` words exclude it. */
async function searchFinds(path: string, cookie: string, ascii: string, composed: string, title: string, none: string) {
  expect(composed.normalize("NFC")).toBe(composed);
  for (const q of [ascii, nfd(composed)]) {
    const page = await http(base, `${path}${path.includes("?") ? "&" : "?"}q=${encodeURIComponent(q)}`, { cookie });
    expect(page.status, q).toBe(200);
    expect(page.text, q).toContain(title);
  }
  const miss = await http(base, `${path}${path.includes("?") ? "&" : "?"}q=${encodeURIComponent(`${ascii} khongco`)}`, {
    cookie,
  });
  expect(miss.status).toBe(200);
  expect(miss.text).not.toContain(title);
  expect(miss.text).toContain(`Không có ${none} nào phù hợp với bộ lọc.`);
  expect(miss.text).toContain("Xóa bộ lọc");
}

describe("activities", () => {
  const composed = "Bình Dân học vụ";
  it("a search finds titles without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds(
      "/activities",
      cookies.vhxh,
      "binh dan hoc vu",
      composed,
      "Tập huấn Bình dân học vụ số cho cán bộ, công chức",
      "hoạt động",
    );
  });

  it("the download holds exactly the filtered list (search and period), and the page's link carries the query", async () => {
    const query = new URLSearchParams({ q: nfd(composed), period: "2026" }).toString();
    const page = await http(base, `/activities?${query}`, { cookie: cookies.vhxh });
    expect(page.text).toContain(`href="/activities/export.xlsx?${query.replace(/&/g, "&amp;")}"`);
    const sheet = await download(`/activities/export.xlsx?${query}`, cookies.vhxh);
    const expected = serverAll<{ title: string; place: string | null; starts_at: string }>(
      "select title, place, starts_at from activities",
    ).filter((a) => (holds(a.title, composed) || holds(a.place, composed)) && a.starts_at.startsWith("2026"));
    expect(expected.length).toBeGreaterThan(1);
    expect(column(sheet.rows, "Hoạt động")).toEqual(expected.map((a) => a.title).sort());
    expect(sheet.filters).toContain("Năm 2026");
    expect(sheet.filters).toContain("Tìm “Bình Dân học vụ”");
    // Without the period: the one of December 2025 comes back.
    const all = await download(`/activities/export.xlsx?q=binh+dan+hoc+vu`, cookies.vhxh);
    expect(all.rows.length).toBeGreaterThan(expected.length);
    expect(all.rows.every((r) => r["Bắt đầu"] instanceof Date)).toBe(true);
  });

  it("a school's download holds no other school's activities; an office's staff are refused", async () => {
    const sheet = await download("/activities/export.xlsx?q=sinh+hoat+duoi+co", cookies["bgh.tieuhoca"]);
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(sheet.rows.filter((r) => r["Đơn vị tổ chức"] === "Trường THCS Tân An")).toEqual([]);
    const thcs = await download("/activities/export.xlsx?q=sinh+hoat+duoi+co", cookies["bgh.thcs"]);
    expect(thcs.rows.some((r) => r["Đơn vị tổ chức"] === "Trường THCS Tân An")).toBe(true);
    expect(await status("/activities/export.xlsx", cookies.kinhte)).toBe(403);
    expect(await status("/activities/export.xlsx")).toBe(302);
  });
});

describe("clubs", () => {
  it("a search finds names without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds("/clubs", cookies.vhxh, "moi truong", "MÔI TRƯỜNG", "CLB Môi trường xanh", "câu lạc bộ");
  });

  it("the download holds exactly the filtered list (school and field)", async () => {
    const thcs = unitId("thcs-tanan");
    const sheet = await download(`/clubs/export.xlsx?school=${thcs}&field=robotics`, cookies.vhxh);
    const expected = serverAll<{ name: string }>(
      "select name from clubs where school_id = ? and field = 'robotics'",
      thcs,
    ).map((c) => c.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(column(sheet.rows, "Câu lạc bộ")).toEqual(expected.sort());
    expect(sheet.rows.every((r) => r["Trường"] === "Trường THCS Tân An" && r["Lĩnh vực"] === "Robot")).toBe(true);
    expect(sheet.filters).toBe("Lọc theo: Trường: Trường THCS Tân An · Lĩnh vực: Robot");
    expect(typeof sheet.rows[0]["Học sinh"]).toBe("number");
  });

  it("a school's download holds its own clubs only, whatever school is asked for", async () => {
    const sheet = await download(`/clubs/export.xlsx?school=${unitId("thcs-tanan")}`, cookies["bgh.tieuhoca"]);
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(sheet.rows.every((r) => r["Trường"] === "Trường Tiểu học Tân An A")).toBe(true);
    expect(await status("/clubs/export.xlsx", cookies.kinhte)).toBe(403);
  });
});

describe("contests", () => {
  it("a search finds names without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds(
      "/contests",
      cookies.vhxh,
      "sang tao thanh thieu nien",
      "Sáng tạo thanh thiếu niên",
      "Hội thi Sáng tạo thanh thiếu niên, nhi đồng xã Tân An năm 2026",
      "cuộc thi",
    );
  });

  it("the download holds exactly the filtered list (level and year)", async () => {
    const sheet = await download("/contests/export.xlsx?level=commune&year=2026", cookies.vhxh);
    const expected = serverAll<{ name: string }>(
      "select name from contests where level = 'commune' and starts_on >= '2026-01-01' and starts_on <= '2026-12-31'",
    ).map((c) => c.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(column(sheet.rows, "Cuộc thi")).toEqual(expected.sort());
    expect(sheet.rows.every((r) => r["Cấp"] === "Cấp xã")).toBe(true);
    // Where each stands, from its dates; a filter on it keeps only those.
    const finished = await download("/contests/export.xlsx?status=finished", cookies.vhxh);
    expect(finished.rows.length).toBeGreaterThan(0);
    expect(finished.rows.every((r) => r["Tình trạng"] === "Đã kết thúc")).toBe(true);
  });

  it("a school's download leaves out another school's own contest", async () => {
    const own = await download("/contests/export.xlsx?q=robot", cookies["bgh.thcs"]);
    expect(column(own.rows, "Cuộc thi")).toContain("Ngày hội STEM – Thi robot cấp trường năm 2026");
    const other = await download("/contests/export.xlsx?q=robot", cookies["bgh.tieuhoca"]);
    expect(column(other.rows, "Cuộc thi")).not.toContain("Ngày hội STEM – Thi robot cấp trường năm 2026");
    expect(await status("/contests/export.xlsx", cookies.kinhte)).toBe(403);
  });
});

describe("materials", () => {
  it("a search finds titles without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds(
      "/materials",
      cookies.vhxh,
      "doi song hang ngay",
      "Đời sống hằng ngày",
      "Chuyển đổi số trong đời sống hằng ngày",
      "học liệu",
    );
  });

  it("the download holds exactly the filtered list (kind and school)", async () => {
    const thcs = unitId("thcs-tanan");
    const sheet = await download(`/materials/export.xlsx?kind=video&school=${thcs}`, cookies.vhxh);
    const expected = serverAll<{ title: string }>(
      "select title from materials where kind = 'video' and school_id = ?",
      thcs,
    ).map((m) => m.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(column(sheet.rows, "Học liệu")).toEqual(expected.sort());
    expect(sheet.rows.every((r) => r["Loại"] === "Video ngắn" && r["Trường"] === "Trường THCS Tân An")).toBe(true);
  });

  it("another school's material shared with its school only is in no other school's download", async () => {
    const title = "Bài giảng điện tử: Trí tuệ nhân tạo là gì?";
    expect(column((await download("/materials/export.xlsx?q=tri+tue", cookies.vhxh)).rows, "Học liệu")).toContain(
      title,
    );
    expect(
      column((await download("/materials/export.xlsx?q=tri+tue", cookies["bgh.thcs"])).rows, "Học liệu"),
    ).not.toContain(title);
  });
});

describe("a unit's people", () => {
  let thcs: number;
  let pupil: { full_name: string; class_name: string };
  beforeAll(() => {
    thcs = unitId("thcs-tanan");
    pupil = serverOne(
      "select full_name, class_name from people where unit_id = ? and category = 'students' and left_on is null and full_name like '%ư%' order by id limit 1",
      thcs,
    );
  });

  it("a search finds a pupil's name without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds(
      `/people/${thcs}?category=students`,
      cookies["gv.thcs"],
      foldVietnamese(pupil.full_name),
      pupil.full_name,
      pupil.full_name,
      "người",
    );
  });

  it("the download holds exactly the class asked for, for the school's own staff", async () => {
    const sheet = await download(
      `/people/${thcs}/export.xlsx?category=students&class=${encodeURIComponent(pupil.class_name)}`,
      cookies["gv.thcs"],
    );
    const expected = serverAll<{ code: string; full_name: string }>(
      "select code, full_name from people where unit_id = ? and category = 'students' and left_on is null and class_name = ?",
      thcs,
      pupil.class_name,
    );
    expect(column(sheet.rows, "Mã")).toEqual(expected.map((p) => p.code).sort());
    expect(column(sheet.rows, "Họ và tên")).toContain(pupil.full_name);
    expect(sheet.rows.every((r) => r["Lớp"] === pupil.class_name)).toBe(true);
  });

  it("the commune's readers get counts by class, never a pupil's name; another school's staff get 404", async () => {
    const names = serverAll<{ full_name: string }>(
      "select full_name from people where unit_id = ? and category = 'students'",
      thcs,
    ).map((p) => p.full_name);
    const classes = serverAll<{ class_name: string; n: number }>(
      "select class_name, count(*) as n from people where unit_id = ? and category = 'students' and left_on is null group by class_name",
      thcs,
    );
    for (const who of ["vhxh", "lanhdao", "admin"]) {
      const sheet = await download(`/people/${thcs}/export.xlsx?category=students&q=a`, cookies[who]);
      expect(sheet.header).toEqual(["STT", "Khối", "Lớp", "Số học sinh"]);
      expect(names.filter((n) => sheet.text.includes(n))).toEqual([]);
      expect(Object.fromEntries(sheet.rows.map((r) => [r["Lớp"], r["Số học sinh"]]))).toEqual(
        Object.fromEntries(classes.map((c) => [c.class_name, Number(c.n)])),
      );
    }
    expect(await status(`/people/${thcs}/export.xlsx?category=students`, cookies["gv.tieuhoca"])).toBe(404);
    expect(await status(`/people/${thcs}/export.xlsx?category=teachers`, cookies["bgh.tieuhoca"])).toBe(404);
  });
});

describe("accounts", () => {
  it("a search finds names without diacritics, in decomposed Unicode too, and nothing else", async () => {
    await searchFinds("/admin", cookies.admin, "pham thi lan", "Phạm Thị Lan", "bgh.thcs@tanan.demo", "tài khoản");
  });

  it("the download holds exactly the filtered list (role, unit and state)", async () => {
    const tha = unitId("th-tanan-a");
    const sheet = await download(`/admin/accounts/export.xlsx?role=teacher&unit=${tha}&state=active`, cookies.admin);
    const expected = serverAll<{ email: string }>(
      "select distinct users.email from users join memberships m on m.user_id = users.id where m.role = 'teacher' and m.unit_id = ? and users.is_active = 1 and users.password_hash is not null",
      tha,
    ).map((u) => u.email);
    expect(expected.length).toBeGreaterThan(0);
    expect(column(sheet.rows, "Email")).toEqual(expected.sort());
    expect(sheet.rows.every((r) => r["Trạng thái"] === "Đang hoạt động")).toBe(true);
    const locked = await download("/admin/accounts/export.xlsx?state=locked&q=pham+thi+lan", cookies.admin);
    expect(locked.rows).toEqual([]);
  });

  it("those who do not manage accounts are refused", async () => {
    for (const who of ["lanhdao", "bgh.thcs", "gv.thcs"])
      expect(await status("/admin/accounts/export.xlsx", cookies[who])).toBe(403);
  });
});

describe("the audit log", () => {
  // An account no other test file signs in with over HTTP: its sign-ins are this file's.
  const EMAIL = "hcc@tanan.demo";
  let name: string;
  beforeAll(async () => {
    name = serverOne<{ full_name: string }>("select full_name from users where email = ?", EMAIL).full_name;
    await loginAs(base, EMAIL);
    await loginAs(base, EMAIL);
  });

  it("who, without diacritics or in decomposed Unicode, finds that person's entries and nobody else's", async () => {
    for (const q of [foldVietnamese(name), nfd(name.toUpperCase())]) {
      const page = await http(base, `/admin/audit?kind=sessions&q=${encodeURIComponent(q)}`, { cookie: cookies.admin });
      expect(page.status).toBe(200);
      expect(page.text).toContain(name);
      expect(page.text).not.toContain("Võ Minh Tuấn");
    }
  });

  it("the download holds exactly the filtered entries (who, action, record, dates)", async () => {
    const query = `kind=all&q=${encodeURIComponent(foldVietnamese(name))}&action=login&entity=session&from=2025-01-01&to=2030-12-31`;
    const sheet = await download(`/admin/audit/export.xlsx?${query}`, cookies.admin);
    const expected = serverAll<{ id: number }>(
      "select a.id from audit_log a join users u on u.id = a.actor_user_id where u.email = ? and a.action = 'login'",
      EMAIL,
    );
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(sheet.rows.length).toBe(expected.length);
    expect(sheet.rows.every((r) => r["Người thực hiện"] === name && r["Thao tác"] === "Đăng nhập")).toBe(true);
    expect(sheet.rows.every((r) => r["Thời điểm"] instanceof Date)).toBe(true);
    // A range that ends before today holds none of them.
    const before = await download(
      `/admin/audit/export.xlsx?${query.replace("to=2030-12-31", "to=2025-01-02")}`,
      cookies.admin,
    );
    expect(before.rows).toEqual([]);
    const empty = await http(base, `/admin/audit?${query.replace("to=2030-12-31", "to=2025-01-02")}`, {
      cookie: cookies.admin,
    });
    expect(empty.text).toContain("Không có mục nào phù hợp với bộ lọc.");
  });

  it("those who do not read the audit log are refused", async () => {
    for (const who of ["lanhdao", "bgh.thcs", "gv.thcs"])
      expect(await status("/admin/audit/export.xlsx", cookies[who])).toBe(403);
  });
});

describe("half-year reports", () => {
  it("a search by unit without diacritics, a status filter, and the same rows as Excel; only the commune's readers", async () => {
    for (const q of ["tieu hoc", nfd("Tiểu học")]) {
      const page = await http(base, `/reports?period=2026-H1&q=${encodeURIComponent(q)}`, { cookie: cookies.vhxh });
      expect(page.status).toBe(200);
      expect(page.text).toContain("Trường Tiểu học Tân An A");
      expect(page.text).toContain("Trường Tiểu học Tân An B");
      expect(page.text).not.toContain(">Trường THCS Tân An<");
    }
    const miss = await http(base, "/reports?period=2026-H1&q=khongco", { cookie: cookies.vhxh });
    expect(miss.text).toContain("Không có đơn vị nào phù hợp với bộ lọc.");
    const submitted = serverAll<{ name: string }>(
      "select u.name from reports r join units u on u.id = r.unit_id where r.period_key = '2026-H1' and r.status = 'submitted' order by u.name",
    ).map((r) => r.name);
    const sheet = await download("/reports/list.xlsx?period=2026-H1&status=submitted", cookies.lanhdao);
    expect(sheet.filters).toBe("Lọc theo: Trạng thái: Đã nộp, chờ duyệt");
    expect(sheet.rows.map((r) => r["Đơn vị"]).sort()).toEqual(submitted);
    expect(sheet.rows.every((r) => r["Trạng thái"] === "Đã nộp, chờ duyệt")).toBe(true);
    for (const who of ["bgh.thcs", "gv.thcs", "kinhte"])
      expect(await status("/reports/list.xlsx", cookies[who]), who).toBe(403);
  });
});

describe("a download's filter line", () => {
  it("names no unit the reader does not reach", async () => {
    // The province's unit lies outside a school's commune (another commune's school would too).
    const outside = unitId("province");
    const sheet = await download(`/activities/export.xlsx?unit=${outside}`, cookies["bgh.thcs"]);
    expect(sheet.filters).not.toContain("Tây Ninh");
    expect(sheet.rows).toEqual([]);
    const own = await download(`/activities/export.xlsx?unit=${unitId("thcs-tanan")}`, cookies["bgh.thcs"]);
    expect(own.filters).toContain("Trường THCS Tân An");
  });
});
