/**
 * A list people can work with (issue 19), in Chromium: filter the clubs by words typed without diacritics and by a
 * field, come back to the filtered list with the back button, download its XLSX and find in it the rows the page
 * listed; a filter that matches nothing says so, with a link that clears the filters.
 */
import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { foldVietnamese } from "../../app/domain/shared/text";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { column, readListSheet } from "../support/list-sheet";
import { serverAll } from "../support/server-db";

const base = inject("baseUrl");
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launchContext();
  page = await context.newPage();
  await login(page, base, "vhxh@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await context?.close();
});

const listed = async () =>
  (
    await page
      .getByRole("region", { name: "Bảng dữ liệu, có thể cuộn ngang" })
      .locator("tbody tr td:first-child a")
      .allTextContents()
  ).sort();

describe("the clubs list in a browser", () => {
  it("filters by words without diacritics and a field, keeps them through the back button, and downloads them", async () => {
    await page.goto(`${base}/clubs`);
    const search = page.getByRole("search", { name: "Tìm và lọc câu lạc bộ" });
    await search.getByLabel("Tìm theo tên").fill("clb robot");
    await search.getByLabel("Lĩnh vực").selectOption({ label: "Robot" });
    await search.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/q=clb\+robot/);
    await expect.poll(listed).toEqual(
      serverAll<{ name: string }>("select name from clubs where field = 'robotics'")
        .map((c) => c.name)
        .filter((name) => foldVietnamese(name).includes("clb robot"))
        .sort(),
    );
    const onPage = await listed();
    expect(onPage.length).toBeGreaterThan(1);
    await expectAccessible(page);

    // A club and back: the list is still filtered.
    await page.getByRole("link", { name: onPage[0] }).first().click();
    await page.waitForURL(/\/clubs\/\d+$/);
    await page.goBack();
    await page.waitForURL(/q=clb\+robot/);
    await expect.poll(() => search.getByLabel("Tìm theo tên").inputValue()).toBe("clb robot");
    await expect.poll(listed).toEqual(onPage);

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải Excel (.xlsx)" }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^cau-lac-bo-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readListSheet(fs.readFileSync((await file.path())!));
    expect(column(sheet.rows, "Câu lạc bộ")).toEqual(onPage);
    expect(sheet.rows.every((r) => r["Lĩnh vực"] === "Robot")).toBe(true);
    expect(sheet.filters).toBe("Lọc theo: Tìm “clb robot” · Lĩnh vực: Robot");
  });

  it("a search that matches nothing says so; its link clears the filters", async () => {
    await page.goto(`${base}/clubs?q=${encodeURIComponent("không có câu lạc bộ này")}&status=active`);
    await page.getByText("Không có câu lạc bộ nào phù hợp với bộ lọc.").waitFor();
    await page.getByRole("link", { name: "Xóa bộ lọc" }).click();
    await page.waitForURL((u) => u.pathname === "/clubs" && u.search === "");
    expect((await listed()).length).toBeGreaterThan(5);
  });
});
