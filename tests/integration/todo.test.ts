/**
 * Issue 19: "Việc cần làm" on the home page, worked out by hand on the demo as of 02/12/2026, eight days before the
 * 10/12 deadline — for commune staff, a unit's preparers, a teacher (with their recent materials), the system
 * administrator, the commune leader and a province reader (two communes) — and, through the running server, each
 * role's home page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAccount, accountDetail, liftLoginLock, setUserActive } from "../../app/domain/accounts/accounts";
import { attemptLogin } from "../../app/domain/auth/login";
import { reachOf } from "../../app/domain/auth/permissions";
import { lockedAccounts } from "../../app/domain/auth/throttle";
import { createMaterial, recentMaterialsOf } from "../../app/domain/materials/materials";
import { dashboard } from "../../app/domain/overview/dashboard";
import {
  adminTodo,
  communeTodo,
  rollCallTodo,
  standingTodo,
  unitTodo,
  type StatusCounts,
} from "../../app/domain/overview/todo";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit, listUnits } from "../../app/domain/units/units";
import { addUnit } from "../../scripts/seed/org";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { http, loginAs } from "../support/http";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
});
afterAll(() => t.close());
const NOW = new Date("2026-12-02T03:00:00Z");
const userId = async (email: string) =>
  (await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const communesOf = async (email: string) =>
  (await listUnits(t.db, { kinds: ["commune"], within: reachOf(await actorOf(t.db, email)) })).map((c) => ({
    id: c.id,
    name: c.name,
  }));
/** What /indicators shows for a commune's year (its loader calls dashboard()), counted by standing. */
async function indicatorsPage(communeId: number, year: number, now: Date): Promise<StatusCounts> {
  const counts: StatusCounts = { met: 0, behind: 0, no_data: 0, no_target: 0 };
  for (const f of (await dashboard(t.db, { kind: "commune", communeId }, parsePeriod(String(year))!, now)).figures)
    counts[f.status]++;
  return counts;
}
const targetsText = (n: StatusCounts) =>
  `${n.met} đạt, ${n.behind} chưa đạt, ${n.no_data} chưa có số liệu${n.no_target ? `, ${n.no_target} không đặt chỉ tiêu` : ""}`;

describe("what each person has to do next", () => {
  it("commune staff: reports waiting with how long, units not submitted with days left or overdue, returned ones", async () => {
    const commune = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()
    ).id;
    const items = await communeTodo(t.db, commune, NOW);
    const texts = items.map((i) => i.text);
    // Submitted and waiting: THCS (09/6), THPT (13/6), Phòng Kinh tế (10/6), oldest first.
    expect(texts.filter((x) => x.startsWith("Duyệt báo cáo"))).toEqual([
      "Duyệt báo cáo 6 tháng đầu năm 2026 của Trường THCS Tân An: đã chờ 176 ngày",
      "Duyệt báo cáo 6 tháng đầu năm 2026 của Phòng Kinh tế: đã chờ 175 ngày",
      "Duyệt báo cáo 6 tháng đầu năm 2026 của Trường THPT Tân An: đã chờ 172 ngày",
    ]);
    // H2: nobody has submitted (two drafts count as not submitted); H1: TH A (draft) and the service centre.
    const h2 = items.find((i) => i.text.startsWith("9 đơn vị chưa nộp báo cáo 6 tháng cuối năm 2026 (còn 8 ngày"))!;
    expect(h2).toMatchObject({ urgency: "soon", to: "/reports?period=2026-H2" });
    const h1 = items.find((i) => i.text.startsWith("2 đơn vị chưa nộp báo cáo 6 tháng đầu năm 2026 (quá hạn"))!;
    expect(h1.urgency).toBe("overdue");
    expect(h1.text).toContain("Trung tâm Phục vụ hành chính công xã");
    expect(h1.text).toContain("Trường Tiểu học Tân An A");
    expect(texts.filter((x) => x.includes("chưa gửi lại"))).toHaveLength(3); // TH B and Văn phòng H1, THCS 2025-H2
    expect(items.filter((i) => i.text.startsWith("Duyệt")).every((i) => /^\/reports\/2026-H1\/\d+$/.test(i.to))).toBe(
      true,
    );
  });

  it("a school's administrators: their report with days left, a returned report's comment, rolls and clubs to do", async () => {
    const thcs = await unitIdByCode(t.db, "thcs-tanan");
    const items = await unitTodo(t.db, { id: thcs, kind: "school" }, NOW);
    expect(items[0]).toEqual({
      text: "Nộp báo cáo 6 tháng cuối năm 2026: còn 8 ngày (hạn 10/12/2026)",
      to: `/reports/2026-H2/${thcs}`,
      urgency: "soon",
    });
    expect(items[1].text).toContain("Báo cáo 6 tháng cuối năm 2025 bị trả lại: Mở lại theo đề nghị của trường");
    for (const item of items.slice(2)) expect(item.to).toMatch(/^\/(attendance|clubs)\/\d+$/);
    // An office's staff get the report items only.
    const office = await unitIdByCode(t.db, "office-kinhte");
    const officeItems = await unitTodo(t.db, { id: office, kind: "office" }, NOW);
    expect(officeItems.map((i) => i.to)).toEqual([`/reports/2026-H2/${office}`]);
  });

  it("a teacher: the roll calls of today and the coming week, today's first", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const items = await rollCallTodo(t.db, teacher, NOW);
    // The commune's workshop on 05/12, to which THCS is invited, is in the week of 02/12.
    expect(items.map((i) => i.text)).toContain("Điểm danh 05/12/2026: Hội thảo ứng dụng AI trong dạy học (07:30)");
    for (const i of items) expect(i.to).toMatch(/^\/attendance\/\d+$/);
    expect(await rollCallTodo(t.db, teacher, new Date("2031-01-01T03:00:00Z"))).toEqual([]);
  });

  it("a teacher: their last five materials, newest first, their own only", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    expect(await recentMaterialsOf(t.db, teacher)).toEqual([]); // the demo's materials are the principals'
    const thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
    const ids: number[] = [];
    for (const n of [1, 2, 3, 4, 5, 6])
      ids.push(
        await createMaterial(t.db, teacher, thcs, {
          title: `Bài giảng số ${n}`,
          kind: "electure",
          grades: [8],
          topics: [],
          keywords: [],
          integratesTopics: false,
          visibility: "school",
          linkUrl: `https://example.edu.vn/bai-${n}`,
        }),
      );
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    await createMaterial(t.db, principal, thcs, {
      title: "Của hiệu trưởng",
      kind: "document",
      grades: [],
      topics: [],
      keywords: [],
      integratesTopics: false,
      visibility: "school",
      linkUrl: "https://example.edu.vn/ht",
    });
    const rows = await recentMaterialsOf(t.db, teacher);
    expect(rows.map((r) => r.id)).toEqual(ids.slice(1).reverse());
    expect(rows[0]).toMatchObject({ title: "Bài giảng số 6", kind: "electure" });
  });

  it("the system administrator: set-up links expired or unused, accounts locked out, units without this year's headcounts", async () => {
    const admin = await actorOf(t.db, "admin@tanan.demo");
    const thB = await unitIdByCode(t.db, "th-tanan-b");
    const thcs = await unitIdByCode(t.db, "thcs-tanan");
    // The demo: every account set up, nobody locked out, every school and office counted for 2026.
    expect(await adminTodo(t.db, null, NOW)).toEqual([]);

    // A link issued 20/11 (72 hours) never used; a link issued 01/12 not used yet; an account switched off by an
    // administrator (not a to-do); a teacher who typed a wrong password five times from one address.
    const teacherAccount = async (email: string, fullName: string, unitId: number, link?: [string, string]) => {
      const { userId } = await createAccount(t.db, admin, { email, fullName, role: "teacher", unitId });
      if (link)
        await t.db
          .updateTable("account_tokens")
          .set({ created_at: link[0], expires_at: link[1] })
          .where("user_id", "=", userId)
          .execute();
      return { userId };
    };
    const expired = await teacherAccount("gv.hethan@tanan.demo", "Lê Văn Hạn", thB, [
      "2026-11-20T02:00:00.000Z",
      "2026-11-23T02:00:00.000Z",
    ]);
    const unused = await teacherAccount("gv.moi@tanan.demo", "Phan Thị Mới", thcs, [
      "2026-12-01T02:00:00.000Z",
      "2026-12-04T02:00:00.000Z",
    ]);
    const off = await teacherAccount("gv.nghi@tanan.demo", "Trần Văn Nghỉ", thcs);
    await setUserActive(t.db, admin, off.userId, false);
    for (let i = 0; i < 5; i++)
      await attemptLogin(t.db, {
        email: "gv.thcs@tanan.demo",
        password: "sai-mat-khau",
        ip: "203.0.113.9",
        userAgent: null,
      });
    // TH B has no 2026 headcounts at all; the preschool lost its children's (the other categories stay).
    await t.db.deleteFrom("headcounts").where("unit_id", "=", thB).where("year", "=", 2026).execute();
    const mn = await unitIdByCode(t.db, "mn-tanan");
    await t.db
      .deleteFrom("headcounts")
      .where("unit_id", "=", mn)
      .where("year", "=", 2026)
      .where("category", "=", "students")
      .execute();

    const teacher = await userId("gv.thcs@tanan.demo");
    const items = await adminTodo(t.db, null, NOW);
    expect(items).toHaveLength(5);
    expect(items[0].text).toMatch(
      /^Võ Minh Tuấn \(gv\.thcs@tanan\.demo\) đang bị tạm khóa đăng nhập đến \d\d:\d\d \d\d\/\d\d\/\d{4} do nhập sai mật khẩu nhiều lần$/,
    );
    expect(items[0]).toMatchObject({ to: `/admin/accounts/${teacher}`, urgency: "now" });
    expect(items.slice(1)).toEqual([
      {
        text: "Liên kết kích hoạt của Lê Văn Hạn (gv.hethan@tanan.demo) đã hết hạn ngày 23/11/2026 mà chưa dùng: cấp liên kết mới",
        to: `/admin/accounts/${expired.userId}`,
        urgency: "now",
      },
      {
        text: "Phan Thị Mới (gv.moi@tanan.demo) chưa dùng liên kết kích hoạt (cấp ngày 01/12/2026, hết hạn 09:00 04/12/2026)",
        to: `/admin/accounts/${unused.userId}`,
        urgency: "later",
      },
      {
        text: "Trường Mầm non Tân An chưa nhập số liệu nền năm 2026: học sinh",
        to: `/units/${mn}?year=2026`,
        urgency: "later",
      },
      {
        text: "Trường Tiểu học Tân An B chưa có số liệu nền năm 2026 (mẫu số của các chỉ tiêu)",
        to: `/units/${thB}?year=2026`,
        urgency: "later",
      },
    ]);
    // Within a reach: only what concerns its units (TH B: its account and its headcounts).
    expect((await adminTodo(t.db, [thB], NOW)).map((i) => i.to)).toEqual([
      `/admin/accounts/${expired.userId}`,
      `/units/${thB}?year=2026`,
    ]);

    // The account page shows the lock and lifts it (audited); a principal may not.
    expect((await accountDetail(t.db, teacher))!.user.lockedUntil).not.toBeNull();
    await expect(liftLoginLock(t.db, await actorOf(t.db, "bgh.thcs@tanan.demo"), teacher)).rejects.toBeInstanceOf(
      Response,
    );
    await liftLoginLock(t.db, admin, teacher);
    expect((await lockedAccounts(t.db)).size).toBe(0);
    expect((await accountDetail(t.db, teacher))!.user.lockedUntil).toBeNull();
    expect((await adminTodo(t.db, null, NOW)).map((i) => i.to)).not.toContain(`/admin/accounts/${teacher}`);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity", "=", "user")
      .where("entity_id", "=", String(teacher))
      .execute();
    expect(audit).toContainEqual({ action: "unlock", actor_user_id: admin.userId });
  });

  it("the commune leader: the half-year against its deadline and the year's indicators as /indicators counts them", async () => {
    const commune = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()
    ).id;
    const communes = await communesOf("lanhdao@tanan.demo");
    expect(communes.map((c) => c.id)).toEqual([commune]);
    // 02/12: the H2 reports — nobody has submitted (two drafts), 8 days left.
    expect(await standingTodo(t.db, communes, NOW)).toEqual([
      {
        text: "Báo cáo 6 tháng cuối năm 2026: 0/9 đơn vị đã nộp, 0 đã duyệt; còn 8 ngày (hạn 10/12/2026)",
        to: "/reports?period=2026-H2",
        urgency: "soon",
      },
      {
        text: `Chỉ tiêu năm 2026: ${targetsText(await indicatorsPage(commune, 2026, NOW))}`,
        to: "/indicators?period=2026",
        urgency: "watch",
      },
    ]);
    // 15/06: the H1 reports, five days past their deadline — THCS, THPT and Phòng Kinh tế submitted, the preschool
    // and Phòng VH-XH approved (TH B and Văn phòng returned, TH A a draft, the service centre none).
    const june = new Date("2026-06-15T03:00:00Z");
    expect((await standingTodo(t.db, communes, june))[0]).toEqual({
      text: "Báo cáo 6 tháng đầu năm 2026: 5/9 đơn vị đã nộp, 2 đã duyệt; quá hạn 5 ngày (hạn 10/06/2026)",
      to: "/reports?period=2026-H1",
      urgency: "overdue",
    });
  });

  it("a province reader: each commune they read, named, with its own figures", async () => {
    const tanAn = (await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow())
      .id;
    const province = (
      await t.db.selectFrom("units").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
    ).id;
    const binhMinh = await addUnit(t.db, province, { kind: "commune", code: "xa-bm", name: "UBND xã Bình Minh" });
    const school = await addUnit(t.db, binhMinh, {
      kind: "school",
      code: "thcs-bm",
      name: "Trường THCS Bình Minh",
      schoolLevel: "lower_secondary",
    });
    await addUnit(t.db, binhMinh, { kind: "office", code: "vhxh-bm", name: "Phòng Văn hóa - Xã hội Bình Minh" });
    await t.db
      .insertInto("reports")
      .values({
        unit_id: school,
        period_key: "2026-H2",
        status: "submitted",
        narrative: "",
        submitted_at: "2026-11-30T02:00:00.000Z",
        submitted_by: null,
        decided_at: null,
        decided_by: null,
        comment: null,
        created_at: "2026-11-30T02:00:00.000Z",
        updated_at: "2026-11-30T02:00:00.000Z",
      })
      .execute();
    const communes = await communesOf("so@tanan.demo");
    expect(communes.map((c) => c.name)).toEqual(["UBND xã Bình Minh", "UBND xã Tân An"]);
    // Each commune named, with its page on /reports and /indicators: Bình Minh's school has submitted, its office not.
    const itemsOf = async (name: string, id: number, submitted: string) => [
      {
        text: `${name}: Báo cáo 6 tháng cuối năm 2026: ${submitted} đơn vị đã nộp, 0 đã duyệt; còn 8 ngày (hạn 10/12/2026)`,
        to: `/reports?period=2026-H2&commune=${id}`,
        urgency: "soon",
      },
      {
        text: `${name}: Chỉ tiêu năm 2026: ${targetsText(await indicatorsPage(id, 2026, NOW))}`,
        to: `/indicators?period=2026&commune=${id}`,
        urgency: "watch",
      },
    ];
    expect(await standingTodo(t.db, communes, NOW)).toEqual([
      ...(await itemsOf("UBND xã Bình Minh", binhMinh, "1/2")),
      ...(await itemsOf("UBND xã Tân An", tanAn, "0/9")),
    ]);
    // The leader of Tân An still reads Tân An alone.
    expect(await communesOf("lanhdao@tanan.demo")).toEqual([{ id: tanAn, name: "UBND xã Tân An" }]);
  });
});

describe("each role's home page, on the running server", () => {
  const base = inject("baseUrl");
  const home = async (email: string) => {
    const res = await http(base, "/", { cookie: await loginAs(base, email) });
    expect(res.status, email).toBe(200);
    return res.text.replace(/<!-- -->/g, "");
  };

  it("says what is due, one link each, to every role", async () => {
    for (const email of ["admin@tanan.demo", "vhxh@tanan.demo", "bgh.thcs@tanan.demo", "cb.vhxh@tanan.demo"])
      expect(await home(email), email).toContain("Việc cần làm");
    for (const email of ["lanhdao@tanan.demo", "so@tanan.demo"]) {
      const html = await home(email);
      expect(html, email).toMatch(/href="\/reports\?period=\d{4}-H[12]"/);
      expect(html, email).toMatch(/href="\/indicators\?period=\d{4}"[^>]*>Chỉ tiêu năm \d{4}: \d+ đạt, \d+ chưa đạt/);
    }
    const teacher = await home("gv.thcs@tanan.demo");
    expect(teacher).toContain("Việc cần làm");
    expect(teacher).toContain("Học liệu của tôi gần đây");
    // An office's staff: the address of their calendar (report deadlines and cut-offs).
    expect(await home("cb.vhxh@tanan.demo")).toMatch(/\/calendar\/[a-z2-9]{20,64}\.ics/);
  });
});
