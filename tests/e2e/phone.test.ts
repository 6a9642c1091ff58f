/**
 * Issue 20, on a phone (390 px, touch, a phone's user agent): a principal takes the roll of a class of about thirty
 * — eight people a screen, names rather than codes, a search that ignores diacritics, "Tất cả còn lại: Có mặt" and
 * its undo — and a session still to come warns before anyone is marked. No page of the walk scrolls sideways.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { foldVietnamese } from "../../app/domain/shared/text";
import { fitsThePhone, signedInPhone } from "../support/phone";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await signedInPhone(base, "bgh.thcs@tanan.demo"));
});
afterAll(() => ctx?.close());

function vietnamDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function newSession(title: string, day: string): Promise<number> {
  await page.goto(`${base}/activities/new`);
  await page.getByLabel("Tên hoạt động").fill(title);
  await page.getByLabel("Hình thức").selectOption({ label: "Sinh hoạt chuyên đề" });
  await page.getByLabel("Nghị quyết 57-NQ/TW").check();
  await page.getByLabel("Học sinh", { exact: true }).check();
  await page.getByLabel("Ngày bắt đầu").fill(day);
  await page.getByLabel("Giờ bắt đầu").fill("07:30");
  await page.getByLabel("Ngày kết thúc").fill(day);
  await page.getByLabel("Giờ kết thúc").fill("09:00");
  await page.getByLabel("Địa điểm").fill("Phòng học");
  await page.getByRole("button", { name: "Lưu hoạt động" }).click();
  await page.getByText("Đã lưu hoạt động.").waitFor();
  return Number(/\/activities\/(\d+)/.exec(page.url())![1]);
}

describe("the roll call on a phone", () => {
  it("a class of about thirty: eight a screen, names not codes, search without diacritics, all present and undo", async () => {
    const id = await newSession("Sinh hoạt chuyên đề trên điện thoại", vietnamDay(-1));
    await page.goto(`${base}/attendance/${id}`);
    // The class and club pickers are touch targets too (19 px before issue 20).
    for (const picker of ["#add-class", "#add-club", "button:has-text('Thêm lớp')"]) {
      const box = await page.locator(picker).boundingBox();
      expect(box?.height, picker).toBeGreaterThanOrEqual(44);
    }
    await page.locator("#add-class").selectOption({ index: 0 });
    await page.getByRole("button", { name: "Thêm lớp" }).click();
    const people = page.locator(".roll-call__person");
    await people.first().waitFor();
    const n = await people.count();
    expect(n).toBeGreaterThanOrEqual(25);
    await fitsThePhone(page);

    // Eight people in a screen's height of the list (844 px less the header, the bottom bar and the counts).
    const tops = await people.evaluateAll((els) => els.slice(0, 9).map((e) => e.getBoundingClientRect().top));
    expect(tops[8] - tops[0]).toBeLessThanOrEqual(844 - 56 - 56 - 60);
    // Touch targets of at least 44 px; names with their class, never an internal code.
    const box = (await people.first().locator(".choice").first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    const lines = await people.locator("legend").allTextContents();
    expect(lines.filter((l) => /[A-Z]{4,}\d{2,}/.test(l))).toEqual([]);

    // Search: the third person's given name typed without diacritics finds them.
    const third = (await people.nth(2).locator("legend strong").textContent())!;
    const given = foldVietnamese(third.split(" ").pop()!);
    await page.getByPlaceholder("Tìm theo tên (không cần dấu)").fill(given);
    expect(await people.count()).toBeLessThan(n);
    expect(await people.locator("legend strong").allTextContents()).toContain(third);
    await page.getByPlaceholder("Tìm theo tên (không cần dấu)").fill("");
    expect(await people.count()).toBe(n);

    // Everyone present, saved; then "Hoàn tác" takes it back, saved too.
    const count = () => serverOne<{ n: number }>("select count(*) n from attendance where activity_id = ?", id).n;
    await page.getByRole("button", { name: "Tất cả còn lại: Có mặt" }).click();
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu" }).waitFor();
    await expect.poll(count).toBe(n);
    await page.getByRole("button", { name: /^Hoàn tác: bỏ “Có mặt” của \d+ người/ }).click();
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu" }).waitFor();
    await expect.poll(count).toBe(0);
    await page.getByText(`Chưa điểm danh: ${n}`).waitFor();
    // After a reload the page shows what the server holds: nobody marked.
    await page.reload();
    await page.getByText(`Chưa điểm danh: ${n}`).waitFor();
  });

  it("a session still to come warns before anyone is marked", async () => {
    const id = await newSession("Buổi sinh hoạt tuần sau", vietnamDay(6));
    // The attendance page opens on today's sessions and the week's: this one is one tap away.
    await page.goto(`${base}/attendance`);
    await fitsThePhone(page);
    await page
      .getByRole("region", { name: "7 ngày tới" })
      .getByRole("link", { name: /Buổi sinh hoạt tuần sau/ })
      .click();
    await page.waitForURL((u) => u.pathname === `/attendance/${id}`);
    await page.locator("#add-class").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Thêm lớp" }).click();
    await page.getByText(/Buổi này chưa diễn ra/).waitFor();
    expect(await page.getByRole("button", { name: "Tất cả còn lại: Có mặt" }).count()).toBe(0);
    expect(await page.locator(".roll-call__person fieldset[disabled]").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Vẫn điểm danh trước" }).click();
    await page.locator(".roll-call__person").first().getByText("Vắng có phép").click();
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu" }).waitFor();
    expect(
      serverOne<{ n: number }>("select count(*) n from attendance where activity_id = ? and status = 'excused'", id).n,
    ).toBe(1);
    await fitsThePhone(page);
  });
});

describe("dates the Vietnamese way in an English-language browser", () => {
  it("an activity's dates typed day/month and times on the 24-hour clock, or picked on the calendar, are saved as meant", async () => {
    const english = await launchContext({ width: 1280, height: 900, locale: "en-US" });
    const p = await english.newPage();
    try {
      await login(p, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
      await p.goto(`${base}/activities/new`);
      expect(await p.evaluate(() => navigator.language)).toBe("en-US");
      await p.getByLabel("Tên hoạt động").fill("Hội thảo nhập ngày kiểu Việt");
      await p.getByLabel("Hình thức").selectOption({ label: "Hội thảo" });
      await p.getByLabel("Nghị quyết 57-NQ/TW").check();
      await p.getByLabel("Giáo viên", { exact: true }).check();
      // The fields say how to type them, whatever the browser's language.
      expect(await p.getByLabel("Ngày bắt đầu").getAttribute("placeholder")).toBe("dd/mm/yyyy");
      await p.getByLabel("Ngày bắt đầu").fill("2/1/2027");
      await p.getByLabel("Giờ bắt đầu").fill("14h");
      // The end date from the calendar (in Vietnamese): the 3rd of the month shown, January 2027.
      const endField = p.locator(".date-field", { has: p.getByLabel("Ngày kết thúc", { exact: true }) });
      await p.getByLabel("Ngày kết thúc").fill("01/01/2027");
      await endField.getByRole("button", { name: "Mở lịch" }).click(); // opens on January 2027
      await endField.getByRole("dialog", { name: "Lịch chọn ngày" }).waitFor();
      await p.locator(".date-field__popover button.rdp-day_button", { hasText: /^3$/ }).first().click();
      expect(await p.getByLabel("Ngày kết thúc").inputValue()).toBe("03/01/2027");
      await p.getByLabel("Giờ kết thúc").fill("16:30");
      await p.getByLabel("Địa điểm").fill("Hội trường");
      await p.getByRole("button", { name: "Lưu hoạt động" }).click();
      await p.getByText("Đã lưu hoạt động.").waitFor();
      const id = Number(/\/activities\/(\d+)/.exec(p.url())![1]);
      expect(
        serverOne<{ starts_at: string; ends_at: string }>("select starts_at, ends_at from activities where id = ?", id),
      ).toEqual({
        starts_at: "2027-01-02T07:00:00.000Z",
        ends_at: "2027-01-03T09:30:00.000Z",
      });
      // Editing shows them back day/month/year and 24-hour.
      await p.goto(`${base}/activities/${id}/edit`);
      expect(await p.getByLabel("Ngày bắt đầu").inputValue()).toBe("02/01/2027");
      expect(await p.getByLabel("Giờ kết thúc").inputValue()).toBe("16:30");
      // A date that is no day is said under its own field.
      await p.getByLabel("Ngày kết thúc").fill("31/02/2027");
      await p.getByRole("button", { name: "Lưu thay đổi" }).click();
      await p.getByText("Ngày không hợp lệ: nhập ngày/tháng/năm, ví dụ 06/12/2026.").waitFor();
    } finally {
      await english.close();
    }
  });
});

describe("charts on a phone", () => {
  it("comparisons and the trend read at 390 px: text of at least 12 px, no sideways scroll, the half-year in progress marked", async () => {
    const { ctx: staffPhone, page: p } = await signedInPhone(base, "vhxh@tanan.demo");
    try {
      await p.goto(`${base}/indicators?period=2026`);
      const charts = p.locator(".chart--bars");
      expect(await charts.count()).toBeGreaterThan(3);
      // The half-year trend too, its half-year in progress drawn as such.
      await p.locator(".chart--trend").getByText("(đến nay)").waitFor();
      const sizes = await p.locator(".chart--bars svg text, .chart--trend svg text").evaluateAll((els) =>
        els.map((e) => {
          const svg = e.closest("svg")!;
          return (
            parseFloat(getComputedStyle(e).fontSize) *
            (svg.getBoundingClientRect().width / Number(svg.getAttribute("width")))
          );
        }),
      );
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      await fitsThePhone(p);
    } finally {
      await staffPhone.close();
    }
  });
});
