import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contestFigures } from "../../app/domain/indicators/contests";
import { parsePeriod } from "../../app/domain/shared/periods";
import type { ContestResult } from "../../db/schema";
import { createTestDb, type TestDb } from "../support/db";
import { communeWithSchools, insertPerson } from "../support/fixtures";

let t: TestDb;
let commune: number;
let schoolA: number;
let schoolB: number;
const at = "2026-01-01T00:00:00.000Z";

async function contest(ends_on: string) {
  const r = await t.db
    .insertInto("contests")
    .values({
      organizer_unit_id: commune,
      name: "Hội thi",
      level: "commune",
      field: "robotics",
      starts_on: "2026-01-01",
      ends_on,
      rules: null,
      link: null,
      open_to_all: 1,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}
async function entry(
  contest_id: number,
  school_id: number,
  result: ContestResult | null,
  members: number[],
  mentor?: number,
) {
  const r = await t.db
    .insertInto("contest_entries")
    .values({
      contest_id,
      school_id,
      title: "Dự án",
      field: "robotics",
      result,
      evidence_file: null,
      evidence_name: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const person_id of members)
    await t.db.insertInto("contest_entry_members").values({ entry_id: r.id, person_id, role: "student" }).execute();
  if (mentor)
    await t.db
      .insertInto("contest_entry_members")
      .values({ entry_id: r.id, person_id: mentor, role: "mentor" })
      .execute();
}

beforeEach(async () => {
  t = await createTestDb();
  ({
    commune,
    schools: [schoolA, schoolB],
  } = await communeWithSchools(t.db, 2));
});
afterEach(async () => {
  await t.close();
});

describe("contest figures (SCH-2.7), computed by hand on a small fixture", () => {
  it("count entries of contests ending in the period, prizes (not participation) and distinct students", async () => {
    const spring = await contest("2026-06-30");
    const autumn = await contest("2026-07-01");
    const s1 = await insertPerson(t.db, schoolA, "students", "s1");
    const s2 = await insertPerson(t.db, schoolA, "students", "s2");
    const g1 = await insertPerson(t.db, schoolA, "teachers", "g1");
    const b1 = await insertPerson(t.db, schoolB, "students", "b1");
    await entry(spring, schoolA, "first", [s1], g1); // the mentoring teacher is not a student
    await entry(spring, schoolA, "participation", [s1, s2]); // s1 again: once
    await entry(spring, schoolA, null, []); // no result yet
    await entry(autumn, schoolA, "second", [s2]); // H2
    await entry(spring, schoolB, "consolation", [b1]);

    const h1 = await contestFigures(t.db, { schoolIds: [schoolA, schoolB], period: parsePeriod("2026-H1")! });
    expect(h1).toEqual([
      { schoolId: schoolA, entries: 3, awarded: 1, students: 2 },
      { schoolId: schoolB, entries: 1, awarded: 1, students: 1 },
    ]);
    expect(await contestFigures(t.db, { schoolIds: [schoolA], period: parsePeriod("2026-H2")! })).toEqual([
      { schoolId: schoolA, entries: 1, awarded: 1, students: 1 },
    ]);
    expect(await contestFigures(t.db, { schoolIds: [schoolB], period: parsePeriod("2025")! })).toEqual([
      { schoolId: schoolB, entries: 0, awarded: 0, students: 0 },
    ]);
  });
});
