/**
 * Issue 19: people are told what is due — in the app and by e-mail through a real SMTP server on 127.0.0.1 (read
 * back with mailparser). Worked by hand on the demo: on 03/12/2026 the 10/12 deadline is 7 days away and no unit
 * has submitted its H2 report, so the preparers of every school and office get the 7-day reminder, once, whatever
 * the number of runs, processes or restarts; a failed send is retried later and shown; a person may turn e-mail off.
 */
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { runDueJobs } from "../../app/domain/jobs/runner";
import { JOBS } from "../../app/domain/jobs/schedule";
import {
  deliverMail,
  MAX_ATTEMPTS,
  undeliveredMail,
  type MailSettings,
  type MailTransport,
} from "../../app/domain/notifications/delivery";
import {
  listNotifications,
  openNotification,
  setEmailPreference,
  unreadCount,
} from "../../app/domain/notifications/inbox";
import { remindUnsubmitted, reminderThreshold, sendDeadlineReminders } from "../../app/domain/notifications/reminders";
import { approveReports, returnReport, submitReport } from "../../app/domain/reports/reports";
import { createActivity, getActivity, updateActivity } from "../../app/domain/activities/activities";
import { adminTodo } from "../../app/domain/overview/todo";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { http, loginAs } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";
import { queryRows } from "../support/sql";

let t: TestDb;
let smtp: TestSmtp;
let transport: MailTransport;
const SETTINGS: MailSettings = { from: "Tân An STEM <stem@tanan.test>", publicUrl: "https://stem.tanan.test" };
const ON_3_DEC = new Date("2026-12-03T02:00:00Z"); // 09:00 in Vietnam, 7 days before 10/12

beforeAll(async () => {
  t = await createTestDb({ demo: true });
  smtp = await startSmtp();
  transport = nodemailer.createTransport(smtp.url);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuse.clear();
});

/** The e-mail addresses of those who prepare the H2 report of every unit that has not submitted it. */
async function preparersOfUnsubmitted(half: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom("units")
    .innerJoin("memberships", "memberships.unit_id", "units.id")
    .innerJoin("users", "users.id", "memberships.user_id")
    .leftJoin("reports", (j) => j.onRef("reports.unit_id", "=", "units.id").on("reports.period_key", "=", half))
    .select(["users.email", "reports.status"])
    .where("units.kind", "in", ["school", "office"])
    .where("units.archived_at", "is", null)
    .where("memberships.role", "in", ["school_admin", "office_staff"])
    .where("users.is_active", "=", 1)
    .execute();
  return [
    ...new Set(rows.filter((r) => r.status !== "submitted" && r.status !== "approved").map((r) => r.email)),
  ].sort();
}

describe("deadline reminders", () => {
  it("7, 3 and 1 days before: the nearest threshold still ahead, none after the deadline", () => {
    expect([8, 7, 5, 4, 3, 2, 1, 0, -1].map(reminderThreshold)).toEqual([null, 7, 7, 7, 3, 3, 1, 1, null]);
  });

  it("on 03/12 every preparer of an unsubmitted unit gets one e-mail in Vietnamese with a working link, once across runs and processes", async () => {
    const expected = await preparersOfUnsubmitted("2026-H2");
    expect(expected).toContain("bgh.thcs@tanan.demo");
    expect(expected).toContain("cb.vhxh@tanan.demo");
    const first = await sendDeadlineReminders(t.db, ON_3_DEC);
    expect(first.emails).toBe(expected.length);
    // A second server process (its own connection) and a restart later the same day: the job runs again.
    const other = createDb(t.file);
    try {
      const outcomes = await runDueJobs(other, JOBS, { holder: "second-process", now: () => ON_3_DEC });
      expect(outcomes.find((o) => o.name === "deadline-reminders")?.result).toMatch(/0 thông báo, 0 e-mail mới/);
      expect(
        (await sendDeadlineReminders(other, new Date("2026-12-05T10:00:00Z"))).emails, // 5 days left: still the 7-day one
      ).toBe(0);
      // Two senders at once (two processes): each message goes out once.
      const [a, b] = await Promise.all([
        deliverMail(t.db, transport, SETTINGS, ON_3_DEC),
        deliverMail(other, transport, SETTINGS, ON_3_DEC),
      ]);
      expect(a.sent + b.sent).toBe(expected.length);
      expect(await deliverMail(other, transport, SETTINGS, ON_3_DEC)).toMatchObject({ sent: 0 });
    } finally {
      await other.destroy();
    }
    await smtp.waitFor(() => true, expected.length);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(expected);
    const thcs = await unitIdByCode(t.db, "thcs-tanan");
    const mail = smtp.received.find((m) => m.to.includes("bgh.thcs@tanan.demo"))!;
    expect(mail.subject).toBe("Còn 7 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 (hạn 10/12/2026)");
    expect(mail.text).toContain("Báo cáo của Trường THCS Tân An: đang soạn.");
    expect(mail.text).toContain(`Mở trang: https://stem.tanan.test/reports/2026-H2/${thcs}`);
    expect(mail.text).toContain("Tắt nhận e-mail: https://stem.tanan.test/notifications");
    expect(mail.raw.from?.text).toContain("stem@tanan.test");
    expect(mail.raw.headers.get("auto-submitted")).toBe("auto-generated");
    // The same in the app, with the page it is about.
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const inbox = await listNotifications(t.db, principal.userId);
    expect(inbox.items.filter((n) => n.kind === "deadline")).toHaveLength(1);
    expect(inbox.items[0].link).toBe(`/reports/2026-H2/${thcs}`);
  });

  it("3 days before: the 3-day reminder, not to those who turned e-mail off (they still see it in the app)", async () => {
    const teacherlessOff = await actorOf(t.db, "kinhte@tanan.demo");
    await setEmailPreference(t.db, teacherlessOff.userId, false);
    const r = await sendDeadlineReminders(t.db, new Date("2026-12-07T02:00:00Z"));
    const expected = (await preparersOfUnsubmitted("2026-H2")).filter((e) => e !== "kinhte@tanan.demo");
    expect(r.emails).toBe(expected.length);
    await deliverMail(t.db, transport, SETTINGS, new Date("2026-12-07T02:00:00Z"));
    const got = await smtp.waitFor(() => true, expected.length);
    expect(got.every((m) => m.subject.startsWith("Còn 3 ngày đến hạn nộp"))).toBe(true);
    expect(got.flatMap((m) => m.to)).not.toContain("kinhte@tanan.demo");
    const inbox = await listNotifications(t.db, teacherlessOff.userId);
    expect(inbox.items.filter((n) => n.kind === "deadline").map((n) => n.title)).toEqual([
      "Còn 3 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 (hạn 10/12/2026)",
      "Còn 7 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 (hạn 10/12/2026)",
    ]);
    await setEmailPreference(t.db, teacherlessOff.userId, true);
  });

  it("a refused address is retried with backoff, shown to the system administrator, and given up after the last try", async () => {
    smtp.refuse.add("bgh.thpt@tanan.demo");
    const day = new Date("2026-12-09T02:00:00Z"); // 1 day left
    await sendDeadlineReminders(t.db, day);
    const first = await deliverMail(t.db, transport, SETTINGS, day);
    expect(first.retrying).toBe(1);
    const row = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "bgh.thpt@tanan.demo")
      .where("event_key", "like", "deadline:2026-H2:%:1")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: "2026-12-09T02:01:00.000Z" });
    expect(row.last_error).toContain("550");
    expect((await undeliveredMail(t.db)).map((m) => m.to_address)).toContain("bgh.thpt@tanan.demo");
    // Not before its time; then 5, 30, 120, 360 minutes apart; the sixth failure gives up.
    expect((await deliverMail(t.db, transport, SETTINGS, new Date("2026-12-09T02:00:30Z"))).retrying).toBe(0);
    let at = new Date("2026-12-09T02:01:00Z");
    for (const wait of [5, 30, 120, 360, 0]) {
      await deliverMail(t.db, transport, SETTINGS, at);
      at = new Date(at.getTime() + wait * 60_000);
    }
    const gaveUp = await t.db.selectFrom("mail_outbox").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(gaveUp).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(smtp.received.flatMap((m) => m.to)).not.toContain("bgh.thpt@tanan.demo");
    // The system administrator's home page says so, one tap from the list.
    const item = (await adminTodo(t.db, null, new Date("2026-12-09T10:00:00Z"))).find((i) => i.to === "/admin/mail");
    expect(item).toMatchObject({ urgency: "now" });
    expect(item!.text).toMatch(/^1 thư điện tử chưa gửi được \(lỗi gần nhất: .*550/);
  });
});

describe("the mail ledger after a crash, and people who left", () => {
  it("a message left 'sending' by a process that died is sent once after its lease; a closed account's is not sent", async () => {
    const at = new Date("2026-12-09T05:00:00Z");
    const user = await actorOf(t.db, "bgh.mamnon@tanan.demo");
    const gone = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const row = (userId: number, email: string, key: string) => ({
      user_id: userId,
      event_key: key,
      to_address: email,
      subject: "Thư thử nghiệm sau sự cố",
      body: "",
      link: "/reports",
      status: "sending" as const,
      attempts: 1,
      next_attempt_at: at.toISOString(),
      lease_until: new Date(at.getTime() - 1000).toISOString(), // its process died; the lease ran out
      last_error: null,
      created_at: at.toISOString(),
      sent_at: null,
    });
    await t.db
      .insertInto("mail_outbox")
      .values([row(user.userId, user.email, "crash:1"), row(gone.userId, gone.email, "crash:2")])
      .execute();
    await t.db.updateTable("users").set({ is_active: 0 }).where("id", "=", gone.userId).execute();
    const [a, b] = await Promise.all([
      deliverMail(t.db, transport, SETTINGS, at),
      deliverMail(t.db, transport, SETTINGS, at),
    ]);
    expect(a.sent + b.sent).toBe(1);
    const got = await smtp.waitFor((m) => m.subject === "Thư thử nghiệm sau sự cố");
    expect(got.map((m) => m.to)).toEqual([[user.email]]);
    const states = await t.db
      .selectFrom("mail_outbox")
      .select(["event_key", "status"])
      .where("event_key", "in", ["crash:1", "crash:2"])
      .orderBy("event_key")
      .execute();
    expect(states).toEqual([
      { event_key: "crash:1", status: "sent" },
      { event_key: "crash:2", status: "expired" },
    ]);
    await t.db.updateTable("users").set({ is_active: 1 }).where("id", "=", gone.userId).execute();
  });
});

describe("report steps and invitations", () => {
  it("submitting tells the commune's staff; returning and approving tell the unit's preparers, with the comment", async () => {
    const principal = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const tha = await t.db.selectFrom("units").selectAll().where("code", "=", "th-tanan-a").executeTakeFirstOrThrow();
    const at = new Date("2026-12-08T02:00:00Z");
    await submitReport(t.db, principal, tha, "2026-H2", "Nhà trường đã hoàn thành các chỉ tiêu.", at);
    await deliverMail(t.db, transport, SETTINGS, new Date());
    const staffMail = await smtp.waitFor((m) => m.to.includes("vhxh@tanan.demo"));
    expect(staffMail[0].subject).toBe("Trường Tiểu học Tân An A đã nộp báo cáo 6 tháng cuối năm 2026");
    expect(await unreadCount(t.db, staff.userId)).toBeGreaterThan(0);
    const report = await t.db
      .selectFrom("reports")
      .select("id")
      .where("unit_id", "=", tha.id)
      .where("period_key", "=", "2026-H2")
      .executeTakeFirstOrThrow();
    await returnReport(t.db, staff, report.id, "Bổ sung số liệu câu lạc bộ\nvà danh sách lớp.");
    await deliverMail(t.db, transport, SETTINGS, new Date());
    const back = await smtp.waitFor((m) => m.to.includes("bgh.tieuhoca@tanan.demo"));
    expect(back[0].subject).toBe("Báo cáo 6 tháng cuối năm 2026 của Trường Tiểu học Tân An A bị trả lại để bổ sung");
    expect(back[0].text).toContain("Lý do: Bổ sung số liệu câu lạc bộ\nvà danh sách lớp.");
    // Opening it: marked read, and the page it is about; another person cannot open it.
    const item = (await listNotifications(t.db, principal.userId)).items.find((n) => n.kind === "report_returned")!;
    expect(await openNotification(t.db, staff.userId, item.id)).toBeUndefined();
    const before = await unreadCount(t.db, principal.userId);
    expect(await openNotification(t.db, principal.userId, item.id)).toBe(`/reports/2026-H2/${tha.id}`);
    expect(await unreadCount(t.db, principal.userId)).toBe(before - 1);
    // An earlier half-year, submitted and approvable: approval tells the unit.
    const h1 = await t.db
      .selectFrom("reports")
      .innerJoin("units", "units.id", "reports.unit_id")
      .select(["reports.id", "units.name"])
      .where("reports.period_key", "=", "2026-H1")
      .where("reports.status", "=", "submitted")
      .where("units.code", "=", "thcs-tanan")
      .executeTakeFirstOrThrow();
    const commune = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()
    ).id;
    // Named twice, with an id that is no report of this commune's waiting ones: only the one is approved.
    const r = await approveReports(t.db, staff, commune, "2026-H1", [h1.id, h1.id, 999_999]);
    expect(r).toEqual({ approved: 1, refused: 1, reason: null });
    await deliverMail(t.db, transport, SETTINGS, new Date());
    const approved = await smtp.waitFor((m) => m.to.includes("bgh.thcs@tanan.demo") && m.subject.includes("duyệt"));
    expect(approved[0].subject).toBe("Báo cáo 6 tháng đầu năm 2026 của Trường THCS Tân An đã được duyệt");
  });

  it("'Nhắc đơn vị chưa nộp' reminds now, once a day; only the commune's staff may", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const leader = await actorOf(t.db, "lanhdao@tanan.demo");
    const commune = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()
    ).id;
    const now = new Date("2026-12-08T03:00:00Z");
    const first = await remindUnsubmitted(t.db, staff, commune, "2026-H2", now);
    expect(first.units).toContain("Trường Tiểu học Tân An A"); // returned above: not in, so reminded
    expect(first.emails).toBeGreaterThan(0);
    const again = await remindUnsubmitted(t.db, staff, commune, "2026-H2", now);
    expect(again).toMatchObject({ inApp: 0, emails: 0 });
    await expect(remindUnsubmitted(t.db, leader, commune, "2026-H2", now)).rejects.toMatchObject({ status: 403 });
    await deliverMail(t.db, transport, SETTINGS, now);
    const got = await smtp.waitFor((m) => m.subject.startsWith("Phòng Văn hóa - Xã hội nhắc"), first.emails);
    expect(got[0].subject).toBe(
      "Phòng Văn hóa - Xã hội nhắc: Còn 2 ngày đến hạn nộp báo cáo 6 tháng cuối năm 2026 (hạn 10/12/2026)",
    );
  });

  it("a school invited to a commune activity: its administrators are told in the app, once", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const principal = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const commune = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()
    ).id;
    const thb = await unitIdByCode(t.db, "th-tanan-b");
    const input = {
      organizerUnitId: commune,
      title: "Ngày hội STEM cấp xã",
      form: "conference",
      delivery: "in_person",
      startDate: "2026-12-20",
      startTime: "07:30",
      endDate: "2026-12-20",
      endTime: "11:00",
      place: "Nhà văn hóa xã",
      link: "",
      postKind: "",
      externalOrganizer: "",
      commemoration: "",
      plannedParticipants: 200,
      status: "planned",
      description: "",
      topics: ["NQ57"],
      audiences: ["teachers"],
      coOrganizerIds: [],
      invitedUnitIds: [thb],
    };
    const before = await unreadCount(t.db, principal.userId);
    await createActivity(t.db, staff, input as never);
    expect(await unreadCount(t.db, principal.userId)).toBe(before + 1);
    const item = (await listNotifications(t.db, principal.userId)).items.find((n) => n.kind === "invited");
    expect(item).toMatchObject({ kind: "invited", title: "UBND xã Tân An mời trường tham gia: Ngày hội STEM cấp xã" });
    expect(item!.link).toMatch(/^\/activities\/\d+$/);
    // Saving the activity again tells nobody twice.
    const id = Number(item!.link.split("/").pop());
    const activity = await getActivity(t.db, id);
    await updateActivity(t.db, staff, activity!, { ...input, title: "Ngày hội STEM cấp xã (sửa)" } as never);
    expect(await unreadCount(t.db, principal.userId)).toBe(before + 1);
  });
});

describe("over HTTP, on a server of its own", () => {
  let server: RunningServer;
  const cookies: Record<string, string> = {};
  const status = (unit: string, half: string) =>
    queryRows<{ status: string; narrative: string }>(
      server.dbFile,
      "select r.status, r.narrative from reports r join units u on u.id = r.unit_id where u.code = ? and r.period_key = ?",
      unit,
      half,
    )[0];
  const unitId = (code: string) =>
    queryRows<{ id: number }>(server.dbFile, "select id from units where code = ?", code)[0].id;

  beforeAll(async () => {
    server = await startTestServer();
    for (const who of ["vhxh", "bgh.thcs", "bgh.tieuhoca"])
      cookies[who] = await loginAs(server.url, `${who}@tanan.demo`);
  }, 120_000);
  afterAll(() => server?.stop());

  it("with SMTP_URL and no PUBLIC_URL the server refuses to start, saying why", async () => {
    await expect(startTestServer({ env: { SMTP_URL: "smtp://127.0.0.1:2525", PUBLIC_URL: "" } })).rejects.toThrow(
      /SMTP_URL đã đặt nhưng thiếu PUBLIC_URL/,
    );
  });

  it("submitting asks first and keeps the text; only the confirmed form submits", async () => {
    const path = `/reports/2026-H2/${unitId("thcs-tanan")}`;
    const asked = await http(server.url, path, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "submit", narrative: "Đánh giá gõ trên điện thoại" },
    });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Gửi báo cáo cho Phòng Văn hóa - Xã hội?");
    expect(status("thcs-tanan", "2026-H2")).toEqual({ status: "draft", narrative: "Đánh giá gõ trên điện thoại" });
    const sent = await http(server.url, path, {
      cookie: cookies["bgh.thcs"],
      form: { intent: "submit", narrative: "Đánh giá gõ trên điện thoại", confirm: "yes" },
    });
    expect(sent.status).toBe(302);
    expect(status("thcs-tanan", "2026-H2").status).toBe("submitted");
    // Commune staff are told: the header counts it.
    const home = await http(server.url, "/", { cookie: cookies.vhxh });
    expect(home.text).toMatch(/Thông báo<\/span><span class="count-badge">\d+<span class="visually-hidden"> chưa đọc/);
  });

  it("approving one asks first; approving several shows the list, then approves them", async () => {
    const thpt = unitId("thpt-tanan");
    const ask = await http(server.url, `/reports/2026-H1/${thpt}`, {
      cookie: cookies.vhxh,
      form: { intent: "approve" },
    });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain("Duyệt báo cáo này?");
    expect(status("thpt-tanan", "2026-H1").status).toBe("submitted");
    const ids = queryRows<{ id: number }>(
      server.dbFile,
      "select id from reports where period_key = '2026-H1' and status = 'submitted' order by id",
    ).map((r) => String(r.id));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const form: [string, string][] = [
      ["period", "2026-H1"],
      ["intent", "approve-many"],
      ...ids.map((id): [string, string] => ["report", id]),
    ];
    const confirm = await http(server.url, "/reports?period=2026-H1", { cookie: cookies.vhxh, form });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`Xác nhận duyệt ${ids.length} báo cáo`);
    expect(status("thpt-tanan", "2026-H1").status).toBe("submitted");
    // A school cannot.
    const refused = await http(server.url, "/reports?period=2026-H1", {
      cookie: cookies["bgh.thcs"],
      form: [...form, ["confirm", "yes"]],
    });
    expect([403, 404]).toContain(refused.status);
    const done = await http(server.url, "/reports?period=2026-H1", {
      cookie: cookies.vhxh,
      form: [...form, ["confirm", "yes"]],
    });
    expect(done.status).toBe(302);
    expect(done.location).toContain(`approved=${ids.length}`);
    expect(status("thpt-tanan", "2026-H1").status).toBe("approved");
  });

  it("a notification opens only for its owner: marked read, then its page", async () => {
    const [mine] = queryRows<{ id: number; link: string }>(
      server.dbFile,
      "select n.id, n.link from notifications n join users u on u.id = n.user_id where u.email = 'bgh.thpt@tanan.demo' and n.kind = 'report_approved'",
    );
    expect((await http(server.url, `/notifications/${mine.id}`, { cookie: cookies["bgh.thcs"] })).status).toBe(404);
    const thpt = await loginAs(server.url, "bgh.thpt@tanan.demo");
    const list = await http(server.url, "/notifications", { cookie: thpt });
    expect(list.text).toContain("Báo cáo 6 tháng đầu năm 2026 của Trường THPT Tân An đã được duyệt");
    const open = await http(server.url, `/notifications/${mine.id}`, { cookie: thpt });
    expect(open).toMatchObject({ status: 302, location: mine.link });
    expect(
      queryRows<{ read_at: string | null }>(server.dbFile, "select read_at from notifications where id = ?", mine.id)[0]
        .read_at,
    ).not.toBeNull();
  });
});
