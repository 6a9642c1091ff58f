import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, listAccounts } from "../../app/domain/accounts/accounts";
import { listActivities } from "../../app/domain/activities/activities";
import { can } from "../../app/domain/auth/permissions";
import { feedIcs } from "../../app/domain/activities/calendar-feed";
import { attendanceActivities } from "../../app/domain/attendance/attendance";
import { createClub, listClubs } from "../../app/domain/clubs/clubs";
import { computeIndicator } from "../../app/domain/indicators/engine";
import { listMaterials } from "../../app/domain/materials/materials";
import { reportOverview } from "../../app/domain/reports/reports";
import { communeReportDocument, unitReportDocument } from "../../app/domain/reports/report-data";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit } from "../../app/domain/units/units";
import { addUnit, addUser } from "../../scripts/seed/org";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { insertActivity, insertPerson } from "../support/fixtures";
import { canEditTargets, canSeeActivity } from "../../app/domain/auth/policies";
import { schoolsOf } from "../../app/domain/units/units";

// The demo commune (Tân An) and a second commune of the same province, with one school and its own staff.
let t: TestDb;
let communeA: number;
let communeB: number;
let schoolB: number;
let clubB: number;
let activityB: number;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
  communeA = (await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()).id;
  const province = (
    await t.db.selectFrom("units").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  communeB = await addUnit(t.db, province, { kind: "commune", code: "xa-b", name: "UBND xã Bình Minh" });
  schoolB = await addUnit(t.db, communeB, {
    kind: "school",
    code: "thcs-binhminh",
    name: "Trường THCS Bình Minh",
    schoolLevel: "lower_secondary",
  });
  await addUser(t.db, {
    email: "vhxh@binhminh.test",
    fullName: "Cán bộ Bình Minh",
    password: "BinhMinh@2025",
    role: "commune_staff",
    unitId: communeB,
  });
  await addUser(t.db, {
    email: "bgh@binhminh.test",
    fullName: "Hiệu trưởng Bình Minh",
    password: "BinhMinh@2025",
    role: "school_admin",
    unitId: schoolB,
  });
  await addUser(t.db, {
    email: "so@tinh.test",
    fullName: "Cán bộ Sở",
    password: "Tinh@2025",
    role: "province_reader",
    unitId: province,
  });
  const admin = await actorOf(t.db, "bgh@binhminh.test");
  clubB = await createClub(t.db, admin, (await getUnit(t.db, schoolB))!, {
    name: "CLB Robot Bình Minh",
    field: "robotics",
    targetGrades: [8],
    status: "active",
    schedule: undefined,
    foundedOn: "2026-09-01",
    description: undefined,
  });
  activityB = await insertActivity(t.db, { unitId: schoolB, startsVietnam: "2026-10-05T08:00", topics: ["NQ57"] });
  await insertActivity(t.db, { unitId: communeB, startsVietnam: "2026-10-06T08:00", topics: ["NQ57"] });
  await insertPerson(t.db, schoolB, "teachers", "GV-BM-1");
});
afterAll(() => t.close());

describe("several communes in one deployment", () => {
  it("commune staff read and manage their own commune only; a province reader reads both", async () => {
    const staffA = await actorOf(t.db, "vhxh@tanan.demo");
    const staffB = await actorOf(t.db, "vhxh@binhminh.test");
    const province = await actorOf(t.db, "so@tinh.test");
    const thcsA = await unitIdByCode(t.db, "thcs-tanan");

    expect(can(staffA, "school.read", schoolB)).toBe(false);
    expect(can(staffA, "school.read", thcsA)).toBe(true);
    expect(can(staffB, "school.read", thcsA)).toBe(false);
    expect(can(staffB, "school.read", schoolB)).toBe(true);
    expect(can(province, "school.read", schoolB) && can(province, "school.read", thcsA)).toBe(true);
    expect(can(province, "commune.manage")).toBe(false);

    const clubSchools = async (actor: typeof staffA) =>
      new Set(
        (await listClubs(t.db, actor, { page: 1, pageSize: 500, sort: "school" })).rows.map(
          (c: { school_id: number }) => c.school_id,
        ),
      );
    expect((await clubSchools(staffA)).has(schoolB)).toBe(false);
    expect([...(await clubSchools(staffB))]).toEqual([schoolB]);
    expect((await clubSchools(province)).has(schoolB)).toBe(true);

    expect(await canSeeActivity(t.db, staffA, activityB)).toBe(false);
    expect(await canSeeActivity(t.db, staffB, activityB)).toBe(true);
    const organizers = async (actor: typeof staffA) =>
      new Set(
        (await listActivities(t.db, actor, {}, { page: 1, pageSize: 5000, sort: "newest" })).rows.map(
          (a) => a.organizer_name,
        ),
      );
    expect(
      (await organizers(staffA)).has("Trường THCS Bình Minh") || (await organizers(staffA)).has("UBND xã Bình Minh"),
    ).toBe(false);
    expect((await organizers(staffB)).has("UBND xã Bình Minh")).toBe(true);
    // A school of commune A does not see commune B's commune-level activities.
    const principalA = await actorOf(t.db, "bgh.thcs@tanan.demo");
    expect((await organizers(principalA)).has("UBND xã Bình Minh")).toBe(false);

    expect(
      (await listMaterials(t.db, staffB, {}, { page: 1, pageSize: 500 })).rows.every(
        (m) => m.school_name === "Trường THCS Bình Minh" || m.visibility === "public",
      ),
    ).toBe(true);
    expect(
      (await listMaterials(t.db, staffA, {}, { page: 1, pageSize: 500 })).rows.some((m) => m.visibility === "school"),
    ).toBe(true);

    expect((await schoolsOf(t.db, communeA)).some((s) => s.id === schoolB)).toBe(false);
    expect((await reportOverview(t.db, "2026-H1", new Date(), communeA)).some((r) => r.unit.id === schoolB)).toBe(
      false,
    );
    const a = await computeIndicator(
      t.db,
      (await (await import("../../app/domain/indicators/engine")).loadIndicators(t.db)).find(
        (r) => r.code === "SCH-2.5",
      )!,
      { kind: "commune", communeId: communeB },
      parsePeriod("2026")!,
    );
    expect(a.value).toBe(1); // commune B's one club, none of Tân An's

    await expect(
      createAccount(t.db, staffA, {
        email: "gv@binhminh.test",
        fullName: "Giáo viên",
        role: "teacher",
        unitId: schoolB,
      }),
    ).rejects.toMatchObject({
      status: 404, // another commune's school: not there for commune A's staff
    });
    const accountsA = await listAccounts(t.db, { page: 1, pageSize: 500, sort: "name", within: staffA.reach ?? null });
    expect(accountsA.rows.some((u: { email: string }) => u.email.endsWith("binhminh.test"))).toBe(false);
    void clubB;
  });

  it("review fixes: the commune feed, the attendance list, a second role elsewhere, targets", async () => {
    const staffA = await actorOf(t.db, "vhxh@tanan.demo");
    const feedA = await feedIcs(t.db, (await getUnit(t.db, communeA))!, "http://x");
    expect(feedA).not.toContain("Trường THCS Bình Minh");
    expect(feedA).not.toContain("UBND xã Bình Minh");
    const listed = await attendanceActivities(t.db, staffA, {
      page: 1,
      pageSize: 5000,
      from: "2026-01-01T00:00:00Z",
      to: "2027-01-01T00:00:00Z",
    });
    expect(JSON.stringify(listed)).not.toContain("UBND xã Bình Minh");
    // Commune B's officer who also teaches at a Tân An school reaches commune B only as an officer.
    const dual = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "vhxh@binhminh.test")
      .executeTakeFirstOrThrow();
    const thcsA = await unitIdByCode(t.db, "thcs-tanan");
    const thA = await unitIdByCode(t.db, "th-tanan-a");
    await t.db
      .insertInto("memberships")
      .values({ user_id: dual.id, unit_id: thA, role: "teacher", created_at: "2026-01-01T00:00:00Z" })
      .execute();
    const both = await actorOf(t.db, "vhxh@binhminh.test");
    expect(can(both, "school.read", thA)).toBe(true); // as a teacher there
    expect(can(both, "school.read", thcsA)).toBe(false); // not as an officer of commune B
    expect(can(both, "headcounts.edit", thcsA)).toBe(false);
    // Targets are one table: with two communes, only the system administrator edits them.
    expect(await canEditTargets(t.db, staffA)).toBe(false);
    expect(await canEditTargets(t.db, await actorOf(t.db, "admin@tanan.demo"))).toBe(true);
  });

  it("a commune's and a school's report documents are headed by their own commune", async () => {
    const doc = await communeReportDocument(t.db, communeB, parsePeriod("2026-H1")!);
    expect(doc.issuer[0]).toBe("UBND XÃ BÌNH MINH");
    expect(doc.placeDate).toMatch(/^Bình Minh, ngày /);
    const school = await unitReportDocument(
      t.db,
      { id: schoolB, name: "Trường THCS Bình Minh", kind: "school" },
      parsePeriod("2026-H1")!,
      "",
    );
    expect(school.issuer).toEqual(["UBND XÃ BÌNH MINH", "TRƯỜNG THCS BÌNH MINH"]);
    const tanAn = await communeReportDocument(t.db, communeA, parsePeriod("2026-H1")!);
    expect(tanAn.issuer[0]).toBe("UBND XÃ TÂN AN");
    expect(tanAn.placeDate).toMatch(/^Tân An, ngày /);
  });
});
