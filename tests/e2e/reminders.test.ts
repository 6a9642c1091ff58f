/**
 * Issue 19, in a browser against a server that sends e-mail to a real SMTP server on 127.0.0.1: commune staff press
 * "Nhắc đơn vị chưa nộp"; the principal's reminder arrives, in Vietnamese, and its link — opened on a phone, signed
 * out — leads through the sign-in to the school's report; the header counts the unread notification and opening it
 * lowers the count. Then the server restarts on the same database: nothing already sent is sent again.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { freePort, startTestServer, type RunningServer } from "../support/server";
import { queryRows } from "../support/sql";
import { startSmtp, type TestSmtp } from "../support/smtp";

let smtp: TestSmtp;
let server: RunningServer;
let port: number;
let dbFile: string;
let env: Record<string, string>;
let staffCtx: BrowserContext;
let phoneCtx: BrowserContext;
let staff: Page;
let phone: Page;

beforeAll(async () => {
  smtp = await startSmtp();
  port = await freePort();
  fs.mkdirSync("tmp", { recursive: true });
  dbFile = path.resolve("tmp", `reminders-${process.pid}-${Date.now()}.db`);
  env = { SMTP_URL: smtp.url, MAIL_FROM: "Tân An STEM <stem@tanan.test>", PUBLIC_URL: `http://localhost:${port}` };
  server = await startTestServer({ port, env, databaseUrl: dbFile });
  staffCtx = await launchContext();
  staff = await staffCtx.newPage();
  phoneCtx = await launchContext({ width: 390, height: 844, isMobile: true });
  phone = await phoneCtx.newPage();
}, 120_000);

afterAll(async () => {
  await staffCtx?.close();
  await phoneCtx?.close();
  await server?.stop();
  await smtp?.close();
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
});

const isNudge = (to: string) => (m: { to: string[]; subject: string }) =>
  m.to.includes(to) && m.subject.startsWith("Phòng Văn hóa - Xã hội nhắc:");

describe("reminders by e-mail and in the app", () => {
  it("a reminder arrives at the SMTP server; its link opens the report after signing in; the header counts it", async () => {
    const thcs = queryRows<{ id: number }>(dbFile, "select id from units where code = 'thcs-tanan'")[0].id;
    await login(staff, server.url, "vhxh@tanan.demo", DEMO_PASSWORD);
    await staff.goto(`${server.url}/reports?period=2026-H2`);
    await staff.getByRole("button", { name: /^Nhắc \d+ đơn vị chưa nộp$/ }).click();
    await staff.getByText(/^Đã nhắc \d+ đơn vị chưa nộp/).waitFor();

    const [mail] = await smtp.waitFor(isNudge("bgh.thcs@tanan.demo"));
    expect(mail.subject).toMatch(/nộp báo cáo 6 tháng cuối năm 2026 \(hạn 10\/12\/2026\)$/);
    expect(mail.text).toContain("Báo cáo của Trường THCS Tân An: đang soạn.");
    const link = /Mở trang: (\S+)/.exec(mail.text)![1];
    expect(link).toBe(`http://localhost:${port}/reports/2026-H2/${thcs}`);

    // The principal opens the link on a phone, signed out: sign in, then the report it is about.
    await phone.goto(link);
    await phone.waitForURL((u) => u.pathname === "/login");
    await phone.getByLabel("Email").fill("bgh.thcs@tanan.demo");
    await phone.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await Promise.all([
      phone.waitForURL((u) => u.pathname === `/reports/2026-H2/${thcs}`),
      phone.getByRole("button", { name: "Đăng nhập" }).click(),
    ]);
    await phone.getByRole("heading", { name: "Báo cáo 6 tháng cuối năm 2026" }).waitFor();

    // The header counts what is unread; opening the reminder from the list marks it read and leads to the report.
    const bell = phone.getByRole("link", { name: /^Thông báo\s*\d+\s*chưa đọc$/ });
    const unread = Number(/(\d+)/.exec((await bell.textContent())!)![1]);
    expect(unread).toBeGreaterThanOrEqual(1);
    await bell.click();
    await phone.getByRole("heading", { name: "Thông báo" }).waitFor();
    await phone
      .getByRole("link", { name: /Phòng Văn hóa - Xã hội nhắc/ })
      .first()
      .click();
    await phone.waitForURL((u) => u.pathname === `/reports/2026-H2/${thcs}`);
    const after = unread - 1;
    if (after === 0) await phone.getByRole("link", { name: "Thông báo", exact: true }).waitFor();
    else await phone.getByRole("link", { name: new RegExp(`^Thông báo\\s*${after}\\s*chưa đọc$`) }).waitFor();

    // Pressing again the same day sends nothing more.
    await staff.goto(`${server.url}/reports?period=2026-H2`);
    await staff.getByRole("button", { name: /^Nhắc \d+ đơn vị chưa nộp$/ }).click();
    await staff.getByText("Các đơn vị chưa nộp đã được nhắc hôm nay; không gửi lại lần nữa.").waitFor();
  });

  it("after a restart on the same database, nothing already sent is sent again", async () => {
    const sent = () =>
      queryRows<{ n: number }>(dbFile, "select count(*) n from mail_outbox where status = 'sent'")[0].n;
    // Every queued message has gone out (the deadline job may have queued reminders too, depending on today's date).
    for (
      let i = 0;
      i < 100 &&
      queryRows<{ n: number }>(dbFile, "select count(*) n from mail_outbox where status in ('pending','sending')")[0].n;
      i++
    )
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 500));
    const before = smtp.received.length;
    expect(before).toBe(sent());
    await server.stop();
    // Both jobs due at once after the restart (as after a long stop): the reminders and the sender run again.
    const sqlite = new Database(dbFile);
    sqlite.prepare("update job_runs set next_run_at = '2000-01-01T00:00:00.000Z'").run();
    sqlite.close();
    const restartedAt = new Date().toISOString();
    server = await startTestServer({ port, env, databaseUrl: dbFile });
    // The job runner's first pass comes 5 s after the start.
    for (let i = 0; i < 150; i++) {
      const ran = queryRows<{ n: number }>(
        dbFile,
        "select count(*) n from job_runs where name in ('send-mail', 'deadline-reminders') and last_finished_at > ?",
        restartedAt,
      )[0].n;
      if (ran === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(
      queryRows<{ n: number }>(dbFile, "select count(*) n from job_runs where last_finished_at > ?", restartedAt)[0].n,
    ).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.received.length).toBe(before);
    const keys = smtp.received.map((m) => `${m.to.join(",")} ${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
