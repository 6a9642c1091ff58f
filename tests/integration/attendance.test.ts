import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createActivity, getActivity } from "../../app/domain/activities/activities";
import type { ActivityInput } from "../../app/domain/activities/schemas";
import { addToRoster, attendanceCounts, recordMarks, rosterFor } from "../../app/domain/attendance/attendance";
import { checkIn, codeFor, openCheckin, STEP_MS, ticketForScan, verifyCode } from "../../app/domain/attendance/checkin";
import { checkAttendanceFile, commitAttendanceFile } from "../../app/domain/attendance/import";
import { DomainError } from "../../app/domain/shared/errors";
import type { Activity } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
let thcs: number;
let thA: number;
let activity: Activity;
const enc = (s: string) => new TextEncoder().encode(s);
const base: ActivityInput = {
  title: "Tập huấn Nghị quyết 57 cho giáo viên",
  organizerUnitId: 0,
  coOrganizerIds: [],
  invitedUnitIds: [],
  form: "training",
  topics: ["NQ57"],
  audiences: ["teachers"],
  delivery: "in_person",
  startDate: "2026-11-20",
  startTime: "07:30",
  endDate: "2026-11-20",
  endTime: "11:00",
  place: "Hội trường",
  link: "",
  commemoration: "",
  plannedParticipants: 50,
  status: "held",
  description: "",
};

beforeEach(async () => {
  t = await createTestDb({ demo: true });
  thcs = await unitIdByCode(t.db, "thcs-tanan");
  thA = await unitIdByCode(t.db, "th-tanan-a");
  const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
  activity = (await getActivity(t.db, await createActivity(t.db, principal, { ...base, organizerUnitId: thcs })))!;
});
afterEach(async () => {
  await t.close();
});

const staffOf = (unitId: number, n = 5) =>
  t.db
    .selectFrom("people")
    .select(["id", "code"])
    .where("unit_id", "=", unitId)
    .where("category", "=", "teachers")
    .orderBy("id")
    .limit(n)
    .execute();
const rows = () => t.db.selectFrom("attendance").selectAll().where("activity_id", "=", activity.id).execute();

/** What approving a school's report for 2026-H2 leaves behind. */
const lockSecondHalf2026 = (unitId: number) =>
  t.db
    .insertInto("period_locks")
    .values({
      unit_id: unitId,
      period_key: "2026-H2",
      start_date: "2026-07-01",
      end_date_exclusive: "2027-01-01",
      locked_at: new Date().toISOString(),
      locked_by: null,
    })
    .execute();

describe("attendance marks", () => {
  it("are one record per person and activity, however often or concurrently they are saved", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const people = await staffOf(thcs, 5);
    await recordMarks(
      t.db,
      teacher,
      activity,
      people.map((p) => ({ personId: p.id, status: "present" as const })),
      "roll_call",
    );
    await recordMarks(
      t.db,
      teacher,
      activity,
      people.map((p) => ({ personId: p.id, status: "present" as const })),
      "roll_call",
    ); // a retry
    // Two teachers marking at once, with different statuses.
    await Promise.all([
      recordMarks(
        t.db,
        teacher,
        activity,
        people.map((p) => ({ personId: p.id, status: "late" as const })),
        "roll_call",
      ),
      recordMarks(
        t.db,
        principal,
        activity,
        people.map((p) => ({ personId: p.id, status: "excused" as const })),
        "roll_call",
      ),
      ...people.map((p) => recordMarks(t.db, teacher, activity, [{ personId: p.id, status: "absent" }], "roll_call")),
    ]);
    const saved = await rows();
    expect(saved).toHaveLength(5);
    expect(new Set(saved.map((r) => r.person_id)).size).toBe(5);
    // The database refuses a second record outright.
    await expect(
      t.db
        .insertInto("attendance")
        .values({
          activity_id: activity.id,
          person_id: people[0].id,
          status: "present",
          note: null,
          source: "roll_call",
          marked_by: null,
          marked_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE|unique/);
  });

  it("a school marks only its own people; the leader marks no one", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const foreign = await staffOf(thA, 1);
    await expect(
      recordMarks(t.db, teacher, activity, [{ personId: foreign[0].id, status: "present" }], "roll_call"),
    ).rejects.toBeInstanceOf(DomainError);
    const own = await staffOf(thcs, 1);
    await expect(
      recordMarks(
        t.db,
        await actorOf(t.db, "lanhdao@tanan.demo"),
        activity,
        [{ personId: own[0].id, status: "present" }],
        "roll_call",
      ),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await rows()).toHaveLength(0);
  });

  it("cannot change once the period is locked by an approved report", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const own = await staffOf(thcs, 1);
    await lockSecondHalf2026(thcs);
    await expect(
      recordMarks(t.db, teacher, activity, [{ personId: own[0].id, status: "present" }], "roll_call"),
    ).rejects.toThrow(/đã khóa/);
  });

  it("rosters come from classes, clubs and staff; the commune gets counts per unit", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const added = await addToRoster(t.db, principal, activity, { kind: "staff", unitId: thcs });
    expect(added).toBeGreaterThan(40);
    expect(await addToRoster(t.db, principal, activity, { kind: "staff", unitId: thcs })).toBe(0);
    const roster = await rosterFor(t.db, principal, activity);
    expect(roster).toHaveLength(added);
    await recordMarks(
      t.db,
      principal,
      activity,
      roster.slice(0, 10).map((p) => ({ personId: p.personId, status: "present" as const })),
      "roll_call",
    );
    await recordMarks(t.db, principal, activity, [{ personId: roster[10].personId, status: "absent" }], "roll_call");
    expect(await attendanceCounts(t.db, activity.id)).toEqual([
      { unitId: thcs, unitName: "Trường THCS Tân An", present: 10, late: 0, excused: 0, absent: 1 },
    ]);
    // Another school's administrator sees none of these people in their roster.
    expect(await rosterFor(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), activity)).toEqual([]);
  });
});

describe("QR self check-in", () => {
  it("accepts the current code (and the previous, for slow phones), refuses expired and foreign codes", () => {
    const now = Date.parse("2026-11-20T01:00:00Z");
    const step = Math.floor(now / STEP_MS);
    expect(verifyCode("s", 7, codeFor("s", 7, step), now)).toBe("ok");
    expect(verifyCode("s", 7, codeFor("s", 7, step - 1), now)).toBe("ok");
    expect(verifyCode("s", 7, codeFor("s", 7, step - 3), now)).toBe("expired");
    expect(verifyCode("s", 7, codeFor("s", 8, step), now)).toBe("foreign");
    expect(verifyCode("s", 7, codeFor("other-secret", 7, step), now)).toBe("foreign");
    expect(verifyCode("s", 7, "<script>", now)).toBe("foreign");
  });

  it("marks the signed-in teacher present once, with a fresh scan's ticket; refuses someone not signed in, a bare code, a repeat and a time outside the activity", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const session = await openCheckin(t.db, principal, activity);
    const during = Date.parse("2026-11-20T01:00:00Z"); // 08:00 in Vietnam
    const code = codeFor(session.secret, activity.id, Math.floor(during / STEP_MS));
    const ticket = await ticketForScan(t.db, activity, code, during);
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    // A scan proves presence, not who one is: without signing in nothing is marked and no name is given.
    await expect(checkIn(t.db, activity, { ticket, actor: null }, during)).rejects.toMatchObject({ reason: "sign_in" });
    await expect(checkIn(t.db, activity, { ticket: code, actor: teacher }, during)).rejects.toMatchObject({
      reason: "expired",
    }); // a bare code is no ticket
    expect((await checkIn(t.db, activity, { ticket, actor: teacher }, during)).personName).toBe("Võ Minh Tuấn");
    await expect(checkIn(t.db, activity, { ticket, actor: teacher }, during)).rejects.toMatchObject({
      reason: "already",
    });
    const late = Date.parse("2026-11-21T01:00:00Z");
    const lateTicket = await ticketForScan(
      t.db,
      activity,
      codeFor(session.secret, activity.id, Math.floor(late / STEP_MS)),
      late,
    );
    await expect(checkIn(t.db, activity, { ticket: lateTicket, actor: teacher }, late)).rejects.toMatchObject({
      reason: "outside_window",
    });
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: "present", source: "qr" });
  });
});

describe("review fixes: attendance", () => {
  it("re-saving a status keeps the note already there", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const [p] = await staffOf(thcs, 1);
    await recordMarks(t.db, teacher, activity, [{ personId: p.id, status: "excused", note: "ốm" }], "import");
    await recordMarks(t.db, teacher, activity, [{ personId: p.id, status: "absent" }], "roll_call");
    expect((await rows())[0]).toMatchObject({ status: "absent", note: "ốm" });
  });

  it("QR check-in takes only people of the units taking part; the screen is the organizer's", async () => {
    const { canRunCheckin } = await import("../../app/domain/auth/policies");
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const session = await openCheckin(t.db, principal, activity);
    const during = Date.parse("2026-11-20T01:00:00Z");
    const code = codeFor(session.secret, activity.id, Math.floor(during / STEP_MS));
    const ticket = await ticketForScan(t.db, activity, code, during);
    await expect(
      checkIn(t.db, activity, { ticket, actor: await actorOf(t.db, "gv.tieuhoca@tanan.demo") }, during),
    ).rejects.toMatchObject({
      reason: "not_found",
    });
    expect(canRunCheckin(await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), { id: thcs, kind: "school" })).toBe(false);
    expect(canRunCheckin(await actorOf(t.db, "gv.thcs@tanan.demo"), { id: thcs, kind: "school" })).toBe(true);
  });

  it("a five-minute ticket from a fresh scan outlives the 30-second code", async () => {
    const { ticketFor } = await import("../../app/domain/attendance/checkin");
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const session = await openCheckin(t.db, principal, activity);
    const scanned = Date.parse("2026-11-20T01:00:00Z");
    const ticket = ticketFor(session.secret, activity.id, scanned);
    expect(
      (
        await checkIn(
          t.db,
          activity,
          { ticket, actor: await actorOf(t.db, "gv.thcs@tanan.demo") },
          scanned + 3 * 60_000,
        )
      ).personName,
    ).toBeTruthy();
    await expect(
      checkIn(t.db, activity, { ticket, actor: await actorOf(t.db, "bgh.thcs@tanan.demo") }, scanned + 6 * 60_000),
    ).rejects.toMatchObject({
      reason: "expired",
    });
  });

  it("a locked period cannot be changed by moving or deleting the activity", async () => {
    const { updateActivity, deleteActivity } = await import("../../app/domain/activities/activities");
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const [p] = await staffOf(thcs, 1);
    await recordMarks(t.db, principal, activity, [{ personId: p.id, status: "present" }], "roll_call");
    await lockSecondHalf2026(thcs);
    const full = (await getActivity(t.db, activity.id))!;
    await expect(
      updateActivity(t.db, principal, full, {
        ...base,
        organizerUnitId: thcs,
        startDate: "2026-06-15",
        endDate: "2026-06-15",
      }),
    ).rejects.toThrow(/đã khóa/);
    await expect(deleteActivity(t.db, principal, full, true)).rejects.toThrow(/đã khóa/);
    expect(await rows()).toHaveLength(1);
  });
});

describe("attendance import", () => {
  it("previews matched, unmatched and duplicated rows, writes all or nothing, and a second import changes nothing", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const people = await staffOf(thcs, 3);
    const foreign = await staffOf(thA, 1);
    const bad = `Mã,Trạng thái,Ghi chú\n${people[0].code},Có mặt,\n${people[1].code},muộn,kẹt xe\n${people[0].code},x,\nKHONGCO,,\n${foreign[0].code},,\n${people[2].code},nghỉ lễ,\n`;
    const p = await checkAttendanceFile(t.db, teacher, activity, enc(bad));
    expect(p.preview.counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 4 });
    const errors = p.preview.rows.filter((r) => r.status === "error").map((r) => r.errors[0]);
    expect(errors).toEqual([
      "Mã trùng với dòng 2 trong tệp.",
      "Không tìm thấy người có mã này trong danh sách của đơn vị.",
      "Không tìm thấy người có mã này trong danh sách của đơn vị.",
      "Trạng thái “nghỉ lễ” không hợp lệ (Có mặt, Đến muộn, Vắng có phép, Vắng không phép).",
    ]);
    await expect(commitAttendanceFile(t.db, teacher, activity, enc(bad))).rejects.toBeInstanceOf(DomainError);
    expect(await rows()).toHaveLength(0);
    const good = `Mã;Trạng thái;Ghi chú\n${people[0].code};Có mặt;\n${people[1].code};Đến muộn;kẹt xe\n${people[2].code};;\n`;
    expect((await commitAttendanceFile(t.db, teacher, activity, enc(good))).counts).toEqual({
      new: 3,
      update: 0,
      unchanged: 0,
      error: 0,
    });
    expect((await commitAttendanceFile(t.db, teacher, activity, enc(good))).counts).toEqual({
      new: 0,
      update: 0,
      unchanged: 3,
      error: 0,
    });
    expect((await rows()).map((r) => r.status).sort()).toEqual(["late", "present", "present"]);
  });

  it("handles 50,000 rows", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const at = new Date().toISOString();
    const many = Array.from({ length: 50_000 }, (_, i) => ({
      unit_id: thcs,
      category: "students" as const,
      code: `BIG${i}`,
      full_name: `Học Sinh ${i}`,
      name_key: `hs ${i}`,
      grade: 6,
      class_name: "6A9",
      position: null,
      user_id: null,
      left_on: null,
      created_at: at,
      updated_at: at,
    }));
    for (let i = 0; i < many.length; i += 2000)
      await t.db
        .insertInto("people")
        .values(many.slice(i, i + 2000))
        .execute();
    const csv =
      "Mã,Trạng thái\n" + many.map((p, i) => `${p.code},${i % 10 === 0 ? "Vắng có phép" : "Có mặt"}`).join("\n");
    const result = await commitAttendanceFile(t.db, principal, activity, enc(csv));
    expect(result.counts.new).toBe(50_000);
    expect(await rows()).toHaveLength(50_000);
  }, 120_000);

  it("never writes part of a file, whatever the file holds (property-based)", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const people = await staffOf(thcs, 6);
    const codes = [...people.map((p) => p.code), "KHONGCO", "", "x,y", '"'];
    const statuses = ["Có mặt", "muộn", "P", "k", "", "???", "Vắng không phép"];
    const row = fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...statuses), fc.string({ maxLength: 8 }));
    const file = fc.oneof(
      fc
        .array(row, { minLength: 0, maxLength: 12 })
        .map(
          (rs) =>
            "Mã,Trạng thái,Ghi chú\n" +
            rs.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(",")).join("\n"),
        ),
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")),
    );
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        await t.db.deleteFrom("attendance").where("activity_id", "=", activity.id).execute();
        let preview;
        try {
          preview = (await checkAttendanceFile(t.db, teacher, activity, enc(text))).preview;
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError); // unreadable files: a message, never a crash
          return;
        }
        expect(preview.rows.length).toBe(
          preview.counts.new + preview.counts.update + preview.counts.unchanged + preview.counts.error,
        );
        const clean = !preview.fileErrors.length && preview.counts.error === 0;
        try {
          await commitAttendanceFile(t.db, teacher, activity, enc(text));
          expect(clean).toBe(true);
          expect(await rows()).toHaveLength(preview.counts.new + preview.counts.update);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect(clean).toBe(false);
          expect(await rows()).toHaveLength(0);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
