/**
 * Issue 20: each role's walk through the app on a phone (390 px, touch, a phone's user agent). Every section the role's
 * navigation offers, and the first record each section lists, fits the screen: no sideways scroll, and the header
 * stays within 64 px. The sections come from the page's own navigation, so a section added later is walked too.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { PHONE } from "../support/phone";

const base = inject("baseUrl");
const WIDTH = PHONE.width;
let ctx: BrowserContext;

beforeAll(async () => {
  ctx = await launchContext(PHONE);
});
afterAll(() => ctx?.close());

/** Where the page is wider than the screen: the page's scroll width and the widest element sticking out. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const scroll = document.scrollingElement!.scrollWidth;
    if (scroll <= width) return null;
    const culprit = [...document.querySelectorAll("body *")].find((e) => e.getBoundingClientRect().right > width + 1);
    return { scroll, culprit: culprit ? culprit.outerHTML.slice(0, 160) : "" };
  }, WIDTH);
}

/** The navigation's links (bottom bar and "Thêm" alike), as paths. */
async function sections(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole("navigation", { name: "Điều hướng chính" })
    .locator("a[href^='/']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs)];
}

/** The first record a list page links to, e.g. /clubs/12 from /clubs or /reports/2026-H2/3 from /reports. */
async function firstRecord(page: Page, section: string): Promise<string | null> {
  if (section === "/") return null;
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!).filter(Boolean));
  const pattern = new RegExp(`^${section}/[^?#]*\\d[^?#]*$`);
  // A page, not a download (…/export.xlsx) nor a form to fill (…/new).
  return hrefs.find((h) => pattern.test(h) && !/(\/(new|edit|import)|\.[a-z]{2,4})$/.test(h)) ?? null;
}

const ROLES = ["gv.thcs@tanan.demo", "bgh.thcs@tanan.demo", "vhxh@tanan.demo", "lanhdao@tanan.demo"];

describe("each role's walk on a phone", () => {
  for (const email of ROLES) {
    it(`${email}: every section and its first record fit 390 px, under a header of at most 64 px`, async () => {
      const page = await ctx.newPage();
      await login(page, base, email, DEMO_PASSWORD);
      const header = await page.locator("header").first().boundingBox();
      expect(header!.height).toBeLessThanOrEqual(64);
      const walked: string[] = [];
      const wide: { path: string; scroll: number; culprit: string }[] = [];
      const visit = async (path: string) => {
        const response = await page.goto(base + path);
        expect(response?.status(), path).toBeLessThan(400);
        walked.push(path);
        const o = await overflow(page);
        if (o) wide.push({ path, ...o });
      };
      await visit("/");
      for (const section of await sections(page)) {
        if (section === "/") continue;
        await visit(section);
        const record = await firstRecord(page, section);
        if (record) await visit(record);
      }
      expect(wide).toEqual([]);
      // The walk went through the pages issue 20 names: the roll calls, and a record of a list (a club, a session…).
      expect(walked, walked.join(" ")).toContain("/attendance");
      expect(walked.filter((p) => /\/\d+$/.test(p)).length, walked.join(" ")).toBeGreaterThanOrEqual(4);
      await page.close();
    });
  }
});
