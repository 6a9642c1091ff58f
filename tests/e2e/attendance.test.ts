import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { serverAll, serverOne } from "../support/server-db";

const base = inject("baseUrl");

let phone: BrowserContext;
let page: Page;
beforeAll(async () => {
  phone = await launchContext({ width: 390, height: 844, isMobile: true });
  page = await phone.newPage();
  await login(page, base, "gv.thcs@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await phone?.close();
});

const meeting = () =>
  serverOne<{ id: number }>(
    "select a.id from activities a join units u on u.id = a.organizer_unit_id where u.code = 'thcs-tanan' and a.club_id is not null and a.starts_at < ? order by a.starts_at desc limit 1",
    new Date(Date.now() - 2 * 86_400_000).toISOString(),
  );

describe("roll call on a phone", () => {
  it("the teacher marks people with big buttons; marks made offline are kept and sent when the connection returns", async () => {
    const { id } = meeting();
    await page.goto(`${base}/attendance`);
    await page.goto(`${base}/attendance/${id}`);
    await page.getByTestId("save-state").waitFor();
    await expectAccessible(page);
    const first = page.locator(".roll-call__person").first();
    const personName = (await first.locator("legend strong").textContent())!;
    const person = serverOne<{ id: number }>(
      "select p.id from people p join units u on u.id = p.unit_id where u.code = 'thcs-tanan' and p.full_name = ?",
      personName,
    );
    await first.getByText("Vắng có phép").click();
    await expect.poll(() => page.getByTestId("save-state").textContent()).toBe("Đã lưu");
    await expect
      .poll(
        () =>
          serverOne<{ status: string }>(
            "select status from attendance where activity_id = ? and person_id = ?",
            id,
            person.id,
          )?.status,
      )
      .toBe("excused");

    await phone.setOffline(true);
    await first.getByText("Đến muộn").click();
    await expect.poll(() => page.getByTestId("save-state").textContent()).toContain("Mất kết nối");
    expect(
      serverOne<{ status: string }>(
        "select status from attendance where activity_id = ? and person_id = ?",
        id,
        person.id,
      ).status,
    ).toBe("excused");
    await phone.setOffline(false);
    await expect.poll(() => page.getByTestId("save-state").textContent(), { timeout: 20_000 }).toBe("Đã lưu");
    expect(
      serverOne<{ status: string }>(
        "select status from attendance where activity_id = ? and person_id = ?",
        id,
        person.id,
      ).status,
    ).toBe("late");
    expect(
      serverOne<{ n: number }>(
        "select count(*) n from attendance where activity_id = ? and person_id = ?",
        id,
        person.id,
      ).n,
    ).toBe(1);
  }, 60_000);
});

function vietnamNow(offsetMinutes: number) {
  const d = new Date(Date.now() + offsetMinutes * 60_000 + 7 * 3_600_000).toISOString();
  return { date: d.slice(0, 10), time: d.slice(11, 16) };
}

describe("QR self check-in from a second browser", () => {
  it("checks a teacher in once as themself (signed in after the scan), and refuses a repeat, a foreign code and a past activity; nothing on the screen checks a colleague in", async () => {
    const admin = await launchContext();
    const a = await admin.newPage();
    await login(a, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
    // A training happening now.
    const start = vietnamNow(-10);
    const end = vietnamNow(110);
    await a.goto(`${base}/activities/new`);
    await a.getByLabel("Tên hoạt động").fill("Tập huấn E2E điểm danh QR");
    await a.getByLabel("Hình thức").selectOption({ label: "Tập huấn, bồi dưỡng" });
    await a.getByLabel("Nghị quyết 57-NQ/TW").check();
    await a.getByLabel("Giáo viên", { exact: true }).check();
    await a.getByLabel("Ngày bắt đầu").fill(start.date);
    await a.getByLabel("Giờ bắt đầu").fill(start.time);
    await a.getByLabel("Ngày kết thúc").fill(end.date);
    await a.getByLabel("Giờ kết thúc").fill(end.time);
    await a.getByLabel("Địa điểm").fill("Hội trường");
    await a.getByRole("button", { name: "Lưu hoạt động" }).click();
    await a.getByText("Đã lưu hoạt động.").waitFor();
    const activityId = Number(new URL(a.url()).pathname.split("/").pop());
    await a.goto(`${base}/attendance/${activityId}/checkin`);
    await a.getByRole("button", { name: "Mở điểm danh bằng mã QR" }).click();
    await a.getByTestId("checkin-qr").waitFor();
    await expectAccessible(a);
    const url = (await a.getByTestId("checkin-url").textContent())!;
    expect(await a.getByText(/PIN/).count()).toBe(0); // nothing on the screen lets anyone check a colleague in

    const participant = await launchContext({ width: 390, height: 844, isMobile: true });
    const p = await participant.newPage();
    // Scanned, not signed in: the page asks to sign in, and names nobody. A colleague's staff code (printed on
    // sign-in sheets) with the scan's ticket checks nobody in and reveals no name.
    await p.goto(url);
    const colleague = serverOne<{ code: string; full_name: string }>(
      "select p.code, p.full_name from people p join units u on u.id = p.unit_id where u.code = 'thcs-tanan' and p.category = 'teachers' order by p.id limit 1",
    );
    const ticket = await p.locator('input[name="ticket"]').inputValue();
    const sneaky = await p.request.post(`${base}${new URL(url).pathname}`, {
      form: { ticket, staffCode: colleague.code, pin: "123456" },
    });
    expect(sneaky.status()).toBe(401);
    expect(await sneaky.text()).not.toContain(colleague.full_name);
    await p.getByRole("link", { name: "Đăng nhập để điểm danh" }).click();
    await p.getByLabel("Email").fill("gv.thcs@tanan.demo");
    await p.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await p.getByRole("button", { name: "Đăng nhập" }).click();
    // Back on the check-in page with the scan's ticket, as oneself.
    await p.getByText("Bạn đang đăng nhập: Võ Minh Tuấn.").waitFor();
    await p.getByRole("button", { name: "Điểm danh có mặt" }).click();
    await p.getByTestId("checkin-result").waitFor();
    expect(await p.getByTestId("checkin-result").textContent()).toContain("Võ Minh Tuấn");
    await expectAccessible(p);

    await p.goto(url);
    await p.getByRole("button", { name: "Điểm danh có mặt" }).click();
    await p.getByText("Bạn đã điểm danh hoạt động này rồi.").waitFor();

    // A code that is not this activity's: refused as soon as the page opens.
    await p.goto(url.replace(/c=[0-9a-f]+/, "c=0123456789abcdef"));
    await p.getByText("Mã QR này không thuộc hoạt động này.").waitFor();

    // A code of the right activity, but for a meeting already over.
    const past = meeting();
    await a.goto(`${base}/attendance/${past.id}/checkin`);
    await a.getByRole("button", { name: "Mở điểm danh bằng mã QR" }).click();
    const pastUrl = (await a.getByTestId("checkin-url").textContent())!;
    await p.goto(pastUrl);
    await p.getByRole("button", { name: "Điểm danh có mặt" }).click();
    await p.getByText(/Chỉ điểm danh được trong thời gian diễn ra hoạt động/).waitFor();

    expect(
      serverOne<{ n: number }>("select count(*) n from attendance where activity_id = ? and source = 'qr'", activityId)
        .n,
    ).toBe(1);
    await participant.close();
    await admin.close();
  }, 90_000);
});

describe("attendance import in a browser", () => {
  it("previews an XLSX with good and bad rows, writes nothing, then imports the corrected file", async () => {
    const desk = await launchContext();
    const d = await desk.newPage();
    await login(d, base, "bgh.thcs@tanan.demo", DEMO_PASSWORD);
    const activity = serverOne<{ id: number }>(
      "select a.id from activities a join units u on u.id = a.organizer_unit_id where u.code = 'thcs-tanan' and a.title = 'Sinh hoạt dưới cờ: Học sinh với Đổi mới sáng tạo' limit 1",
    );
    const kids = serverAll<{ code: string }>(
      "select p.code from people p join units u on u.id = p.unit_id where u.code = 'thcs-tanan' and p.class_name = '6A1' order by p.id limit 3",
    );
    const book = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const s = wb.addWorksheet("Điểm danh");
      s.addRow(["Mã", "Trạng thái", "Ghi chú"]);
      rows.forEach((r) => s.addRow(r));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    await d.goto(`${base}/attendance/${activity.id}/import`);
    await d.locator("#file").setInputFiles({
      name: "sai.xlsx",
      mimeType: "application/octet-stream",
      buffer: await book([
        [kids[0].code, "Có mặt", ""],
        ["KHONGTONTAI", "", ""],
        [kids[1].code, "ốm", ""],
      ]),
    });
    await d.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await d.getByText("Có 2 dòng lỗi").waitFor();
    expect(await d.getByText("Không tìm thấy người có mã này trong danh sách của đơn vị.").count()).toBe(1);
    await expectAccessible(d);
    await d.locator("#file").setInputFiles({
      name: "dung.xlsx",
      mimeType: "application/octet-stream",
      buffer: await book(kids.map((k) => [k.code, "Đến muộn", "xe hỏng"])),
    });
    await d.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await d.getByRole("button", { name: "Ghi điểm danh" }).click();
    await d.getByText(/Đã nhập điểm danh/).waitFor();
    await desk.close();
  });
});
