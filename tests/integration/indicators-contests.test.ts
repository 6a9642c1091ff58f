import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contestFigures } from "../../app/domain/indicators/contests";
import { computeIndicatorPerSchool, indicatorValue, loadIndicators } from "../../app/domain/indicators/engine";
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

  it("III.2.7's three figures (entries, students, awards) per school and year, rising on the year before (issue #17)", async () => {
    const last = await contest("2025-11-20");
    const spring = await contest("2026-04-30");
    const autumn = await contest("2026-10-15");
    const s1 = await insertPerson(t.db, schoolA, "students", "s1");
    const s2 = await insertPerson(t.db, schoolA, "students", "s2");
    const b1 = await insertPerson(t.db, schoolB, "students", "b1");
    await entry(last, schoolA, "third", [s1]);
    await entry(spring, schoolA, "first", [s1, s2]);
    await entry(autumn, schoolA, "participation", [s2]);
    await entry(autumn, schoolB, null, [b1]);
    const year = parsePeriod("2026")!;
    const commune2026 = async (code: string) => {
      const f = await indicatorValue(t.db, code, { kind: "commune", communeId: commune }, year);
      return [f.value, f.target, f.status];
    };
    // By hand, 2026: entries A 2 + B 1 = 3 (2025: 1, so rising); students A {s1, s2} + B {b1} = 3 (2025: 1);
    // awarded A's first only = 1 (participation and no result are not prizes; 2025: A's third = 1, not rising).
    expect(await commune2026("SCH-2.7-BD")).toEqual([3, 1, "met"]);
    expect(await commune2026("SCH-2.7-HS")).toEqual([3, 1, "met"]);
    expect(await commune2026("SCH-2.7-GT")).toEqual([1, 1, "behind"]);
    const row = (await loadIndicators(t.db)).find((r) => r.code === "SCH-2.7-BD")!;
    const perSchool = await computeIndicatorPerSchool(t.db, row, [schoolA, schoolB], year);
    expect([perSchool.get(schoolA)?.value, perSchool.get(schoolB)?.value]).toEqual([2, 1]);
    const b = await indicatorValue(t.db, "SCH-2.7-HS", { kind: "school", schoolId: schoolB }, year);
    expect([b.value, b.target, b.status]).toEqual([1, 0, "met"]);
  });
});
