import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";

const base = inject("baseUrl");
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launchContext();
  page = await context.newPage();
  await login(page, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await context?.close();
});

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Danh sách");
  sheet.addRow(["Mã", "Họ và tên", "Loại", "Khối", "Lớp", "Chức vụ"]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const heading = () => page.getByRole("heading", { level: 1 }).textContent();
/** After a client-side navigation the address changes a moment before the page does: wait for the heading itself. */
const headingShows = (name: string) => page.getByRole("heading", { level: 1, name }).waitFor();

describe("a school administrator's year of records, in a browser", () => {
  it("imports people from an XLSX file: a bad file lists its rows and writes nothing; a good one is written", async () => {
    await page.goto(`${base}/people`);
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.waitForURL(/\/import$/);
    await page.locator("#file").setInputFiles({
      name: "sai.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await xlsx([
        ["E2E001", "Hồ Thị Xuân", "Học sinh", 9, "9A9", ""],
        ["E2E002", "Lý Văn Tám", "Học sinh", 12, "12A1", ""],
        ["E2E001", "Trùng Mã", "Giáo viên", "", "", ""],
      ]),
    });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.getByText("Có 2 dòng lỗi").waitFor();
    expect(await page.getByText("Khối 12 không có ở trường này.").count()).toBe(1);
    expect(await page.getByText("Mã trùng với dòng 2 trong tệp.").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Ghi vào danh sách" }).count()).toBe(0);
    await expectAccessible(page);

    await page.locator("#file").setInputFiles({
      name: "dung.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await xlsx([
        ["E2E001", "Hồ Thị Xuân", "Học sinh", 9, "9A9", ""],
        ["E2E002", "Lý Văn Tám", "Học sinh", 9, "9A9", ""],
        ["E2EGV1", "Phan Văn Mười", "Giáo viên", "", "", "Tổ Công nghệ"],
      ]),
    });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.getByRole("button", { name: "Ghi vào danh sách" }).click();
    await page.getByText("Đã nhập danh sách: 3 người mới").waitFor();
    await page.goto(`${base}/people?category=students&q=ho thi xuan`);
    // /people redirects a school's staff to their school; search ignores diacritics.
    await page.waitForURL(/\/people\/\d+/);
    expect(await page.getByRole("cell", { name: "Hồ Thị Xuân" }).count()).toBe(1);
  });

  it("registers a club, adds two students of a class as members, and records a meeting", async () => {
    await page.goto(`${base}/clubs`);
    await page.getByRole("link", { name: "+ Đăng ký câu lạc bộ" }).click();
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Vui lòng nhập tên câu lạc bộ.").waitFor();
    await page.getByLabel("Tên câu lạc bộ").fill("CLB Thiên văn E2E");
    await page.getByLabel("Lĩnh vực").selectOption({ label: "Thí nghiệm khoa học" });
    await page.getByLabel("Khối 9").check();
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Đã đăng ký câu lạc bộ.").waitFor();
    await expectAccessible(page);
    // Issue 20: the classes offered are the club's grades' only; a search finds a name without its diacritics.
    await page.locator("#add-members").getByLabel("Lớp", { exact: true }).selectOption({ label: "Lớp 9A9" });
    await page.getByLabel("Tìm theo tên hoặc mã").fill("ho thi xuan");
    await page.getByLabel("Hồ Thị Xuân").check();
    await page.getByLabel("Tìm theo tên hoặc mã").fill("ly van tam");
    await page.getByLabel("Lý Văn Tám").check();
    await page.getByText("Đã chọn 2:").waitFor();
    await page.getByRole("button", { name: "Thêm 2 người vào câu lạc bộ" }).click();
    await page.getByText("Đã thêm 2 thành viên.").waitFor();
    await page.getByLabel("Chủ đề").fill("Quan sát bầu trời đêm");
    await page.getByRole("button", { name: "Ghi buổi sinh hoạt" }).click();
    await page.getByText("Đã ghi buổi sinh hoạt.").waitFor();
    // The form starts empty again, so a second meeting does not inherit the first one's notes.
    await expect.poll(() => page.getByLabel("Chủ đề").inputValue()).toBe("");
    expect(await page.getByRole("link", { name: "Quan sát bầu trời đêm" }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "Hồ Thị Xuân", exact: true }).count()).toBe(1);
    // A member leaves in two deliberate taps: "Rời…" opens the date, the named button confirms.
    await page
      .getByRole("row", { name: /Lý Văn Tám/ })
      .getByText("Rời…")
      .click();
    await page.getByRole("button", { name: "Xác nhận Lý Văn Tám rời câu lạc bộ" }).click();
    await page.getByText("Đã ghi nhận thành viên rời câu lạc bộ").waitFor();
    expect(await page.getByRole("cell", { name: "Lý Văn Tám", exact: true }).count()).toBe(0);
    await page.getByText("Thành viên đã rời (1)").click();
    await page.getByText(/Lý Văn Tám .*– \d{2}\/\d{2}\/\d{4}/).waitFor();
  });

  it("registers a school contest with an entry and records its award", async () => {
    await page.goto(`${base}/contests/new`);
    await page.getByLabel("Tên cuộc thi").fill("Thi sáng tạo E2E cấp trường");
    await page.getByLabel("Cấp tổ chức").selectOption({ label: "Cấp trường" });
    await page.getByLabel("Lĩnh vực").selectOption({ label: "STEM tổng hợp" });
    await page.getByLabel("Ngày bắt đầu").fill("2026-11-02");
    await page.getByLabel("Ngày kết thúc").fill("2026-11-01");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Ngày kết thúc phải từ ngày bắt đầu trở đi.").waitFor();
    await page.getByLabel("Ngày kết thúc").fill("2026-11-20");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByText("Đã đăng ký cuộc thi.").waitFor();
    await page.locator("#new-entry").getByLabel("9A9", { exact: true }).check();
    await page.getByRole("button", { name: "Hiện học sinh các lớp đã chọn" }).click();
    await page.getByLabel("Tên dự án, sản phẩm").fill("Kính thiên văn tự chế");
    await page.getByLabel("Hồ Thị Xuân (9A9)").check();
    await page.getByRole("button", { name: "Đăng ký bài dự thi" }).click();
    await page.getByText("Đã đăng ký bài dự thi.").waitFor();
    await page.getByLabel("Kết quả của Kính thiên văn tự chế").selectOption({ label: "Giải Nhất" });
    await page.getByRole("button", { name: "Lưu kết quả" }).click();
    await page.getByText("Đã ghi kết quả.").waitFor();
    expect(await page.getByLabel("Kết quả của Kính thiên văn tự chế").inputValue()).toBe("first");
    await expectAccessible(page);
  });

  it("creates an activity with topics, audiences and budget lines", async () => {
    await page.goto(`${base}/activities/new`);
    await page.getByLabel("Tên hoạt động").fill("Tập huấn E2E chuyển đổi số cho giáo viên");
    await page.getByLabel("Hình thức").selectOption({ label: "Tập huấn, bồi dưỡng" });
    await page.getByRole("button", { name: "Lưu hoạt động" }).click();
    await page.getByText("Chọn ít nhất một nội dung.").waitFor();
    expect(await page.getByText("Vui lòng nhập địa điểm (với hoạt động trực tiếp hoặc kết hợp).").count()).toBe(1);
    expect(await page.getByLabel("Tên hoạt động").inputValue()).toBe("Tập huấn E2E chuyển đổi số cho giáo viên");
    await page.getByLabel("Chuyển đổi số", { exact: true }).check();
    await page.getByLabel("Nghị quyết 57-NQ/TW").check();
    await page.getByLabel("Giáo viên", { exact: true }).check();
    await page.getByLabel("Cán bộ quản lý giáo dục").check();
    await page.getByLabel("Ngày bắt đầu").fill("2026-12-05");
    await page.getByLabel("Ngày kết thúc").fill("2026-12-05");
    await page.getByLabel("Địa điểm").fill("Phòng Tin học");
    await page.getByRole("button", { name: "Lưu hoạt động" }).click();
    await page.getByText("Đã lưu hoạt động.").waitFor();
    expect(await heading()).toBe("Tập huấn E2E chuyển đổi số cho giáo viên");
    await page.getByLabel("Nội dung chi").selectOption({ label: "In ấn tài liệu" });
    await page.getByLabel("Nguồn kinh phí").selectOption({ label: "Ngân sách nhà nước" });
    await page.getByLabel("Dự toán (đồng)").fill("1500000");
    await page.getByRole("button", { name: "Thêm dòng kinh phí" }).click();
    await page.getByRole("cell", { name: "1.500.000" }).first().waitFor();
    await page.getByLabel("Nội dung chi").selectOption({ label: "Nước uống" });
    await page.getByLabel("Nguồn kinh phí").selectOption({ label: "Xã hội hóa" });
    await page.getByLabel("Dự toán (đồng)").fill("400000");
    await page.getByRole("button", { name: "Thêm dòng kinh phí" }).click();
    await page.getByRole("cell", { name: "1.900.000" }).waitFor();
    await expectAccessible(page);
  });

  it("deleting an activity lists what goes with it and deletes nothing until the box is ticked", async () => {
    await page.goto(`${base}/activities/new`);
    await page.getByLabel("Tên hoạt động").fill("Hoạt động E2E để xóa");
    await page.getByLabel("Hình thức").selectOption({ label: "Tập huấn, bồi dưỡng" });
    await page.getByLabel("Chuyển đổi số", { exact: true }).check();
    await page.getByLabel("Giáo viên", { exact: true }).check();
    await page.getByLabel("Ngày bắt đầu").fill("2026-12-06");
    await page.getByLabel("Ngày kết thúc").fill("2026-12-06");
    await page.getByLabel("Địa điểm").fill("Hội trường");
    await page.getByRole("button", { name: "Lưu hoạt động" }).click();
    await page.getByText("Đã lưu hoạt động.").waitFor();
    const activityUrl = page.url().split("?")[0];
    await page.getByLabel("Nội dung chi").selectOption({ label: "Nước uống" });
    await page.getByLabel("Nguồn kinh phí").selectOption({ label: "Xã hội hóa" });
    await page.getByLabel("Dự toán (đồng)").fill("200000");
    await page.getByRole("button", { name: "Thêm dòng kinh phí" }).click();
    await page.getByRole("cell", { name: "200.000" }).first().waitFor();

    await page.goto(`${activityUrl}/delete`);
    await page.getByText("1 dòng kinh phí").waitFor();
    await page.getByRole("button", { name: "Xóa", exact: true }).click(); // the careless click: box not ticked
    await page.getByText("Hãy đánh dấu ô xác nhận trước khi xóa.").waitFor();
    await expectAccessible(page);
    await page.goto(activityUrl);
    expect(await heading()).toBe("Hoạt động E2E để xóa"); // still there
    await page.goto(`${activityUrl}/delete`);
    await page.getByLabel("Tôi hiểu và muốn xóa").check();
    await page.getByRole("button", { name: "Xóa", exact: true }).click();
    await page.waitForURL(/\/activities\?deleted=1/);
    const gone = await page.goto(activityUrl);
    expect(gone?.status()).toBe(404);

    // Changed one's mind: the notice leads to the recycle bin, and "Khôi phục" brings it back with its budget line.
    await page.goBack();
    await page.getByRole("status").getByRole("link", { name: "Thùng rác" }).click();
    await page.waitForURL(/\/recycle-bin/);
    const item = page.locator(".bin-item", { hasText: "Hoạt động E2E để xóa" });
    await item.getByText("Kèm theo: 1 dòng kinh phí").waitFor();
    await expectAccessible(page);
    await item.getByRole("button", { name: "Khôi phục" }).click();
    await page.getByText("Đã khôi phục “Hoạt động E2E để xóa”.").waitFor();
    expect(await page.locator(".bin-item", { hasText: "Hoạt động E2E để xóa" }).count()).toBe(0);
    await page.getByRole("link", { name: "Mở mục đã khôi phục" }).click();
    await page.waitForURL(activityUrl);
    await headingShows("Hoạt động E2E để xóa");
    await page.getByRole("cell", { name: "200.000" }).first().waitFor();

    // Deleted again and removed for good ("Xóa hẳn", confirmed): gone from the bin, not restorable.
    await page.goto(`${activityUrl}/delete`);
    await page.getByLabel("Tôi hiểu và muốn xóa").check();
    await page.getByRole("button", { name: "Xóa", exact: true }).click();
    await page.waitForURL(/\/activities\?deleted=1/);
    await page.goto(`${base}/recycle-bin`);
    const again = page.locator(".bin-item", { hasText: "Hoạt động E2E để xóa" });
    await again.getByText("Xóa hẳn", { exact: true }).click();
    await again.getByRole("button", { name: "Xác nhận xóa" }).click();
    await page.getByText("Đã xóa hẳn “Hoạt động E2E để xóa”.").waitFor();
    expect(await page.locator(".bin-item", { hasText: "Hoạt động E2E để xóa" }).count()).toBe(0);
  });
});

describe("the commune's view, in a browser", () => {
  it("sees every school's clubs with counts, contests and activities on the calendar, and no student names", async () => {
    const commune = await launchContext();
    const p = await commune.newPage();
    await login(p, base, "vhxh@tanan.demo", DEMO_PASSWORD);
    await p.goto(`${base}/clubs?sort=school`);
    for (const school of [
      "Trường Mầm non Tân An",
      "Trường THCS Tân An",
      "Trường THPT Tân An",
      "Trường Tiểu học Tân An A",
    ]) {
      expect(await p.getByRole("cell", { name: school }).count()).toBeGreaterThan(0);
    }
    await p.getByRole("link", { name: "CLB Thiên văn E2E" }).click();
    await p.getByText("Họ tên học sinh chỉ hiển thị cho cán bộ, giáo viên của trường.").waitFor();
    expect(await p.getByText("Hồ Thị Xuân").count()).toBe(0);
    // Two joined, one left (the school's test above): counts, never names.
    expect(await p.getByText("1 học sinh, 0 giáo viên · 1 lượt đã rời").count()).toBe(1);
    expect(await p.getByText("Lý Văn Tám").count()).toBe(0);
    await expectAccessible(p);
    await p.goto(`${base}/contests`);
    await p.getByRole("heading", { name: "Bài dự thi và giải thưởng theo trường" }).waitFor();
    await p.goto(`${base}/activities/calendar?month=2026-12`);
    expect(await p.getByRole("link", { name: /Tập huấn E2E chuyển đổi số cho giáo viên/ }).count()).toBe(1);
    await p.goto(`${base}/activities/calendar?month=2026-10`);
    expect(await p.getByText("10/10 – Ngày Chuyển đổi số quốc gia").count()).toBe(1);
    await expectAccessible(p);
    await commune.close();
  });
});

describe("without JavaScript", () => {
  it("an activity form posts, shows the server's messages beside the fields, and keeps what was typed", async () => {
    const noJs = await launchContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await login(p, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
    await p.goto(`${base}/activities/new`);
    await p.getByLabel("Tên hoạt động").fill("Hoạt động không JavaScript");
    await p.getByLabel("Nội dung", { exact: false }).first().waitFor();
    await p.getByLabel("Giáo dục STEM").check();
    await p.getByRole("button", { name: "Lưu hoạt động" }).click();
    await p.getByText("Vui lòng chọn hình thức.").waitFor();
    expect(await p.getByText("Chọn ít nhất một đối tượng.").count()).toBe(1);
    expect(await p.getByLabel("Tên hoạt động").inputValue()).toBe("Hoạt động không JavaScript");
    expect(await p.getByLabel("Giáo dục STEM").isChecked()).toBe(true);
    await noJs.close();
  });
});
