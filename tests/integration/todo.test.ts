/**
 * Issue 19 (first step): "Việc cần làm" on the home page, worked out by hand on the demo as of 02/12/2026,
 * eight days before the 10/12 deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeTodo, rollCallTodo, unitTodo } from "../../app/domain/overview/todo";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
});
afterAll(() => t.close());
const NOW = new Date("2026-12-02T03:00:00Z");

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
});
