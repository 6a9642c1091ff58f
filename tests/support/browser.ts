/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh browser with its own empty profile (launchPersistentContext: Playwright refuses --user-data-dir in args). */
export async function launchContext(
  opts: {
    width?: number;
    height?: number;
    javaScriptEnabled?: boolean;
    isMobile?: boolean;
    locale?: string;
    userAgent?: string;
  } = {},
): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tanan-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    isMobile: opts.isMobile,
    hasTouch: opts.isMobile,
    locale: opts.locale ?? "vi-VN",
    userAgent: opts.userAgent,
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  context.on("close", () => {
    setTimeout(() => fs.promises.rm(profile, { recursive: true, force: true, maxRetries: 5 }).catch(() => {}), 200);
  });
  return context;
}

/** An Android phone's Chrome, as a school's teacher would open the app. */
export const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.getByRole("button", { name: "Đăng nhập" }).click(),
  ]);
}
