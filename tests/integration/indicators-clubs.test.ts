import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clubFigures } from "../../app/domain/indicators/clubs";
import { parsePeriod } from "../../app/domain/shared/periods";
import type { ClubStatus, HeadcountCategory } from "../../db/schema";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools, insertActivity, insertPerson } from "../support/fixtures";

let t: TestDb;
let schoolA: number;
let schoolB: number;
const at = "2026-01-01T00:00:00.000Z";

const person = (unit: number, category: HeadcountCategory, code: string) => insertPerson(t.db, unit, category, code);
async function club(school: number, status: ClubStatus, founded_on: string | null, closed_on: string | null = null) {
  const r = await t.db
    .insertInto("clubs")
    .values({
      school_id: school,
      name: "CLB",
      field: "robotics",
      target_grades: "[]",
      schedule: null,
      status,
      description: null,
      founded_on,
      closed_on,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}
const join = (club_id: number, person_id: number, joined_on: string, left_on: string | null = null) =>
  t.db.insertInto("club_members").values({ club_id, person_id, role: "member", joined_on, left_on }).execute();
const meeting = (clubId: number, unitId: number, startsVietnam: string, status: "held" | "cancelled" = "held") =>
  insertActivity(t.db, { unitId, startsVietnam, form: "club_meeting", status, clubId });

beforeEach(async () => {
  t = await createTestDb();
  [schoolA, schoolB] = (await communeWithSchools(t.db, 2)).schools;
});
afterEach(async () => {
  await t.close();
});

describe("club figures (SCH-2.5), computed by hand on a small fixture", () => {
  it("count running clubs, members during the period by category once each, and meetings held in Vietnam-time periods", async () => {
    const robot = await club(schoolA, "active", "2025-09-01");
    const science = await club(schoolA, "paused", null);
    await club(schoolA, "closed", "2024-01-01", "2025-06-30"); // closed before 2026: not counted
    await club(schoolB, "closed", "2025-01-01", "2026-04-10"); // closed in April: counts in H1, not in H2
    await club(schoolA, "active", "2026-08-01"); // founded after H1
    const s1 = await person(schoolA, "students", "s1");
    const s2 = await person(schoolA, "students", "s2");
    const s3 = await person(schoolA, "students", "s3");
    const g1 = await person(schoolA, "teachers", "g1");
    await join(robot, s1, "2025-09-05");
    await join(science, s1, "2026-02-01"); // same student in two clubs: once
    await join(robot, s2, "2025-09-05", "2025-12-20"); // left before H1
    await join(robot, s3, "2026-07-01"); // joined after H1
    await join(robot, g1, "2025-09-01");
    await meeting(robot, schoolA, "2026-01-10T15:00");
    await meeting(science, schoolA, "2026-06-30T23:30"); // still 30/6 in Vietnam
    await meeting(robot, schoolA, "2026-07-01T00:30"); // H2
    await meeting(robot, schoolA, "2026-03-01T15:00", "cancelled");

    const h1 = await clubFigures(t.db, { schoolIds: [schoolA, schoolB], period: parsePeriod("2026-H1")! });
    expect(h1).toEqual([
      { schoolId: schoolA, clubs: 2, studentMembers: 1, teacherMembers: 1, meetings: 2 },
      { schoolId: schoolB, clubs: 1, studentMembers: 0, teacherMembers: 0, meetings: 0 },
    ]);
    const h2 = await clubFigures(t.db, { schoolIds: [schoolA, schoolB], period: parsePeriod("2026-H2")! });
    expect(h2).toEqual([
      { schoolId: schoolA, clubs: 3, studentMembers: 2, teacherMembers: 1, meetings: 1 },
      { schoolId: schoolB, clubs: 0, studentMembers: 0, teacherMembers: 0, meetings: 0 },
    ]);
  });
});
