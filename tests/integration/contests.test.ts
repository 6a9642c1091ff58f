import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  awardsBySchool,
  createContest,
  createEntry,
  deleteContest,
  getContest,
  getEntry,
  listContests,
  listEntries,
  recordResult,
  entryCandidates,
  MAX_ENTRY_CANDIDATES,
} from "../../app/domain/contests/contests";
import type { ContestInput } from "../../app/domain/contests/schemas";
import { storedPath } from "../../app/domain/files/storage";
import { storeSmallFile } from "../../app/domain/files/upload-stream";
import { DomainError } from "../../app/domain/shared/errors";
import { getUnit } from "../../app/domain/units/units";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
let thcs: Unit;
let thA: Unit;
let commune: Unit;
const uploads = path.resolve("tmp", `uploads-contests-${process.pid}`);
beforeEach(async () => {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb({ demo: true });
  thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
  thA = (await getUnit(t.db, await unitIdByCode(t.db, "th-tanan-a")))!;
  commune = (await getUnit(t.db, await unitIdByCode(t.db, "commune")))!;
});
afterEach(async () => {
  await t.close();
  fs.rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOAD_DIR;
});

const input: ContestInput = {
  name: "Hội thi Robot xã Tân An 2027",
  level: "commune",
  field: "robotics",
  startsOn: "2027-03-01",
  endsOn: "2027-03-31",
  rules: "",
  link: "",
};
const people = (unitId: number, category: string, n: number) =>
  t.db
    .selectFrom("people")
    .select("id")
    .where("unit_id", "=", unitId)
    .where("category", "=", category as never)
    .orderBy("id")
    .limit(n)
    .execute();
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("contests", () => {
  it("commune staff register a contest open to all; schools enter their own students; results and awards roll up by school", async () => {
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const contest = (await getContest(t.db, await createContest(t.db, staff, commune, input)))!;
    expect(contest.open_to_all).toBe(1);
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const kids = await people(thcs.id, "students", 2);
    const mentor = await people(thcs.id, "teachers", 1);
    const entryId = await createEntry(t.db, principal, contest, thcs, {
      title: "Robot nhặt rác",
      field: "robotics",
      studentIds: kids.map((k) => k.id),
      mentorIds: mentor.map((m) => m.id),
    });
    const foreign = await people(thA.id, "students", 1);
    await expect(
      createEntry(t.db, principal, contest, thcs, {
        title: "Sai trường",
        field: "robotics",
        studentIds: foreign.map((k) => k.id),
        mentorIds: [],
      }),
    ).rejects.toMatchObject({ field: "studentIds" });
    await expect(
      createEntry(t.db, principal, contest, thcs, {
        title: "GV là học sinh",
        field: "robotics",
        studentIds: kids.map((k) => k.id),
        mentorIds: [kids[0].id],
      }),
    ).rejects.toMatchObject({ field: "mentorIds" });
    await expect(
      createEntry(t.db, await actorOf(t.db, "gv.thcs@tanan.demo"), contest, thcs, {
        title: "Giáo viên không đăng ký",
        field: "robotics",
        studentIds: kids.map((k) => k.id),
        mentorIds: [],
      }),
    ).rejects.toMatchObject({ status: 403 });

    const stored = await storeSmallFile(t.db, PDF);
    expect(fs.readFileSync(storedPath(stored.sha256))).toEqual(Buffer.from(PDF));
    await recordResult(t.db, principal, contest, (await getEntry(t.db, entryId))!, "first", {
      key: stored.sha256,
      name: "giay-khen.pdf",
    });
    const awards = await awardsBySchool(t.db, 2027);
    expect(awards).toEqual([
      { schoolId: thcs.id, school: thcs.name, entries: 1, first: 1, second: 0, third: 0, consolation: 0 },
    ]);

    // The commune sees the team as counts; the school sees names.
    const forCommune = await listEntries(t.db, staff, contest.id);
    expect(forCommune[0]).toMatchObject({ students: 2, mentors: 1, team: [], evidence_name: null, has_evidence: true });
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["after_json"])
      .where("entity", "=", "contest_entry")
      .where("action", "=", "update")
      .execute();
    expect(audit.map((a) => a.after_json).join()).not.toContain("giay-khen");
    const forSchool = await listEntries(t.db, principal, contest.id);
    expect(forSchool[0].team).toHaveLength(3);
    expect(forSchool[0].evidence_name).toBe("giay-khen.pdf");
    const forOther = await listEntries(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), contest.id);
    expect(forOther).toEqual([]);
  });

  it("refuses a file whose bytes are not an allowed type, whatever its name", async () => {
    await expect(storeSmallFile(t.db, new TextEncoder().encode("MZ not really a pdf"))).rejects.toMatchObject({
      field: "file",
    });
    const zip = new Uint8Array([
      0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    await expect(storeSmallFile(t.db, zip)).rejects.toBeInstanceOf(DomainError);
  });

  it("a school's own contest is invisible to other schools; deleting with entries needs confirmation", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const contest = (await getContest(
      t.db,
      await createContest(t.db, principal, thcs, { ...input, level: "school", name: "Thi robot cấp trường THCS 2027" }),
    ))!;
    expect(contest.open_to_all).toBe(0);
    const other = await listContests(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), {
      page: 1,
      pageSize: 100,
      sort: "newest",
    });
    expect(other.rows.map((r) => r.id)).not.toContain(contest.id);
    const principalA = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    const kidsA = await people(thA.id, "students", 1);
    await expect(
      createEntry(t.db, principalA, contest, thA, {
        title: "Không được",
        field: "robotics",
        studentIds: kidsA.map((k) => k.id),
        mentorIds: [],
      }),
    ).rejects.toBeInstanceOf(DomainError); // (THCS's own contest: not open to other schools)
    const kids = await people(thcs.id, "students", 1);
    await createEntry(t.db, principal, contest, thcs, {
      title: "Xe tự hành",
      field: "robotics",
      studentIds: kids.map((k) => k.id),
      mentorIds: [],
    });
    await expect(deleteContest(t.db, principal, contest, false)).rejects.toMatchObject({ field: "confirm" });
    await expect(deleteContest(t.db, await actorOf(t.db, "lanhdao@tanan.demo"), contest, true)).rejects.toMatchObject({
      status: 403,
    });
    await deleteContest(t.db, principal, contest, true);
    expect(await getContest(t.db, contest.id)).toBeUndefined();
  });

  it("the entry form's list of people says when it stops at its limit instead of leaving people out silently", async () => {
    const at = new Date().toISOString();
    const rows = Array.from({ length: MAX_ENTRY_CANDIDATES + 5 }, (_, i) => ({
      unit_id: thcs.id,
      category: "teachers" as const,
      code: `GVX${i}`,
      full_name: `Giáo viên ${i}`,
      grade: null,
      class_name: null,
      position: null,
      user_id: null,
      left_on: null,
      created_at: at,
      updated_at: at,
      name_key: `giao vien ${i}`,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await t.db
        .insertInto("people")
        .values(rows.slice(i, i + 200))
        .execute();
    const list = await entryCandidates(t.db, thcs.id, []);
    expect(list.people).toHaveLength(MAX_ENTRY_CANDIDATES);
    expect(list.more).toBe(true);
    const small = await entryCandidates(t.db, thA.id, []);
    expect(small.more).toBe(false);
  });
});
