import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";

const base = inject("baseUrl");
let staffContext: BrowserContext;

beforeAll(async () => {
  staffContext = await launchContext();
});
afterAll(async () => {
  await staffContext?.close();
});

describe("accounts in a browser", () => {
  it("commune staff create a teacher account; the new teacher sets a password through the one-time link", async () => {
    const page = await staffContext.newPage();
    await login(page, base, "vhxh@tanan.demo", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Quản trị" }).first().click();
    await page.getByRole("link", { name: "+ Tạo tài khoản" }).click();
    await page.waitForURL(/\/admin\/accounts\/new/);
    await expectAccessible(page);

    // Errors appear beside the fields, in Vietnamese, before anything is sent; what was typed stays.
    await page.getByLabel("Họ và tên").fill("Lê Thị Ánh");
    await page.getByLabel("Email").fill("khong-phai-email");
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect.poll(() => page.getByText("Email không hợp lệ.").count()).toBe(1);
    expect(await page.getByText("Vui lòng chọn vai trò.").count()).toBe(1);
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe("Lê Thị Ánh");
    await expectAccessible(page);

    await page.getByLabel("Email").fill("le.thi.anh@tanan.demo");
    await page.getByLabel("Vai trò").selectOption({ label: "Giáo viên" });
    await page.getByLabel("Đơn vị").selectOption({ label: "Trường Tiểu học Tân An B" });
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const linkBox = page.getByTestId("onetime-link");
    await linkBox.waitFor();
    const url = (await linkBox.textContent())!.trim();
    expect(url).toMatch(/\/account\/setup\/[a-z2-9]{30,}$/);

    // The teacher, on another device, opens the link.
    const teacherContext = await launchContext({ width: 390, height: 844, isMobile: true });
    const teacher = await teacherContext.newPage();
    await teacher.goto(url);
    await expect.poll(() => teacher.getByRole("heading", { level: 1 }).textContent()).toBe("Kích hoạt tài khoản");
    await expectAccessible(teacher);
    await teacher.getByLabel("Mật khẩu mới").fill("ngan1");
    await teacher.getByLabel("Nhập lại mật khẩu").fill("ngan1");
    await teacher.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
    await expect.poll(() => teacher.getByText("Mật khẩu cần ít nhất 10 ký tự.").count()).toBe(1);
    await teacher.getByLabel("Mật khẩu mới").fill("GiaoVien2026");
    await teacher.getByLabel("Nhập lại mật khẩu").fill("GiaoVien2026");
    await teacher.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
    await teacher.waitForURL((u) => u.pathname === "/");
    await expect.poll(() => teacher.getByRole("heading", { level: 1 }).textContent()).toBe("Trường Tiểu học Tân An B");

    // The link cannot be used twice.
    await teacher.goto(url);
    await expect
      .poll(() => teacher.getByRole("heading", { level: 1 }).textContent())
      .toBe("Liên kết không còn hiệu lực");
    await teacherContext.close();

    // The account now shows as active in the list.
    await page.goto(`${base}/admin?q=le.thi.anh`);
    expect(await page.getByRole("table").getByText("Đang hoạt động").count()).toBe(1);
    await page.close();
  });

  it("the login form works without JavaScript, and keeps the email after a wrong password", async () => {
    const noJs = await launchContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("gv.thcs@tanan.demo");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Email hoặc mật khẩu không đúng.").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe("gv.thcs@tanan.demo");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Trường THCS Tân An");
    await noJs.close();
  });

  it("a form posted from another site is refused with 403", async () => {
    // A page on another site (127.0.0.1 is a different host from localhost) that posts to our logout.
    const target = `${base}/logout`;
    const evil = http.createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><html lang="en"><title>x</title><form method="post" action="${target}"><button>Go</button></form></html>`,
      );
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    const evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
    const ctx = await launchContext();
    const page = await ctx.newPage();
    await login(page, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
    await page.goto(evilUrl);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === target),
      page.getByRole("button", { name: "Go" }).click(),
    ]);
    expect(response.status()).toBe(403);
    // Still signed in: the forged logout did nothing.
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Trường THCS Tân An");
    await ctx.close();
    evil.close();
  });

  it("on a phone, a teacher's sections are one tap away on the bottom bar, the others under 'Thêm'", async () => {
    const phone = await launchContext({ width: 390, height: 844, isMobile: true });
    const page = await phone.newPage();
    await login(page, base, "gv.thcs@tanan.demo", DEMO_PASSWORD);
    // One compact header (issue 20): at most 64 px.
    expect((await page.locator(".topbar").boundingBox())!.height).toBeLessThanOrEqual(64);
    const bar = page.getByRole("navigation", { name: "Điều hướng chính (điện thoại)" });
    await bar.getByRole("link", { name: "Học liệu" }).click();
    await page.waitForURL(/\/materials$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Học liệu");
    await bar.getByText("Thêm").click();
    await bar.getByRole("link", { name: "Câu lạc bộ STEM" }).click();
    await page.waitForURL(/\/clubs$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Câu lạc bộ STEM");
    await bar.getByRole("link", { name: "Học liệu" }).click();
    await page.waitForURL(/\/materials$/);
    await expectAccessible(page);
    await phone.close();
  });
});
