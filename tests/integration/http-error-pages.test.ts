/**
 * A page that cannot be shown keeps the shell and says in Vietnamese what went wrong, with the way back to its
 * section (issue #16). Every page route of the build has an error boundary, so a new page is covered too.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { routeManifest } from "../support/route-manifest";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};

beforeAll(async () => {
  for (const who of ["bgh.thcs", "gv.thcs", "admin"]) cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

/** The page's text without tags, spaces collapsed. */
const words = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("error pages", () => {
  it("every page route exports an error boundary", () => {
    const pages = routeManifest().filter((r) => r.hasPage);
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.filter((r) => !r.hasErrorBoundary).map((r) => r.id)).toEqual([]);
  });

  it("a club that does not exist: 404 inside the shell, with the way back to the clubs", async () => {
    const res = await http(base, "/clubs/987654321", { cookie: cookies["bgh.thcs"] });
    expect(res.status).toBe(404);
    expect(res.text).toContain('aria-label="Điều hướng chính"');
    const text = words(res.text);
    expect(text).toContain("Lỗi 404");
    expect(text).toContain("Không tìm thấy trang");
    expect(res.text).toMatch(/<a[^>]*href="\/clubs"[^>]*>Về Câu lạc bộ STEM<\/a>/);
    expect(text).toContain("Về trang chủ");
  });

  it("a refusal says why, in the shell of its section (the admin tabs stay)", async () => {
    const refused = await http(base, "/people/987654321/new", { cookie: cookies["gv.thcs"] });
    expect([403, 404]).toContain(refused.status);
    expect(refused.text).toContain('aria-label="Điều hướng chính"');
    expect(refused.text).toMatch(/<a[^>]*href="\/people"[^>]*>Về Danh sách người<\/a>/);

    const missing = await http(base, "/admin/accounts/987654321", { cookie: cookies.admin });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('aria-label="Quản trị"');
    expect(words(missing.text)).toContain("Không tìm thấy trang");
    expect(missing.text).toMatch(/<a[^>]*href="\/admin"[^>]*>Về Quản trị<\/a>/);
  });

  it("on a section's first page the way back is the home page only", async () => {
    const res = await http(base, "/admin", { cookie: cookies["gv.thcs"] });
    expect(res.status).toBe(403);
    expect(words(res.text)).toContain("Không có quyền truy cập");
    expect(res.text).not.toMatch(/>Về Quản trị</);
    expect(words(res.text)).toContain("Về trang chủ");
  });
});
