/**
 * Issue 20, materials on a phone (390 px, touch, Android Chrome's user agent): a teacher shares a PDF with the file
 * field first and a few keywords; its page draws the PDF's pages on a canvas with pdf.js (an embedded PDF shows
 * nothing on Android and a black box in headless Chromium), turns pages, keeps the download, shows the keywords
 * and needs no sideways scroll. A PDF pdf.js cannot read says so and offers the download.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { fitsThePhone, PHONE } from "../support/phone";
import { ANDROID_CHROME, launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { samplePdf } from "../support/pdf";

const base = inject("baseUrl");
let ctx: BrowserContext;
let page: Page;
const complaints: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  ctx = await launchContext({ ...PHONE, userAgent: ANDROID_CHROME });
  page = await ctx.newPage();
  // A refusal by the Content-Security-Policy, or pdf.js giving up its worker, shows in the console.
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to|fake worker/i.test(m.text())) complaints.push(m.text());
  });
  page.on("request", (r) => void requests.push(r.url()));
  await login(page, base, "gv.thcs@tanan.demo", DEMO_PASSWORD);
});
afterAll(() => ctx?.close());

/** How the drawn page looks: the share of pixels that are not white, and the colour at a point (fractions of it). */
async function canvasLook(x: number, y: number) {
  return page.getByTestId("pdf-page").evaluate(
    (c: HTMLCanvasElement, at) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) inked++;
      const px = (Math.floor(at.y * c.height) * c.width + Math.floor(at.x * c.width)) * 4;
      return { inked: inked / (d.length / 4), rgb: [d[px], d[px + 1], d[px + 2]], width: c.clientWidth };
    },
    { x, y },
  );
}

async function share(title: string, pdf: Buffer, keywords = "") {
  await page.goto(`${base}/materials/new`);
  await page
    .getByLabel("Tệp", { exact: true })
    .setInputFiles({ name: "tai-lieu.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByLabel("Tên học liệu").fill(title);
  await page.getByLabel("Loại").selectOption({ label: "Tài liệu số" });
  if (keywords) await page.getByLabel("Từ khoá").fill(keywords);
  await page.getByRole("button", { name: "Đăng học liệu" }).click();
  await page.getByText("Đã đăng học liệu.").waitFor();
}

describe("a PDF material on a phone", () => {
  it("the file comes first; the PDF's pages are drawn, turned and downloadable; keywords shown and searched", async () => {
    await page.goto(`${base}/materials/new`);
    const first = page.locator("form.form").locator("input, select, textarea").first();
    expect(await first.getAttribute("type")).toBe("file");
    await fitsThePhone(page);
    // Keywords over the limit are refused under their field before anything is sent.
    await page.getByLabel("Từ khoá").fill(Array.from({ length: 11 }, (_, i) => `k${i}`).join(", "));
    await page.getByLabel("Tên học liệu").fill("Thử");
    await page.getByRole("button", { name: "Đăng học liệu" }).click();
    await page.getByText("Tối đa 10 từ khoá (đang có 11).").waitFor();

    const pdf = samplePdf([
      { rgb: [0.1, 0.3, 0.8], text: "Trang mot" },
      { rgb: [0.8, 0.1, 0.1], text: "Trang hai" },
    ]);
    await share("Năng lượng mặt trời trên điện thoại", pdf, "pin mặt trời, #Robot, tiết kiệm điện");
    const canvas = page.getByTestId("pdf-page");
    await page.locator('[data-testid="pdf-page"][data-page="1"]').waitFor({ timeout: 30_000 });
    const one = await canvasLook(0.5, 0.35);
    expect(one.inked).toBeGreaterThan(0.3); // the blue band (and text), not a blank or black box
    expect(one.inked).toBeLessThan(0.9);
    expect(one.rgb[2]).toBeGreaterThan(150);
    expect(one.rgb[0]).toBeLessThan(80);
    expect(one.width).toBeGreaterThan(300); // as wide as the card
    expect(await canvas.getAttribute("aria-label")).toBe("Năng lượng mặt trời trên điện thoại: trang 1/2");
    await page.getByText("Trang 1/2").waitFor();

    await page.getByRole("button", { name: "Trang sau" }).click();
    await page.locator('[data-testid="pdf-page"][data-page="2"]').waitFor();
    const two = await canvasLook(0.5, 0.35);
    expect(two.rgb[0]).toBeGreaterThan(150);
    expect(two.rgb[2]).toBeLessThan(80);
    expect(await page.getByRole("button", { name: "Trang sau" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Trang trước" }).click();
    await page.locator('[data-testid="pdf-page"][data-page="1"]').waitFor();

    // pdf.js and its worker came from the app itself, and nothing was refused by the CSP.
    expect(requests.filter((u) => /pdf\.worker/.test(u)).length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
    expect(complaints).toEqual([]);

    // The download stays.
    const download = page.getByRole("link", { name: /Tải về/ });
    const href = (await download.getAttribute("href"))!;
    const file = await page.request.get(base + href);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment/);
    expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

    // Keywords on the page, each a search; the list finds the material by one typed without diacritics.
    for (const k of ["pin mặt trời", "Robot", "tiết kiệm điện"])
      expect(await page.getByRole("link", { name: `Tìm học liệu có từ khoá ${k}` }).isVisible()).toBe(true);
    await fitsThePhone(page);
    await expectAccessible(page);
    await page.goto(`${base}/materials?q=tiet+kiem+dien`);
    expect(await page.getByRole("link", { name: "Năng lượng mặt trời trên điện thoại" }).count()).toBe(1);
    await fitsThePhone(page);
  }, 90_000);

  it("a PDF that cannot be drawn says so and offers the download", async () => {
    await share("PDF hỏng", Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
    const failed = page.getByRole("alert").filter({ hasText: "Không hiển thị được bản xem trước" });
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.getByRole("link", { name: "tải tệp về" }).getAttribute("href")).toMatch(
      /^\/materials\/\d+\/file\?download=1$/,
    );
    await fitsThePhone(page);
  });
});
