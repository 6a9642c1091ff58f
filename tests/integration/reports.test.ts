import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createActivity, deleteActivity, getActivity, updateActivity } from "../../app/domain/activities/activities";
import { addMembers, createClub, getClub } from "../../app/domain/clubs/clubs";
import { saveEnteredFigure } from "../../app/domain/indicators/entered";
import {
  approveReport,
  getReport,
  reopenReport,
  reportOverview,
  returnReport,
  saveDraft,
  submitReport,
} from "../../app/domain/reports/reports";
import { getUnit } from "../../app/domain/units/units";
import { communeIdOf, reportPeriod, setCutoff } from "../../app/domain/reports/report-periods";
import {
  differences,
  ensureSignedFigures,
  signedFigures,
  signedFiguresFor,
} from "../../app/domain/reports/signed-figures";
import { computeIndicators } from "../../app/domain/indicators/engine";
import type { ActivityInput } from "../../app/domain/activities/schemas";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { timeliness } from "../../app/domain/calendar/statuses";

let t: TestDb;
let school: Unit;
let other: Unit;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
  // A school without demo reports, so each transition is the test's own.
  school = (await getUnit(t.db, await unitIdByCode(t.db, "th-tanan-b")))!;
  other = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
  await t.db.deleteFrom("period_locks").where("unit_id", "=", school.id).execute();
  await t.db.deleteFrom("reports").where("unit_id", "=", school.id).execute();
});
afterEach(() => t.close());

const LOCKED = /đã được duyệt: số liệu trong kỳ này đã khóa/;
/** A moment after the 2026-H2 period has ended (its default cut-off is 10/12). */
const AFTER_H2 = new Date("2026-12-17T03:00:00Z");

describe("half-year report workflow", () => {
  it("draft → submitted → returned → submitted → approved locks the school's records of the half-year; reopening unlocks them; all audited", async () => {
    const admin = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const H1 = "2026-H1";

    await saveDraft(t.db, admin, school, H1, "Nháp");
    expect((await getReport(t.db, school.id, H1))!.status).toBe("draft");
    await submitReport(
      t.db,
      admin,
      school,
      H1,
      "Trường đã tổ chức 4 buổi tuyên truyền.",
      new Date("2026-06-09T10:00:00Z"),
    );
    const first = (await getReport(t.db, school.id, H1))!;
    expect(first.status).toBe("submitted");
    expect(timeliness(first, H1)).toBe("on_time");
    await expect(saveDraft(t.db, admin, school, H1, "Sửa sau khi nộp")).rejects.toThrow(
      /chỉ sửa được khi Phòng VH-XH trả lại/,
    );

    await expect(returnReport(t.db, staff, first.id, "  ")).rejects.toThrow(/lý do trả lại/);
    await returnReport(t.db, staff, first.id, "Bổ sung số liệu câu lạc bộ");
    expect((await getReport(t.db, school.id, H1))!).toMatchObject({
      status: "returned",
      comment: "Bổ sung số liệu câu lạc bộ",
    });
    await submitReport(t.db, admin, school, H1, "Đã bổ sung.", new Date("2026-06-20T10:00:00Z"));
    const again = (await getReport(t.db, school.id, H1))!;
    expect(again.submitted_at).toBe(first.submitted_at); // the first submission decides timeliness

    await approveReport(t.db, staff, again.id);
    expect((await getReport(t.db, school.id, H1))!.status).toBe("approved");
    await expect(approveReport(t.db, staff, again.id)).rejects.toThrow(/không ở trạng thái chờ duyệt/);

    // Records of the school dated in H1 2026 are locked; H2 stays open; other schools are untouched.
    const club = (await getClub(
      t.db,
      (await t.db.selectFrom("clubs").select("id").where("school_id", "=", school.id).executeTakeFirstOrThrow()).id,
    ))!;
    const person = await t.db
      .selectFrom("people")
      .select("id")
      .where("unit_id", "=", school.id)
      .where("category", "=", "students")
      .where("left_on", "is", null)
      .executeTakeFirstOrThrow();
    await expect(
      addMembers(t.db, admin, club, { personIds: [person.id], role: "member", joinedOn: "2026-03-01" }),
    ).rejects.toThrow(LOCKED);
    const activity: ActivityInput = {
      organizerUnitId: school.id,
      title: "Tuyên truyền Nghị quyết 57",
      form: "thematic_session",
      delivery: "in_person",
      startDate: "2026-06-10",
      startTime: "08:00",
      endDate: "2026-06-10",
      endTime: "09:00",
      place: "Hội trường",
      link: undefined,
      status: "held",
      topics: ["NQ57"],
      audiences: ["students"],
      coOrganizerIds: [],
      invitedUnitIds: [],
      commemoration: "",
      plannedParticipants: undefined,
      description: undefined,
    };
    await expect(createActivity(t.db, admin, activity)).rejects.toThrow(LOCKED);
    // The report's period ends at its cut-off (10/6): the 11th belongs to the next report.
    await expect(
      createActivity(t.db, admin, { ...activity, startDate: "2026-06-11", endDate: "2026-06-11" }),
    ).resolves.toBeGreaterThan(0);
    await expect(
      saveEnteredFigure(t.db, {
        measure: "stem_students",
        unitId: school.id,
        periodKey: "2026",
        value: 10,
        actorUserId: admin.userId,
      }),
    ).rejects.toThrow(LOCKED);
    // Clubs founded in the half-year, and commune activities naming the school as co-organizer, are refused too.
    const clubInput = {
      name: "CLB mới",
      field: "science" as const,
      targetGrades: [3],
      status: "active" as const,
      schedule: undefined,
      description: undefined,
    };
    await expect(createClub(t.db, admin, school, { ...clubInput, foundedOn: "2026-02-01" })).rejects.toThrow(LOCKED);
    const commune = await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow();
    await expect(
      createActivity(t.db, staff, {
        ...activity,
        organizerUnitId: commune.id,
        coOrganizerIds: [school.id],
        commemoration: "18/5",
        startDate: "2026-05-18",
        endDate: "2026-05-18",
      }),
    ).rejects.toThrow(LOCKED);
    const otherAdmin = await actorOf(t.db, "bgh.thcs@tanan.demo");
    await expect(
      createClub(t.db, otherAdmin, other, {
        name: "CLB mới",
        field: "science",
        targetGrades: [8],
        status: "active",
        schedule: undefined,
        foundedOn: undefined,
        description: undefined,
      }),
    ).resolves.toBeGreaterThan(0);

    // Only commune staff decide; a school cannot approve its own report or reopen it.
    await expect(reopenReport(t.db, admin, again.id, "Sửa")).rejects.toThrow(/Chỉ Phòng Văn hóa - Xã hội/);
    await expect(reopenReport(t.db, staff, again.id, "")).rejects.toThrow(/lý do mở lại/);
    await reopenReport(t.db, staff, again.id, "Trường xin sửa số liệu tháng 6");
    expect((await getReport(t.db, school.id, H1))!.status).toBe("returned");
    await expect(
      addMembers(t.db, admin, club, { personIds: [person.id], role: "member", joinedOn: "2026-03-01" }),
    ).resolves.toBe(1);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["after_json", "actor_user_id"])
      .where("entity", "=", "report")
      .orderBy("id")
      .execute();
    const statuses = audit.map((a) => JSON.parse(a.after_json!).status).filter(Boolean);
    expect(statuses).toEqual(["submitted", "returned", "submitted", "approved", "returned"]);
    expect(audit.at(-1)!.actor_user_id).toBe(staff.userId);
    expect(JSON.parse(audit.at(-1)!.after_json!)).toMatchObject({
      lock: "remove",
      comment: "Trường xin sửa số liệu tháng 6",
    });
  });

  it("a report's period runs from the day after the previous cut-off to its own; commune staff move a cut-off until a report of it is approved", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const admin = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const commune = await communeIdOf(t.db, school.id);
    const range = async (half: string) => {
      const p = await reportPeriod(t.db, commune, half);
      return [p.startDate, p.endDateExclusive, p.cutoff];
    };
    expect(await range("2026-H1")).toEqual(["2025-12-11", "2026-06-11", "2026-06-10"]);
    expect(await range("2026-H2")).toEqual(["2026-06-11", "2026-12-11", "2026-12-10"]);
    expect(await range("2027-H1")).toEqual(["2026-12-11", "2027-06-11", "2027-06-10"]);

    await expect(setCutoff(t.db, admin, commune, "2026-H2", "2026-12-15")).rejects.toThrow(
      /Chỉ Phòng Văn hóa - Xã hội/,
    );
    await expect(setCutoff(t.db, staff, commune, "2026-H2", "2027-03-01")).rejects.toMatchObject({ field: "cutoff" });
    await expect(setCutoff(t.db, staff, commune, "2026-H2", "31/11/2026")).rejects.toMatchObject({ field: "cutoff" });
    // Typed day/month/year as people type it (issue 20).
    await setCutoff(t.db, staff, commune, "2026-H2", "15/12/2026");
    expect(await range("2026-H2")).toEqual(["2026-06-11", "2026-12-16", "2026-12-15"]);
    expect(await range("2027-H1")).toEqual(["2026-12-16", "2027-06-11", "2027-06-10"]);

    // Once a report of the half-year is approved, its cut-off (and the previous one, which starts it) stay as they are.
    await submitReport(t.db, admin, school, "2026-H2", "Báo cáo");
    await approveReport(t.db, staff, (await getReport(t.db, school.id, "2026-H2"))!.id, AFTER_H2);
    const lock = await t.db
      .selectFrom("period_locks")
      .selectAll()
      .where("unit_id", "=", school.id)
      .where("period_key", "=", "2026-H2")
      .executeTakeFirstOrThrow();
    expect([lock.start_date, lock.end_date_exclusive]).toEqual(["2026-06-11", "2026-12-16"]);
    await expect(setCutoff(t.db, staff, commune, "2026-H2", "2026-12-12")).rejects.toThrow(/không đổi được nữa/);
    await t.db.deleteFrom("report_cutoffs").where("period_key", "=", "2026-H1").execute(); // (the demo approved an H1 report too)
    await expect(setCutoff(t.db, staff, commune, "2026-H1", "2026-06-05")).rejects.toThrow(/kỳ sau đã được duyệt/);
    await reopenReport(t.db, staff, (await getReport(t.db, school.id, "2026-H2"))!.id, "Sửa");
    await expect(setCutoff(t.db, staff, commune, "2026-H2", "2026-12-12")).rejects.toThrow(/không đổi được nữa/); // fixed by the first approval
  });

  it("approval locks exactly the report's period and keeps the figures it signed, whatever changes later; reopening discards them", async () => {
    const admin = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const H1 = "2026-H1";
    const base: ActivityInput = {
      organizerUnitId: school.id,
      title: "Tuyên truyền chuyển đổi số",
      form: "thematic_session",
      delivery: "in_person",
      startDate: "2026-05-20",
      startTime: "08:00",
      endDate: "2026-05-20",
      endTime: "09:00",
      place: "Hội trường",
      link: undefined,
      status: "held",
      topics: ["NQ57"],
      audiences: ["students"],
      coOrganizerIds: [],
      invitedUnitIds: [],
      commemoration: "",
      plannedParticipants: undefined,
      description: undefined,
    };
    const inside = await createActivity(t.db, admin, base);
    const after = await createActivity(t.db, admin, { ...base, startDate: "2026-06-20", endDate: "2026-06-20" });
    await submitReport(t.db, admin, school, H1, "Báo cáo");
    const report = (await getReport(t.db, school.id, H1))!;
    await approveReport(t.db, staff, report.id);
    const signed = (await signedFigures(t.db, report.id))!;
    expect(signed).toMatchObject({ periodStart: "2025-12-11", periodEndExclusive: "2026-06-11", source: "approval" });
    expect(signed.document.sections[0].paragraphs[0]).toBe(
      "Số liệu trong báo cáo tính từ ngày 11/12/2025 đến hết ngày 10/06/2026.",
    );

    // Moving out of the period, moving in, deleting: refused. After the cut-off: open.
    const late = { ...base, startDate: "2026-06-30", startTime: "23:30", endDate: "2026-06-30", endTime: "23:50" };
    await expect(updateActivity(t.db, admin, (await getActivity(t.db, inside))!, late)).rejects.toThrow(LOCKED);
    await expect(
      updateActivity(t.db, admin, (await getActivity(t.db, after))!, {
        ...base,
        startDate: "2026-06-05",
        endDate: "2026-06-05",
      }),
    ).rejects.toThrow(LOCKED);
    await expect(deleteActivity(t.db, admin, (await getActivity(t.db, inside))!, true)).rejects.toThrow(LOCKED);
    await expect(
      createActivity(t.db, admin, { ...base, startDate: "2025-12-11", endDate: "2025-12-11" }),
    ).rejects.toThrow(LOCKED); // the period began in December
    await expect(updateActivity(t.db, admin, (await getActivity(t.db, after))!, late)).resolves.toBeUndefined();

    // A corrected headcount (or a new counting rule) moves today's figures, never the signed ones.
    const before = JSON.stringify(signed.figures);
    await t.db
      .updateTable("headcounts")
      .set((eb) => ({ count: eb("count", "+", 7) }))
      .where("unit_id", "=", school.id)
      .where("year", "=", 2026)
      .execute();
    const period = await reportPeriod(t.db, await communeIdOf(t.db, school.id), H1);
    const live = await computeIndicators(t.db, { kind: "school", schoolId: school.id }, period);
    const changed = differences(signed.figures, live);
    expect(changed.length).toBeGreaterThan(0);
    const again = (await signedFiguresFor(t.db, (await getReport(t.db, school.id, H1))!))!;
    expect(JSON.stringify(again.figures)).toBe(before);
    expect(again.document).toEqual(signed.document);

    await reopenReport(t.db, staff, report.id, "Sửa số người");
    expect(await signedFigures(t.db, report.id)).toBeUndefined();
    await submitReport(t.db, admin, school, H1, "Báo cáo");
    await approveReport(t.db, staff, report.id);
    expect(differences((await signedFigures(t.db, report.id))!.figures, live)).toEqual([]);
  });

  it("reports approved before figures were kept (the demo's) get them on first read, over their report period", async () => {
    const approved = await t.db
      .selectFrom("reports")
      .selectAll()
      .where("status", "=", "approved")
      .executeTakeFirstOrThrow();
    expect(await signedFigures(t.db, approved.id)).toBeUndefined();
    const signed = (await signedFiguresFor(t.db, approved))!;
    expect(signed.source).toBe("backfill");
    const lock = await t.db
      .selectFrom("period_locks")
      .selectAll()
      .where("unit_id", "=", approved.unit_id)
      .where("period_key", "=", approved.period_key)
      .executeTakeFirstOrThrow();
    expect([signed.periodStart, signed.periodEndExclusive]).toEqual([lock.start_date, lock.end_date_exclusive]);
    expect(await ensureSignedFigures(t.db)).toBeGreaterThan(0);
    expect(await ensureSignedFigures(t.db)).toBe(0);
  });

  it("refuses other schools, teachers, periods that are not half-years or have not begun; two approvals at once, one wins", async () => {
    const admin = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const otherAdmin = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const leader = await actorOf(t.db, "lanhdao@tanan.demo");
    await expect(saveDraft(t.db, otherAdmin, school, "2026-H2", "x")).rejects.toMatchObject({ status: 404 }); // another school: not there
    await expect(saveDraft(t.db, teacher, other, "2026-H2", "x")).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/Chỉ ban giám hiệu/),
    });
    await expect(saveDraft(t.db, admin, school, "2026", "x")).rejects.toThrow(/theo 6 tháng/);
    await expect(saveDraft(t.db, admin, school, "2027-H1", "x", new Date("2026-11-26T00:00:00Z"))).rejects.toThrow(
      /chưa bắt đầu/,
    );
    await expect(submitReport(t.db, admin, school, "2026-H2", "")).rejects.toThrow(/viết phần đánh giá/);

    await submitReport(t.db, admin, school, "2026-H2", "Báo cáo");
    const report = (await getReport(t.db, school.id, "2026-H2"))!;
    await expect(approveReport(t.db, leader, report.id)).rejects.toThrow(/Chỉ Phòng Văn hóa - Xã hội/);
    const results = await Promise.allSettled([
      approveReport(t.db, staff, report.id, AFTER_H2),
      approveReport(t.db, staff, report.id, AFTER_H2),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await t.db
        .selectFrom("period_locks")
        .selectAll()
        .where("unit_id", "=", school.id)
        .where("period_key", "=", "2026-H2")
        .execute(),
    ).toHaveLength(1);

    const overview = await reportOverview(t.db, "2026-H2", new Date("2026-12-11T03:00:00Z"));
    expect(overview.find((o) => o.unit.id === school.id)).toMatchObject({ status: "approved" });
    expect(overview.filter((o) => o.status === "missing").every((o) => o.timeliness === "overdue")).toBe(true);
  });

  it("approval waits for the period's end (or an earlier cut-off), and stores the figures it signed in the same step; a cut-off change meanwhile is refused or comes first", async () => {
    const admin = await actorOf(t.db, "bgh.tieuhocb@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const commune = await communeIdOf(t.db, school.id);
    await submitReport(t.db, admin, school, "2026-H2", "Báo cáo");
    const report = (await getReport(t.db, school.id, "2026-H2"))!;
    // 10/12 is still in the period (Vietnam time): approving would lock days still to come.
    await expect(approveReport(t.db, staff, report.id, new Date("2026-12-10T16:59:00Z"))).rejects.toThrow(
      /duyệt được từ ngày 11\/12\/2026/,
    );
    expect((await getReport(t.db, school.id, "2026-H2"))!.status).toBe("submitted");
    expect(
      await t.db
        .selectFrom("period_locks")
        .selectAll()
        .where("unit_id", "=", school.id)
        .where("period_key", "=", "2026-H2")
        .execute(),
    ).toEqual([]);

    // An earlier cut-off lets the commune approve on 5/12; a cut-off change and the approval at once: both orders
    // end with the lock, the fixed cut-off and the signed figures over one and the same period.
    const results = await Promise.allSettled([
      setCutoff(t.db, staff, commune, "2026-H2", "2026-12-01"),
      approveReport(t.db, staff, report.id, new Date("2026-12-05T03:00:00Z")),
    ]);
    const cutoff = await t.db
      .selectFrom("report_cutoffs")
      .selectAll()
      .where("commune_id", "=", commune)
      .where("period_key", "=", "2026-H2")
      .executeTakeFirstOrThrow();
    const lock = await t.db
      .selectFrom("period_locks")
      .selectAll()
      .where("unit_id", "=", school.id)
      .where("period_key", "=", "2026-H2")
      .executeTakeFirst();
    if (results[1].status === "fulfilled") {
      expect(cutoff.fixed_at).not.toBeNull();
      const signed = (await signedFigures(t.db, report.id))!;
      expect(signed.source).toBe("approval");
      expect([lock!.start_date, lock!.end_date_exclusive]).toEqual([signed.periodStart, signed.periodEndExclusive]);
      expect(signed.periodEndExclusive).toBe(
        new Date(Date.parse(`${cutoff.cutoff_date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      );
    } else {
      // The approval ran first and found the period not ended (10/12 cut-off): nothing locked, nothing signed.
      expect(lock).toBeUndefined();
      expect(await signedFigures(t.db, report.id)).toBeUndefined();
    }
    // Whatever happened, the approval can be made once the (now earlier) cut-off has passed, and then the cut-off stays.
    if (results[1].status === "rejected") await approveReport(t.db, staff, report.id, new Date("2026-12-05T03:00:00Z"));
    await expect(setCutoff(t.db, staff, commune, "2026-H2", "2026-12-03")).rejects.toThrow(/không đổi được nữa/);
    expect((await signedFigures(t.db, report.id))!.periodEndExclusive).toBe("2026-12-02");

    // Reopening discards the figures in the same step; approving again stores new ones (never a stale set).
    await reopenReport(t.db, staff, report.id, "Sửa");
    expect(await signedFigures(t.db, report.id)).toBeUndefined();
    await submitReport(t.db, admin, school, "2026-H2", "Báo cáo sửa");
    await approveReport(t.db, staff, report.id, new Date("2026-12-05T03:00:00Z"));
    const again = (await signedFigures(t.db, report.id))!;
    expect(JSON.stringify(again.document)).toContain("Báo cáo sửa");
  });

  it("figures recomputed for an approval made before they were kept are dated when recomputed, and a report reopened meanwhile gets none", async () => {
    const approved = await t.db
      .selectFrom("reports")
      .selectAll()
      .where("status", "=", "approved")
      .executeTakeFirstOrThrow();
    const started = new Date().toISOString();
    const signed = (await signedFiguresFor(t.db, approved))!;
    expect(signed.source).toBe("backfill");
    expect(signed.createdAt >= started).toBe(true);
    expect(signed.createdAt).not.toBe(approved.decided_at);
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const second = await t.db
      .selectFrom("reports")
      .selectAll()
      .where("status", "=", "approved")
      .where("id", "!=", approved.id)
      .executeTakeFirst();
    if (second) {
      await reopenReport(t.db, staff, second.id, "Mở lại");
      expect(await signedFiguresFor(t.db, second)).toBeUndefined(); // the stale object says "approved"; the database does not
      expect(await signedFigures(t.db, second.id)).toBeUndefined();
    }
  });
});
