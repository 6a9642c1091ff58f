/**
 * Issue 20, a teacher on a phone (390 px, touch, a phone's user agent): as homeroom teacher they open a roll call for
 * their class and mark it; as a club's advisor they record its meeting and take its attendance. Neither page scrolls
 * sideways. (gv.thcs is, in the demo, the homeroom teacher of THCS Tân An's first class and an advisor of its first club.)
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fitsThePhone, signedInPhone } from "../support/phone";
import { serverOne } from "../support/server-db";
import { showDate } from "../../app/domain/shared/dates";
import { DAY_MS, vietnamToday } from "../../app/domain/shared/time";

const base = inject("baseUrl");
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await signedInPhone(base, "gv.thcs@tanan.demo"));
});
afterAll(() => ctx?.close());

const marks = (id: number) =>
  Number(
    serverOne<{ n: number }>("select count(*) n from attendance where activity_id = ? and status = 'present'", id).n,
  );

describe("a teacher's roll calls on a phone", () => {
  it("the homeroom teacher opens a session for their class and marks it", async () => {
    await page.goto(`${base}/attendance`);
    await page.getByRole("link", { name: "+ Mở buổi điểm danh cho lớp" }).click();
    await page.waitForURL((u) => u.pathname === "/attendance/new");
    await page.getByLabel("Lớp").waitFor();
    await fitsThePhone(page);
    // Their one class is chosen already; the date is today's.
    expect(await page.getByLabel("Lớp").locator("option").count()).toBe(2);
    await page.getByLabel("Nội dung buổi học").fill("Tiết chuyên đề an toàn trên mạng");
    await page.getByRole("button", { name: "Mở buổi và điểm danh" }).click();
    await page.getByText("cả lớp đã vào danh sách").waitFor();
    const id = Number(/\/attendance\/(\d+)/.exec(page.url())![1]);
    const people = page.locator(".roll-call__person");
    expect(await people.count()).toBeGreaterThan(10);
    await fitsThePhone(page);
    await page.getByRole("button", { name: "Tất cả còn lại: Có mặt" }).click();
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu" }).waitFor();
    await expect.poll(() => marks(id)).toBe(await people.count());
  });

  it("the club's advisor records its meeting, then takes its attendance", async () => {
    const club = serverOne<{ id: number; name: string }>(
      "select c.id, c.name from clubs c join units u on u.id = c.school_id where u.code = 'thcs-tanan' order by c.id limit 1",
    );
    await page.goto(`${base}/clubs/${club.id}`);
    await fitsThePhone(page);
    // Yesterday's meeting, recorded the day after: its roll call is open at once (a session still to come asks first).
    const yesterday = showDate(vietnamToday(new Date(Date.now() - DAY_MS)));
    await page.getByLabel("Ngày", { exact: true }).fill(yesterday);
    await page.getByLabel("Chủ đề").fill("Lập trình cảm biến ánh sáng");
    await page.getByRole("button", { name: "Ghi buổi sinh hoạt" }).click();
    await page.getByText("Đã ghi buổi sinh hoạt.").waitFor();
    await page.getByRole("link", { name: "Điểm danh buổi này" }).click();
    await page.waitForURL((u) => /^\/attendance\/\d+$/.test(u.pathname));
    const id = Number(/\/attendance\/(\d+)/.exec(page.url())![1]);
    // The club's members are on its roll call; one tap marks the first present.
    const people = page.locator(".roll-call__person");
    await people.first().waitFor();
    await people.first().getByText("Có mặt", { exact: true }).click();
    await page.getByTestId("save-state").filter({ hasText: "Đã lưu" }).waitFor();
    await expect.poll(() => marks(id)).toBe(1);
    expect(serverOne<{ club_id: number }>("select club_id from activities where id = ?", id).club_id).toBe(club.id);
    await fitsThePhone(page);
  });
});
