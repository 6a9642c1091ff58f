import JSZip from "jszip";
import fs from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
let staffCtx: BrowserContext;
let schoolCtx: BrowserContext;
let staff: Page;
let school: Page;

beforeAll(async () => {
  staffCtx = await launchContext();
  staff = await staffCtx.newPage();
  await login(staff, base, "vhxh@tanan.demo", DEMO_PASSWORD);
  schoolCtx = await launchContext({ width: 390, height: 844, isMobile: true });
  school = await schoolCtx.newPage();
  await login(school, base, "bgh.thpt@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await staffCtx?.close();
  await schoolCtx?.close();
});

describe("indicators and half-year reports, in a browser", () => {
  it("commune staff see the charts, open a figure down to its records, and the page is accessible", async () => {
    await staff.goto(`${base}/indicators?period=2026`);
    await staff.getByRole("heading", { name: "Chỉ tiêu Kế hoạch: toàn xã" }).waitFor();
    expect(await staff.locator(".chart svg.recharts-surface").count()).toBeGreaterThanOrEqual(9);
    await expectAccessible(staff);
    await staff
      .getByRole("link", { name: "Tỷ lệ cán bộ quản lý, giáo viên, học sinh được tuyên truyền" })
      .first()
      .click();
    await staff.getByRole("heading", { name: /SCH-2\.1/ }).waitFor();
    await staff.getByRole("heading", { name: /Số người đã được tuyên truyền theo đơn vị/ }).waitFor();
    await staff.getByRole("heading", { name: /Số lượng năm 2026 \(mẫu số\)/ }).waitFor();
    await expectAccessible(staff);
  });

  it("approving a school's H1 report locks its records of the half-year; reopening unlocks them; the commune's DOCX downloads", async () => {
    const thpt = serverOne<{ id: number }>("select id from units where code = 'thpt-tanan'").id;
    const activity = serverOne<{ id: number }>(
      "select id from activities where organizer_unit_id = ? and title = 'Sinh hoạt dưới cờ: Nghị quyết 57 và ước mơ khoa học'",
      thpt,
    ).id;

    await staff.goto(`${base}/reports?period=2026-H1`);
    await staff
      .getByRole("row", { name: /Trường THPT Tân An/ })
      .getByRole("link", { name: "Xem và duyệt" })
      .click();
    await staff.getByRole("heading", { name: "Báo cáo 6 tháng đầu năm 2026" }).waitFor();
    // Approving asks first, in green, apart from "Trả lại".
    await staff.getByRole("button", { name: "Duyệt và khóa số liệu…" }).click();
    await staff.getByText("Duyệt báo cáo này?").waitFor();
    expect(await staff.getByRole("button", { name: "Trả lại để bổ sung" }).count()).toBe(0);
    await staff.getByRole("button", { name: "Xác nhận duyệt" }).click();
    await staff.getByText(/Đã duyệt báo cáo. Số liệu của trường trong kỳ đã được khóa/).waitFor();
    await staff.getByText(/Kỳ báo cáo tính số liệu từ 11\/12\/2025 – 10\/06\/2026/).waitFor();
    expect(
      serverOne<{ n: number }>(
        "select count(*) n from report_snapshots s join reports r on r.id = s.report_id where r.unit_id = ? and r.period_key = '2026-H1' and s.source = 'approval'",
        thpt,
      ).n,
    ).toBe(1);
    expect(
      serverOne<{ n: number }>("select count(*) n from period_locks where unit_id = ? and period_key = '2026-H1'", thpt)
        .n,
    ).toBe(1);

    // The school's administrator, on a phone: the half-year's records refuse changes with a clear message.
    await school.goto(`${base}/activities/${activity}`);
    await school.getByRole("button", { name: "Lưu số người được tiếp cận" }).click();
    await school
      .getByText(/đã được duyệt: số liệu trong kỳ này đã khóa/)
      .first()
      .waitFor();
    await school.goto(`${base}/attendance/${activity}`);
    await school.getByText("Báo cáo kỳ này của đơn vị đã được duyệt: điểm danh đã khóa, chỉ xem được.").waitFor();

    // Reopening needs a reason, is recorded, and unlocks.
    await staff.getByRole("button", { name: "Mở lại (bỏ khóa số liệu)" }).click();
    await staff.getByText("Vui lòng ghi lý do mở lại báo cáo.").waitFor();
    await staff.getByLabel("Lý do mở lại (bắt buộc)").fill("Trường xin bổ sung số liệu tháng 6");
    await staff.getByRole("button", { name: "Mở lại (bỏ khóa số liệu)" }).click();
    await staff.getByText(/Đã mở lại báo cáo/).waitFor();
    expect(
      serverOne<{ n: number }>("select count(*) n from period_locks where unit_id = ? and period_key = '2026-H1'", thpt)
        .n,
    ).toBe(0);
    expect(
      serverOne<{ n: number }>(
        "select count(*) n from audit_log where entity = 'report' and after_json like '%\"lock\":\"remove\"%'",
      ).n,
    ).toBeGreaterThanOrEqual(1);
    await school.goto(`${base}/attendance/${activity}`);
    expect(await school.getByText("điểm danh đã khóa", { exact: false }).count()).toBe(0);

    await staff.goto(`${base}/reports?period=2026-H1`);
    const [file] = await Promise.all([
      staff.waitForEvent("download"),
      staff.getByRole("link", { name: "Tải báo cáo của xã (DOCX)" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("bao-cao-nq57-xa-tan-an-2026-H1.docx");
    const zip = await JSZip.loadAsync(fs.readFileSync((await file.path())!));
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("6 tháng đầu năm 2026");
  });
});
