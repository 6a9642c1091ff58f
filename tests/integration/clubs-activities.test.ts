import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addBudgetLine,
  activityDetail,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  setReach,
  updateActivity,
} from "../../app/domain/activities/activities";
import type { ActivityInput } from "../../app/domain/activities/schemas";
import { feedIcs, feedToken, unitForFeed } from "../../app/domain/activities/calendar-feed";
import {
  addMembers,
  clubMembers,
  createClub,
  deleteClub,
  endMembership,
  getClub,
  listClubs,
  recordMeeting,
} from "../../app/domain/clubs/clubs";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit } from "../../app/domain/units/units";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { canSeeActivity } from "../../app/domain/auth/policies";

let t: TestDb;
let thcs: Unit;
let thA: Unit;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
  thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
  thA = (await getUnit(t.db, await unitIdByCode(t.db, "th-tanan-a")))!;
});
afterEach(async () => {
  await t.close();
});

const clubInput = {
  name: "CLB Thiên văn nhỏ",
  field: "science" as const,
  targetGrades: [8, 9],
  status: "active" as const,
  schedule: "Tối thứ Sáu",
  description: "",
  foundedOn: "2026-09-01",
};
const students = (unitId: number, n: number) =>
  t.db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("category", "=", "students")
    .orderBy("id")
    .limit(n)
    .execute();

describe("STEM clubs", () => {
  it("a school administrator registers a club, adds members, records a meeting; history is kept when a member leaves", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const id = await createClub(t.db, principal, thcs, clubInput);
    const club = (await getClub(t.db, id))!;
    const kids = await students(thcs.id, 3);
    const teacher = await t.db
      .selectFrom("people")
      .select("id")
      .where("unit_id", "=", thcs.id)
      .where("category", "=", "teachers")
      .executeTakeFirstOrThrow();
    expect(
      await addMembers(t.db, principal, club, {
        personIds: kids.map((k) => k.id),
        role: "member",
        joinedOn: "2026-09-05",
      }),
    ).toBe(3);
    expect(
      await addMembers(t.db, principal, club, { personIds: [kids[0].id], role: "member", joinedOn: "2026-09-06" }),
    ).toBe(0); // already a member
    await addMembers(t.db, principal, club, { personIds: [teacher.id], role: "advisor", joinedOn: "2026-09-01" });
    await expect(
      addMembers(t.db, principal, club, { personIds: [kids[1].id], role: "advisor", joinedOn: "2026-09-01" }),
    ).rejects.toMatchObject({
      field: "role",
    });
    const members = await clubMembers(t.db, id);
    await endMembership(t.db, principal, club, members.find((m) => m.person_id === kids[2].id)!.id, "2026-10-31");
    const after = await clubMembers(t.db, id);
    expect(after).toHaveLength(4);
    expect(after.filter((m) => !m.left_on)).toHaveLength(3);
    const meetingId = await recordMeeting(t.db, principal, club, {
      date: "2026-10-08",
      startTime: "15:00",
      endTime: "16:30",
      topic: "Quan sát Mặt Trăng",
    });
    const meeting = (await getActivity(t.db, meetingId))!;
    expect(meeting).toMatchObject({
      club_id: id,
      form: "club_meeting",
      organizer_unit_id: thcs.id,
      starts_at: "2026-10-08T08:00:00.000Z",
    });
    const listed = await listClubs(t.db, await actorOf(t.db, "vhxh@tanan.demo"), {
      schoolId: thcs.id,
      page: 1,
      pageSize: 50,
      sort: "name",
    });
    expect(listed.rows.find((r) => r.id === id)).toMatchObject({ student_members: 2, teacher_members: 1, meetings: 1 });
  });

  it("refuses another school's administrator, teachers, the leader, and students of another school", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    // Another school does not see THCS at all (404); THCS's teacher and the commune see it but may not register (403).
    for (const [who, status] of [
      ["bgh.tieuhoca@tanan.demo", 404],
      ["gv.thcs@tanan.demo", 403],
      ["lanhdao@tanan.demo", 403],
      ["vhxh@tanan.demo", 403],
    ] as const) {
      await expect(createClub(t.db, await actorOf(t.db, who), thcs, clubInput), who).rejects.toMatchObject({ status });
    }
    const club = (await getClub(t.db, await createClub(t.db, principal, thcs, clubInput)))!;
    const foreign = await students(thA.id, 1);
    await expect(
      addMembers(t.db, principal, club, { personIds: [foreign[0].id], role: "member", joinedOn: "2026-09-05" }),
    ).rejects.toMatchObject({
      field: "personIds",
    });
    const otherSchool = await listClubs(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), {
      page: 1,
      pageSize: 100,
      sort: "name",
    });
    expect(otherSchool.rows.some((r) => r.school_id === thcs.id)).toBe(false);
  });

  it("deleting a club with meetings needs a confirmation, then removes its meetings", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const club = (await getClub(t.db, await createClub(t.db, principal, thcs, clubInput)))!;
    const meetingId = await recordMeeting(t.db, principal, club, {
      date: "2026-10-08",
      startTime: "15:00",
      endTime: "16:30",
      topic: "Buổi đầu",
    });
    await expect(deleteClub(t.db, principal, club, false)).rejects.toMatchObject({ field: "confirm" });
    await deleteClub(t.db, principal, club, true);
    expect(await getClub(t.db, club.id)).toBeUndefined();
    expect(await getActivity(t.db, meetingId)).toBeUndefined();
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before_json"])
      .where("entity", "=", "club")
      .where("action", "=", "delete")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ name: clubInput.name, meetings: 1 });
  });
});

const base: ActivityInput = {
  title: "Tập huấn trí tuệ nhân tạo cho giáo viên",
  organizerUnitId: 0,
  coOrganizerIds: [],
  invitedUnitIds: [],
  form: "training",
  topics: ["CDS", "KHCN"],
  audiences: ["teachers"],
  delivery: "in_person",
  startDate: "2026-06-30",
  startTime: "23:30",
  endDate: "2026-06-30",
  endTime: "23:50",
  place: "Phòng họp",
  link: "",
  commemoration: "",
  plannedParticipants: 40,
  status: "planned",
  description: "",
};

describe("activities", () => {
  it("a school records an activity; only its staff and the commune see it; the period boundary is Vietnam time", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const id = await createActivity(t.db, principal, { ...base, organizerUnitId: thcs.id });
    expect((await getActivity(t.db, id))!.starts_at).toBe("2026-06-30T16:30:00.000Z");
    expect(await canSeeActivity(t.db, await actorOf(t.db, "gv.thcs@tanan.demo"), id)).toBe(true);
    expect(await canSeeActivity(t.db, await actorOf(t.db, "lanhdao@tanan.demo"), id)).toBe(true);
    expect(await canSeeActivity(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), id)).toBe(false);
    const h1 = parsePeriod("2026-H1")!;
    const h2 = parsePeriod("2026-H2")!;
    const inH1 = await listActivities(
      t.db,
      principal,
      { topic: "KHCN", form: "training", from: h1.from, to: h1.to },
      { page: 1, pageSize: 100, sort: "newest" },
    );
    const inH2 = await listActivities(
      t.db,
      principal,
      { topic: "KHCN", form: "training", from: h2.from, to: h2.to },
      { page: 1, pageSize: 100, sort: "newest" },
    );
    expect(inH1.rows.map((r) => r.id)).toContain(id);
    expect(inH2.rows.map((r) => r.id)).not.toContain(id);
  });

  it("checks the form, topics, organizer and the actor", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    await expect(
      createActivity(t.db, principal, { ...base, organizerUnitId: thcs.id, form: "khong-co" }),
    ).rejects.toMatchObject({ field: "form" });
    await expect(
      createActivity(t.db, principal, { ...base, organizerUnitId: thcs.id, topics: ["XYZ"] }),
    ).rejects.toMatchObject({ field: "topics" });
    await expect(createActivity(t.db, principal, { ...base, organizerUnitId: thA.id })).rejects.toMatchObject({
      status: 404,
    }); // another school: not there
    await expect(
      createActivity(t.db, principal, { ...base, organizerUnitId: thcs.id, invitedUnitIds: [thA.id] }),
    ).rejects.toMatchObject({
      field: "invitedUnitIds",
    });
    await expect(
      createActivity(t.db, await actorOf(t.db, "lanhdao@tanan.demo"), { ...base, organizerUnitId: thcs.id }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createActivity(t.db, await actorOf(t.db, "gv.thcs@tanan.demo"), { ...base, organizerUnitId: thcs.id }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("commune staff invite schools; invited schools see it; budget, reach and deletion with confirmation", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const vhxh = await unitIdByCode(t.db, "office-vhxh");
    const id = await createActivity(t.db, staff, {
      ...base,
      organizerUnitId: vhxh,
      audiences: ["officials", "teachers"],
      invitedUnitIds: [thA.id],
      commemoration: "18/5",
    });
    expect(await canSeeActivity(t.db, await actorOf(t.db, "gv.tieuhoca@tanan.demo"), id)).toBe(true);
    const activity = (await getActivity(t.db, id))!;
    await addBudgetLine(t.db, staff, activity, {
      category: "printing",
      source: "state_budget",
      estimate: 2_000_000,
      actual: 1_800_000,
      note: "",
    });
    await expect(
      addBudgetLine(t.db, await actorOf(t.db, "bgh.thcs@tanan.demo"), activity, {
        category: "water",
        source: "state_budget",
        estimate: 1,
        note: "",
      }),
    ).rejects.toMatchObject({ status: 403 }); // a commune activity the school sees, but does not manage
    await setReach(t.db, staff, activity, { residents: 350, officials: undefined, bogus: 3 });
    const detail = (await activityDetail(t.db, id))!;
    expect(detail.budget).toHaveLength(1);
    expect(detail.reach).toEqual([{ audience_code: "residents", count: 350 }]);
    expect(detail.units).toEqual([{ id: thA.id, name: thA.name, kind: "school", relation: "invited" }]);
    await updateActivity(t.db, staff, activity, {
      ...base,
      organizerUnitId: vhxh,
      title: "Hội nghị đã đổi tên",
      status: "held",
      invitedUnitIds: [],
    });
    expect(await canSeeActivity(t.db, await actorOf(t.db, "gv.tieuhoca@tanan.demo"), id)).toBe(true); // commune-level: every school sees it
    await expect(deleteActivity(t.db, staff, activity, false)).rejects.toMatchObject({ field: "confirm" });
    // A page that showed "nothing goes with it" does not confirm once a budget line exists (added meanwhile).
    await expect(deleteActivity(t.db, staff, activity, "nothing-attached")).rejects.toThrow(
      /đã có thêm dữ liệu kèm theo/,
    );
    expect(await getActivity(t.db, id)).toBeDefined();
    await deleteActivity(t.db, staff, activity, true);
    expect(await getActivity(t.db, id)).toBeUndefined();
    expect(await t.db.selectFrom("budget_lines").select("id").where("activity_id", "=", id).execute()).toEqual([]);
    // With nothing attached, the page's own "Xóa" confirms.
    const empty = await createActivity(t.db, staff, { ...base, organizerUnitId: vhxh, title: "Hoạt động trống" });
    await deleteActivity(t.db, staff, (await getActivity(t.db, empty))!, "nothing-attached");
    expect(await getActivity(t.db, empty)).toBeUndefined();
  });

  it("serves a school's calendar feed with its own and invited activities only", async () => {
    const principalA = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    const own = await createActivity(t.db, principalA, {
      ...base,
      organizerUnitId: thA.id,
      title: "Hoạt động riêng của Tân An A",
      startDate: "2026-12-01",
      endDate: "2026-12-01",
      startTime: "08:00",
      endTime: "09:00",
    });
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    await createActivity(t.db, principal, {
      ...base,
      organizerUnitId: thcs.id,
      title: "Hoạt động riêng của THCS",
      startDate: "2026-12-01",
      endDate: "2026-12-01",
      startTime: "08:00",
      endTime: "09:00",
    });
    const token = await feedToken(t.db, thA.id);
    expect(await feedToken(t.db, thA.id)).toBe(token);
    expect((await unitForFeed(t.db, token))?.id).toBe(thA.id);
    expect(await unitForFeed(t.db, "khongdungtokennaodauca")).toBeUndefined();
    const ics = await feedIcs(t.db, thA, "https://stem.tanan.gov.vn");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("Hoạt động riêng của Tân An A");
    expect(ics).toContain(`activity-${own}@tan-an-stem`);
    expect(ics).not.toContain("Hoạt động riêng của THCS");
    // 08:00 in Vietnam is 01:00 UTC, written with Z so phones show 08:00.
    expect(ics).toMatch(/DTSTART:20261201T010000Z/);
  });
});

describe("review fixes: activities", () => {
  it("a school cannot name another school as co-organizer (it would land in that school's calendar); the commune can", async () => {
    const principalA = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    await expect(
      createActivity(t.db, principalA, { ...base, organizerUnitId: thA.id, coOrganizerIds: [thcs.id] }),
    ).rejects.toMatchObject({
      field: "coOrganizerIds",
    });
    const office = await unitIdByCode(t.db, "office-kinhte");
    expect(
      await createActivity(t.db, principalA, { ...base, organizerUnitId: thA.id, coOrganizerIds: [office] }),
    ).toBeGreaterThan(0);
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const vhxh = await unitIdByCode(t.db, "office-vhxh");
    expect(
      await createActivity(t.db, staff, { ...base, organizerUnitId: vhxh, coOrganizerIds: [thcs.id] }),
    ).toBeGreaterThan(0);
  });
});
