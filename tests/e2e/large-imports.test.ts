/**
 * Imports of real size through the pages, with JavaScript on: Remix posts the form to "<path>.data", which
 * must take the same 5 MB as the page promises (issue 13). 30,000 students (a 1.6 MB CSV), then their
 * attendance at one activity (a 2 MB CSV).
 */
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";
import { queryRows } from "../support/sql";

// Its own server: 30,000 more students would change what the shared demo server's other tests see.
let server: RunningServer;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  server = await startTestServer();
  context = await launchContext();
  page = await context.newPage();
  await login(page, server.url, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await context?.close();
  await server?.stop();
});

const ROWS = 30_000;
const code = (i: number) => `LON${String(i).padStart(5, "0")}`;

function csvFile(name: string, lines: string[]) {
  const buffer = Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
  expect(buffer.length).toBeGreaterThan(1024 * 1024); // over the 1 MB of an ordinary form
  return { name, mimeType: "text/csv", buffer };
}

describe("imports of real size, in a browser", () => {
  it(
    "a school imports 30,000 students, then their attendance at an activity, each file over 1 MB",
    { timeout: 240_000 },
    async () => {
      const people = [
        "Mã,Họ và tên,Loại,Khối,Lớp,Chức vụ",
        ...Array.from(
          { length: ROWS },
          (_, i) => `${code(i)},Nguyễn Thị Thanh Hương ${i},Học sinh,${6 + (i % 4)},${6 + (i % 4)}A${1 + (i % 9)},`,
        ),
      ];
      await page.goto(`${server.url}/people`);
      await page.getByRole("link", { name: "Nhập từ tệp" }).click();
      await page.waitForURL(/\/import$/);
      await page.locator("#file").setInputFiles(csvFile("hoc-sinh.csv", people));
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page.getByRole("button", { name: "Ghi vào danh sách" }).click({ timeout: 120_000 });
      await page.getByText(/Đã nhập danh sách: 30[.,]?000 người mới/).waitFor({ timeout: 120_000 });
      const [{ n }] = queryRows<{ n: number }>(
        server.dbFile,
        "select count(*) as n from people p join units u on u.id = p.unit_id where u.code = 'thcs-tanan' and p.code like 'LON%'",
      );
      expect(Number(n)).toBe(ROWS);

      const [activity] = queryRows<{ id: number }>(
        server.dbFile,
        "select a.id from activities a join units u on u.id = a.organizer_unit_id where u.code = 'thcs-tanan' and a.title = 'Sinh hoạt dưới cờ: Học sinh với Đổi mới sáng tạo' limit 1",
      );
      const marks = [
        "Mã,Trạng thái,Ghi chú",
        ...Array.from(
          { length: ROWS },
          (_, i) => `${code(i)},${i % 10 === 0 ? "Vắng có phép" : "Có mặt"},Tham gia buổi sinh hoạt dưới cờ đầu tuần`,
        ),
      ];
      await page.goto(`${server.url}/attendance/${activity.id}/import`);
      await page.locator("#file").setInputFiles(csvFile("diem-danh.csv", marks));
      await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
      await page.getByRole("button", { name: "Ghi điểm danh" }).click({ timeout: 120_000 });
      await page.getByText(/Đã nhập điểm danh/).waitFor({ timeout: 120_000 });
      const [{ present }] = queryRows<{ present: number }>(
        server.dbFile,
        "select count(*) as present from attendance t join people p on p.id = t.person_id where t.activity_id = ? and p.code like 'LON%' and t.status = 'present'",
        activity.id,
      );
      expect(Number(present)).toBe(ROWS - ROWS / 10);

      // The roll call pages the 30,000 instead of stopping at some number; the Excel file carries every row.
      await page.goto(`${server.url}/attendance/${activity.id}`);
      await page.getByText(/Danh sách có 30\.\d{3} người; trang này từ người thứ 1 đến 200/).waitFor();
      await page.getByRole("link", { name: "Trang sau ›" }).first().click();
      await page.getByText(/trang này từ người thứ 201 đến 400/).waitFor();
      const download = await page.request.get(`${server.url}/attendance/${activity.id}/export.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download.body()) as unknown as ArrayBuffer);
      const codes = new Set<string>();
      book.worksheets[0].eachRow((row) => {
        const value = String(row.getCell(2).value ?? "");
        if (value.startsWith("LON")) codes.add(value);
      });
      expect(codes.size).toBe(ROWS);
    },
  );
});
