import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";

const base = inject("baseUrl");
let context: BrowserContext;

beforeAll(async () => {
  context = await launchContext();
});
afterAll(async () => {
  await context?.close();
});

const NAV: Record<string, { heading: string; nav: string[]; notNav: string[] }> = {
  // The system administrator reads the schools' records like a commune reader (decision 003).
  "admin@tanan.demo": { heading: "Tổng quan xã Tân An", nav: ["Trang chủ", "Câu lạc bộ STEM", "Quản trị"], notNav: [] },
  "vhxh@tanan.demo": {
    heading: "Tổng quan xã Tân An",
    nav: ["Câu lạc bộ STEM", "Cuộc thi", "Hoạt động", "Điểm danh", "Học liệu", "Chỉ tiêu", "Báo cáo", "Quản trị"],
    notNav: [],
  },
  "lanhdao@tanan.demo": {
    heading: "Tổng quan xã Tân An",
    nav: ["Danh sách người", "Chỉ tiêu", "Báo cáo"],
    notNav: ["Quản trị"],
  },
  "bgh.thcs@tanan.demo": {
    heading: "Trường THCS Tân An",
    nav: ["Câu lạc bộ STEM", "Hoạt động", "Báo cáo"],
    notNav: ["Quản trị"],
  },
  "gv.thcs@tanan.demo": {
    heading: "Trường THCS Tân An",
    nav: ["Điểm danh", "Học liệu"],
    notNav: ["Quản trị", "Báo cáo", "Chỉ tiêu"],
  },
  "bgh.tieuhoca@tanan.demo": { heading: "Trường Tiểu học Tân An A", nav: ["Câu lạc bộ STEM"], notNav: ["Quản trị"] },
};

describe("each demo account in a browser", () => {
  for (const [email, expected] of Object.entries(NAV)) {
    it(`${email} logs in and sees its own navigation and home`, async () => {
      const page = await context.newPage();
      await login(page, base, email, DEMO_PASSWORD);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(expected.heading);
      const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
      for (const label of expected.nav)
        expect(await nav.getByRole("link", { name: label, exact: true }).count()).toBeGreaterThan(0);
      for (const label of expected.notNav)
        expect(await nav.getByRole("link", { name: label, exact: true }).count()).toBe(0);
      await expectAccessible(page);
      await page.locator(".account-menu > summary").click();
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL(/\/login$/);
      await page.close();
    });
  }

  it("a school administrator opening another school's page gets a Vietnamese 404 page", async () => {
    const page = await context.newPage();
    await login(page, base, "bgh.tieuhoca@tanan.demo", DEMO_PASSWORD);
    await page.goto(`${base}/`);
    // Find the THCS school's id through the commune's view is impossible for this account: guess ids instead.
    let saw404 = false;
    for (let id = 1; id <= 20; id++) {
      const res = await page.goto(`${base}/units/${id}`);
      const text = await page.locator("main").textContent();
      if (text?.includes("Trường THCS Tân An")) throw new Error(`school data leaked at /units/${id}`);
      if (res?.status() === 404) saw404 = true;
    }
    expect(saw404).toBe(true);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Không tìm thấy trang");
    await expectAccessible(page);
    await page.close();
  });

  it("the commune leader opens a school's figures read-only, on a phone too", async () => {
    const phone = await launchContext({ width: 390, height: 844, isMobile: true });
    const page = await phone.newPage();
    await login(page, base, "lanhdao@tanan.demo", DEMO_PASSWORD);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Trường THCS Tân An" }).click();
    await page.waitForURL(/\/units\/\d+/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Trường THCS Tân An");
    expect(await page.getByRole("button", { name: /Lưu số liệu/ }).count()).toBe(0);
    expect(await page.locator("input[name='teachers:0']").count()).toBe(0);
    await expectAccessible(page);
    await phone.close();
  });
});
