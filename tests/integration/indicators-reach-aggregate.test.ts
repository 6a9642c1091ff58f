import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createActivity, deleteActivity, getActivity, updateActivity } from "../../app/domain/activities/activities";
import type { ActivityInput } from "../../app/domain/activities/schemas";
import { recordMarks } from "../../app/domain/attendance/attendance";
import type { Actor } from "../../app/domain/auth/permissions";
import { createClub, deleteClub, getClub, recordMeeting } from "../../app/domain/clubs/clubs";
import { quarterOf, quartersOf, rebuildReach } from "../../app/domain/reach/reach-aggregate";
import { reachedAttendance, reachedCount, type ReachQuery } from "../../app/domain/indicators/reached";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit } from "../../app/domain/units/units";
import type { AttendanceStatus } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

/**
 * The "reached" aggregate is kept on write (reach-aggregate.ts). After every kind of write it must hold exactly
 * what a rebuild from the records gives, and figures read from it must equal figures counted from attendance.
 */
let t: TestDb;
let school: number;
let principal: Actor;
let people: number[];

beforeEach(async () => {
  t = await createTestDb({ demo: true });
  school = await unitIdByCode(t.db, "thcs-tanan");
  principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
  people = (
    await t.db.selectFrom("people").select("id").where("unit_id", "=", school).orderBy("id").limit(8).execute()
  ).map((p) => p.id);
});
afterEach(async () => {
  await t.close();
});

const snapshot = async () =>
  (
    await t.db
      .selectFrom("reach_quarters")
      .selectAll()
      .orderBy("person_id")
      .orderBy("quarter")
      .orderBy("topic_code")
      .orderBy("form")
      .execute()
  ).map((r) => ({
    ...r,
    activities: Number(r.activities),
  }));

const rawCount = async (q: ReachQuery) =>
  Number(
    (
      await reachedAttendance(t.db, q)
        .select((eb) => eb.fn.count<number>("attendance.person_id").distinct().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const PERIODS = ["2026", "2026-H2", "2026-Q3", "2026-Q4", "2026-10", "2027-Q1"];
const queries = (): Omit<ReachQuery, "period">[] => [
  { unitIds: [school], categories: ["teachers", "school_managers", "school_staff", "students"] },
  { unitIds: [school], categories: ["teachers"], topics: ["STEM"] },
  { unitIds: [school], categories: ["students", "teachers"], topics: ["NQ57"], forms: ["training", "conference"] },
];

/** The aggregate equals a rebuild from the records, and every figure read from it equals the one counted from attendance. */
async function expectConsistent() {
  const kept = await snapshot();
  await t.db.transaction().execute((trx) => rebuildReach(trx));
  expect(kept).toEqual(await snapshot());
  for (const key of PERIODS)
    for (const q of queries()) {
      const query = { ...q, period: parsePeriod(key)! };
      expect(await reachedCount(t.db, query), `${key} ${JSON.stringify(q)}`).toBe(await rawCount(query));
    }
}

const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  title: "Tập huấn Nghị quyết 57 cho giáo viên",
  organizerUnitId: school,
  coOrganizerIds: [],
  invitedUnitIds: [],
  form: "training",
  topics: ["NQ57", "STEM"],
  audiences: ["teachers"],
  delivery: "in_person",
  startDate: "2026-09-10",
  startTime: "08:00",
  endDate: "2026-09-10",
  endTime: "10:00",
  place: "Hội trường",
  link: "",
  commemoration: "",
  plannedParticipants: 40,
  status: "planned",
  description: "",
  ...over,
});

const mark = async (activityId: number, marks: [number, AttendanceStatus][]) =>
  recordMarks(
    t.db,
    principal,
    (await getActivity(t.db, activityId))!,
    marks.map(([personId, status]) => ({ personId, status })),
    "roll_call",
  );

describe("the reached aggregate, kept on write", () => {
  it("follows marks, corrections, moves across quarters, topic and form changes, cancelling and deleting", async () => {
    await expectConsistent(); // the demo seed rebuilds it after writing its records
    const q3 = { ...queries()[2], period: parsePeriod("2026-Q3")! };
    const before = await reachedCount(t.db, q3);
    const a = await createActivity(t.db, principal, input());
    const b = await createActivity(
      t.db,
      principal,
      input({
        title: "Hội nghị chuyển đổi số",
        form: "conference",
        topics: ["NQ57"],
        startDate: "2026-10-05",
        endDate: "2026-10-05",
      }),
    );

    await mark(a, [
      [people[0], "present"],
      [people[1], "late"],
      [people[2], "absent"],
      [people[3], "excused"],
    ]);
    await mark(b, [
      [people[0], "present"],
      [people[4], "present"],
    ]);
    await expectConsistent();
    const reachedBefore = await t.db
      .selectFrom("reach_quarters")
      .select("person_id")
      .where("quarter", "=", "2026-Q3")
      .where("person_id", "in", people.slice(0, 2))
      .execute();
    expect(reachedBefore.length).toBeGreaterThan(0);

    await mark(a, [[people[1], "absent"]]); // a correction: late → absent
    await expectConsistent();

    const full = (await getActivity(t.db, a))!;
    await updateActivity(t.db, principal, full, input({ startDate: "2026-10-20", endDate: "2026-10-20" })); // Q3 → Q4
    await expectConsistent();
    expect(await reachedCount(t.db, q3)).toBeLessThanOrEqual(before);
    await updateActivity(
      t.db,
      principal,
      (await getActivity(t.db, a))!,
      input({ startDate: "2026-10-20", endDate: "2026-10-20", topics: ["STEM"] }),
    );
    await expectConsistent();
    await updateActivity(
      t.db,
      principal,
      (await getActivity(t.db, a))!,
      input({ startDate: "2026-10-20", endDate: "2026-10-20", form: "workshop" }),
    );
    await expectConsistent();
    await updateActivity(
      t.db,
      principal,
      (await getActivity(t.db, b))!,
      input({
        form: "conference",
        topics: ["NQ57"],
        startDate: "2026-10-05",
        endDate: "2026-10-05",
        status: "cancelled",
      }),
    );
    await expectConsistent();
    await updateActivity(
      t.db,
      principal,
      (await getActivity(t.db, b))!,
      input({ form: "conference", topics: ["NQ57"], startDate: "2026-10-05", endDate: "2026-10-05", status: "held" }),
    );
    await expectConsistent();

    await deleteActivity(t.db, principal, (await getActivity(t.db, b))!, true);
    await expectConsistent();
  });

  it("follows a club's meetings and the club's deletion", async () => {
    const clubId = await createClub(t.db, principal, (await getUnit(t.db, school))!, {
      name: "CLB Robot",
      field: "robotics",
      targetGrades: [8, 9],
      status: "active",
      schedule: "Chiều thứ Năm",
      description: "",
      foundedOn: "2026-09-01",
    });
    const club = (await getClub(t.db, clubId))!;
    const meeting = await recordMeeting(t.db, principal, club, {
      date: "2026-09-24",
      startTime: "14:00",
      endTime: "15:30",
      topic: "Lắp mạch điện",
    });
    await mark(meeting, [
      [people[5], "present"],
      [people[6], "late"],
    ]);
    await expectConsistent();
    expect(
      await reachedCount(t.db, {
        unitIds: [school],
        categories: ["teachers", "school_managers", "school_staff", "students"],
        topics: ["STEM"],
        period: parsePeriod("2026-Q3")!,
      }),
    ).toBeGreaterThan(0);
    await deleteClub(t.db, principal, club, true);
    await expectConsistent();
  });

  it("stays right when roll calls of the same people, a move and a deletion run at the same time (PostgreSQL runs them side by side)", async () => {
    const a = await createActivity(t.db, principal, input());
    const b = await createActivity(
      t.db,
      principal,
      input({ title: "Hội nghị chuyển đổi số", form: "conference", startDate: "2026-09-12", endDate: "2026-09-12" }),
    );
    const statuses: AttendanceStatus[] = ["present", "absent", "late", "excused"];
    for (let round = 0; round < 6; round++) {
      await Promise.all([
        mark(
          a,
          people.map((p, i) => [p, statuses[(i + round) % 4]]),
        ),
        mark(
          b,
          people.map((p, i) => [p, statuses[(i + round + 1) % 4]]),
        ),
      ]);
    }
    await expectConsistent();
    // A move to the next quarter while a roll call is being saved: whichever commits first, the other follows.
    const moved = input({ startDate: "2026-10-20", endDate: "2026-10-20" });
    await Promise.all([
      mark(
        a,
        people.map((p) => [p, "present"]),
      ),
      updateActivity(t.db, principal, (await getActivity(t.db, a))!, moved),
    ]);
    await expectConsistent();
    // A deletion while a roll call is being saved: the mark either lands before (and goes with it) or is refused.
    const results = await Promise.allSettled([
      mark(
        b,
        people.map((p) => [p, "late"]),
      ),
      deleteActivity(t.db, principal, (await getActivity(t.db, b))!, true),
    ]);
    expect(results[1].status).toBe("fulfilled");
    await expectConsistent();
  });

  it("stays equal to a rebuild whatever sequence of marks, moves, cancellations and deletions (property-based)", async () => {
    const dates = ["2026-09-30", "2026-10-01", "2026-12-31", "2027-01-02"];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("mark" as const),
        activity: fc.nat(2),
        marks: fc.array(
          fc.tuple(fc.nat(7), fc.constantFrom<AttendanceStatus>("present", "late", "excused", "absent")),
          { minLength: 1, maxLength: 5 },
        ),
      }),
      fc.record({
        kind: fc.constant("update" as const),
        activity: fc.nat(2),
        date: fc.constantFrom(...dates),
        time: fc.constantFrom("00:30", "23:30"),
        status: fc.constantFrom("planned" as const, "cancelled" as const),
        form: fc.constantFrom("training", "conference", "workshop"),
        topics: fc.subarray(["NQ57", "STEM", "CDS"], { minLength: 1 }),
      }),
      fc.record({ kind: fc.constant("delete" as const), activity: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const ids: number[] = [];
        for (const [i, date] of dates.slice(0, 3).entries())
          ids.push(
            await createActivity(
              t.db,
              principal,
              input({
                title: `Hoạt động thử ${i + 1}`,
                startDate: date,
                endDate: date,
                startTime: "23:30",
                endTime: "23:50",
              }),
            ),
          );
        for (const o of ops) {
          const activity = await getActivity(t.db, ids[o.activity]);
          if (!activity) continue; // deleted earlier in this run
          if (o.kind === "mark")
            await mark(
              activity.id,
              o.marks.map(([p, s]) => [people[p], s]),
            );
          else if (o.kind === "delete") await deleteActivity(t.db, principal, activity, true);
          else {
            const [h, m] = o.time.split(":").map(Number);
            const end = `${String(h).padStart(2, "0")}:${String(m + 10).padStart(2, "0")}`;
            await updateActivity(
              t.db,
              principal,
              activity,
              input({
                startDate: o.date,
                endDate: o.date,
                startTime: o.time,
                endTime: end,
                status: o.status,
                form: o.form,
                topics: o.topics,
              }),
            );
          }
        }
        await expectConsistent();
      }),
      { numRuns: 12 },
    );
  });
});

describe("quarters", () => {
  it("are Vietnam-time quarters; years and half-years are whole quarters, a month is not", () => {
    expect(quarterOf("2026-06-30T16:59:59.000Z")).toBe("2026-Q2"); // 23:59 on 30/6 in Vietnam
    expect(quarterOf("2026-06-30T17:00:00.000Z")).toBe("2026-Q3"); // 00:00 on 1/7 in Vietnam
    expect(quarterOf("2026-12-31T17:30:00.000Z")).toBe("2027-Q1");
    expect(quartersOf(parsePeriod("2026")!)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(quartersOf(parsePeriod("2026-H2")!)).toEqual(["2026-Q3", "2026-Q4"]);
    expect(quartersOf(parsePeriod("2026-Q4")!)).toEqual(["2026-Q4"]);
    expect(quartersOf(parsePeriod("2026-10")!)).toBeNull();
  });
});
