import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";

// Its own server: a second commune changes what the shared demo server's other tests see (targets, audit).
let server: RunningServer;
let context: BrowserContext;
beforeAll(async () => {
  server = await startTestServer();
  context = await launchContext({ width: 390, height: 844, isMobile: true });
});
afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe("units of a province, in a browser", () => {
  it("the system administrator adds a commune, then a school that must be put under one of the two communes", async () => {
    const page = await context.newPage();
    await login(page, server.url, "admin@tanan.demo", DEMO_PASSWORD);
    await page.goto(`${server.url}/admin/units`);
    await page.getByLabel("Loại đơn vị").selectOption({ label: "Xã" });
    // A commune belongs to the province: no commune to choose.
    await expect.poll(() => page.getByLabel("Thuộc xã").count()).toBe(0);
    await page.getByLabel("Tên đơn vị", { exact: true }).fill("UBND xã Bình Minh");
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    await page.waitForURL(/\/units\/\d+$/);

    await page.goto(`${server.url}/admin/units`);
    await page.getByLabel("Loại đơn vị").selectOption({ label: "Trường học" });
    await page.getByLabel("Tên đơn vị", { exact: true }).fill("Trường THCS Bình Minh");
    await page.getByLabel("Cấp học (với trường học)").selectOption({ label: "THCS" });
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    // Two communes now: the server asks which one, next to the field, and keeps what was typed.
    await expect.poll(() => page.getByText("Vui lòng chọn xã của đơn vị.").count()).toBe(1);
    expect(await page.getByLabel("Tên đơn vị", { exact: true }).inputValue()).toBe("Trường THCS Bình Minh");
    await expectAccessible(page);
    await page.getByLabel("Thuộc xã").selectOption({ label: "UBND xã Bình Minh" });
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    await page.waitForURL(/\/units\/\d+$/);

    // The list, one commune at a time.
    await page.goto(`${server.url}/admin/units`);
    await page.getByLabel("Xã", { exact: true }).selectOption({ label: "UBND xã Bình Minh" });
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/commune=\d+/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toContain("Trường THCS Bình Minh");
    expect(await page.getByRole("cell", { name: "Trường THCS Tân An" }).count()).toBe(0);
  });
});
