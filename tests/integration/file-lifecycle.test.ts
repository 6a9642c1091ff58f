/**
 * Issue #13: one lifecycle for stored files (decision 018), the recycle bin, and the job runner — on the engine the
 * suite runs on (SQLite, and PostgreSQL under `npm run test:pg`).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteActivity, deleteBudgetLine, getActivity } from "../../app/domain/activities/activities";
import { deleteClub, getClub } from "../../app/domain/clubs/clubs";
import { deleteContest, deleteEntry, getContest, getEntry, recordResult } from "../../app/domain/contests/contests";
import {
  RELEASE_GRACE_MS,
  releaseUnclaimed,
  STALLED_UPLOAD_MS,
  storageUse,
  sweepStoredObjects,
} from "../../app/domain/files/lifecycle";
import { storedPath } from "../../app/domain/files/storage";
import { storeSmallFile, streamIntoStore } from "../../app/domain/files/upload-stream";
import { runDueJobs, type Job } from "../../app/domain/jobs/runner";
import { createMaterial, deleteMaterial, getMaterial } from "../../app/domain/materials/materials";
import type { MaterialInput } from "../../app/domain/materials/schemas";
import { BIN_DAYS, purgeBin } from "../../app/domain/recycle-bin/bin";
import { binFor, purgeFromBin, restoreFromBin } from "../../app/domain/recycle-bin/restore";
import { getUnit } from "../../app/domain/units/units";
import { createDb } from "../../db/connection";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

const DAY = 24 * 60 * 60_000;
const later = (ms: number) => new Date(Date.now() + ms);
const dir = path.resolve("tmp", `uploads-lifecycle-${process.pid}`);
let t: TestDb;
let thcs: Unit;
beforeEach(async () => {
  process.env.UPLOAD_DIR = dir;
  t = await createTestDb({ demo: true });
  thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.UPLOAD_DIR;
});

const input = (over: Partial<MaterialInput> = {}): MaterialInput => ({
  title: "Giấy chứng nhận giải nhất",
  description: "",
  kind: "document",
  subject: "",
  grades: [9],
  topics: [],
  keywords: [],
  integratesTopics: false,
  visibility: "school",
  linkUrl: "",
  ...over,
});
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const exists = (sha: string) => fs.existsSync(storedPath(sha));

/** A THCS contest entry (from the demo) in a period no approval locks. */
async function openEntry() {
  const rows = await t.db
    .selectFrom("contest_entries")
    .innerJoin("contests", "contests.id", "contest_entries.contest_id")
    .select(["contest_entries.id", "contests.ends_on"])
    .where("contest_entries.school_id", "=", thcs.id)
    .where("contests.ends_on", ">=", "2026-06-11")
    .execute();
  if (!rows.length) throw new Error("the demo has no open THCS entry");
  const entry = (await getEntry(t.db, rows[0].id))!;
  return { entry, contest: (await getContest(t.db, entry.contest_id))! };
}

describe("stored files: one lifecycle", () => {
  it("the same bytes as a material and as a contest's evidence: deleting either keeps the other's file; it goes only when neither refers to it and the grace period has passed", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const bytes = pdf("giay chung nhan");
    const stored = await streamIntoStore(t.db, [bytes]);
    const materialId = await createMaterial(t.db, principal, thcs, input(), { stored, name: "giai.pdf" });
    const { entry, contest } = await openEntry();
    const evidence = await storeSmallFile(t.db, bytes);
    expect(evidence.id).toBe(stored.id);
    await recordResult(t.db, principal, contest, entry, "first", { key: evidence.sha256, name: "giai.pdf" });

    // The material goes to the bin, then the bin is purged: the evidence still holds the object.
    await deleteMaterial(t.db, principal, (await getMaterial(t.db, materialId))!, true);
    expect(await purgeBin(t.db, later((BIN_DAYS + 1) * DAY))).toBeGreaterThanOrEqual(1);
    await sweepStoredObjects(t.db, later((BIN_DAYS + 3) * DAY));
    expect(fs.readFileSync(storedPath(evidence.sha256))).toEqual(bytes);

    // A new evidence file replaces it: the old object has lost its last reference, and waits out the grace period.
    const other = await storeSmallFile(t.db, pdf("anh chup"));
    await recordResult(t.db, principal, contest, (await getEntry(t.db, entry.id))!, "first", {
      key: other.sha256,
      name: "anh.pdf",
    });
    await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS - 60_000));
    expect(exists(evidence.sha256)).toBe(true);
    const swept = await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS + 60_000));
    expect(swept.released).toBeGreaterThanOrEqual(1);
    expect(exists(evidence.sha256)).toBe(false);
    expect(
      await t.db.selectFrom("stored_files").select("id").where("sha256", "=", evidence.sha256).executeTakeFirst(),
    ).toBeUndefined();
    expect(exists(other.sha256)).toBe(true);
  });

  it("deleting the entry first keeps the material's file", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const bytes = pdf("bai du thi");
    const materialId = await createMaterial(t.db, principal, thcs, input(), {
      stored: await streamIntoStore(t.db, [bytes]),
      name: "a.pdf",
    });
    const { entry, contest } = await openEntry();
    const evidence = await storeSmallFile(t.db, bytes);
    await recordResult(t.db, principal, contest, entry, "second", { key: evidence.sha256, name: "a.pdf" });
    await deleteEntry(t.db, principal, (await getEntry(t.db, entry.id))!, true);
    await sweepStoredObjects(t.db, later(10 * RELEASE_GRACE_MS));
    const m = (await getMaterial(t.db, materialId))!;
    const row = await t.db
      .selectFrom("stored_files")
      .select("sha256")
      .where("id", "=", m.file_id!)
      .executeTakeFirstOrThrow();
    expect(fs.readFileSync(storedPath(row.sha256))).toEqual(bytes);
  });

  it("a school's quota counts each object once, binned ones included, until the bin is purged", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const base = (await storageUse(t.db, thcs.id)).used;
    const bytes = pdf("x".repeat(5000));
    const a = await createMaterial(t.db, principal, thcs, input(), {
      stored: await streamIntoStore(t.db, [bytes]),
      name: "a.pdf",
    });
    await createMaterial(t.db, principal, thcs, input({ title: "Bản sao" }), {
      stored: await streamIntoStore(t.db, [bytes]),
      name: "b.pdf",
    });
    expect((await storageUse(t.db, thcs.id)).used).toBe(base + bytes.length);
    await deleteMaterial(t.db, principal, (await getMaterial(t.db, a))!, true);
    expect((await storageUse(t.db, thcs.id)).used).toBe(base + bytes.length);
    const c = await createMaterial(t.db, principal, thcs, input({ title: "Khác" }), {
      stored: await streamIntoStore(t.db, [pdf("y".repeat(3000))]),
      name: "c.pdf",
    });
    await deleteMaterial(t.db, principal, (await getMaterial(t.db, c))!, true);
    expect((await storageUse(t.db, thcs.id)).used).toBe(base + bytes.length + pdf("y".repeat(3000)).length);
    await purgeBin(t.db, later((BIN_DAYS + 1) * DAY));
    expect((await storageUse(t.db, thcs.id)).used).toBe(base + bytes.length);
  });

  it("an upload refused after it was stored goes at once, unless another record holds the same bytes or another upload stored them since", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const refused = await streamIntoStore(t.db, [pdf("over quota")]);
    await releaseUnclaimed(t.db, refused);
    expect(exists(refused.sha256)).toBe(false);
    expect(
      await t.db.selectFrom("stored_files").select("id").where("sha256", "=", refused.sha256).executeTakeFirst(),
    ).toBeUndefined();

    const kept = pdf("also a material");
    await createMaterial(t.db, principal, thcs, input(), {
      stored: await streamIntoStore(t.db, [kept]),
      name: "k.pdf",
    });
    await releaseUnclaimed(t.db, await streamIntoStore(t.db, [kept])); // the same bytes, refused for another record
    expect(fs.readFileSync(storedPath((await streamIntoStore(t.db, [kept])).sha256))).toEqual(kept);

    const first = await streamIntoStore(t.db, [pdf("two at once")]);
    const second = await streamIntoStore(t.db, [pdf("two at once")]); // a colleague's upload of the same file, since
    await releaseUnclaimed(t.db, first);
    expect(exists(second.sha256)).toBe(true);
  });

  it("an upload nobody refers to stays through the grace period, then goes; so do unfinished uploads and unrecorded objects", async () => {
    const stored = await streamIntoStore(t.db, [pdf("form refused")]);
    await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS / 2));
    expect(exists(stored.sha256)).toBe(true);
    // Stored again meanwhile (another upload of the same bytes): the grace period starts again.
    await streamIntoStore(t.db, [pdf("form refused")]);
    await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS + 60_000));
    expect(exists(stored.sha256)).toBe(false);

    const part = path.join(dir, ".incoming", "killed.part");
    const orphan = storedPath("ab".repeat(32));
    for (const f of [part, orphan]) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, "left behind");
    }
    expect((await sweepStoredObjects(t.db, later(STALLED_UPLOAD_MS / 2))).leftovers).toBe(0);
    // An upload nothing wrote to for an hour is dead; an object no row records waits out the grace period.
    expect((await sweepStoredObjects(t.db, later(STALLED_UPLOAD_MS + 60_000))).leftovers).toBe(1);
    expect(fs.existsSync(part)).toBe(false);
    expect(fs.existsSync(orphan)).toBe(true);
    expect((await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS + 60_000))).leftovers).toBe(1);
    expect(fs.existsSync(orphan)).toBe(false);
    // The demo's own files (referenced) are all still there.
    for (const f of await t.db.selectFrom("stored_files").select("sha256").execute())
      expect(exists(f.sha256)).toBe(true);
  });
});

describe("the recycle bin", () => {
  const marksOf = async (activityId: number) =>
    Number(
      (
        await t.db
          .selectFrom("attendance")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("activity_id", "=", activityId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const reachTotal = async () =>
    Number(
      (
        await t.db
          .selectFrom("reach_quarters")
          .select((eb) => eb.fn.sum<number>("activities").as("n"))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );

  /** A THCS activity with marks, in a period no approval locks. */
  async function markedActivity() {
    const row = await t.db
      .selectFrom("activities")
      .innerJoin("attendance", "attendance.activity_id", "activities.id")
      .select(["activities.id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("activities.organizer_unit_id", "=", thcs.id)
      .where("activities.starts_at", ">=", "2026-06-11")
      .where("activities.club_id", "is", null)
      .groupBy("activities.id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    return (await getActivity(t.db, row.id))!;
  }

  it("an activity and its marks leave the figures at once and come back, same ids, on restore; another school cannot restore it", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const activity = await markedActivity();
    const marks = await marksOf(activity.id);
    const markIds = (
      await t.db.selectFrom("attendance").select("id").where("activity_id", "=", activity.id).orderBy("id").execute()
    ).map((r) => r.id);
    const reach = await reachTotal();
    expect(marks).toBeGreaterThan(0);

    await deleteActivity(t.db, principal, activity, true);
    expect(await getActivity(t.db, activity.id)).toBeUndefined();
    expect(await marksOf(activity.id)).toBe(0);
    expect(await reachTotal()).toBeLessThan(reach);
    const bin = await binFor(t.db, principal, { page: 1, pageSize: 20 });
    const entry = bin.rows.find((r) => r.kind === "activity" && r.record_id === activity.id)!;
    expect(entry).toMatchObject({ title: activity.title, mayRestore: true });
    expect(entry.summary).toContain(`${marks.toLocaleString("vi-VN")} lượt điểm danh`);

    const other = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    expect((await binFor(t.db, other, { page: 1, pageSize: 50 })).rows.map((r) => r.id)).not.toContain(entry.id);
    await expect(restoreFromBin(t.db, other, entry.id)).rejects.toMatchObject({ status: 404 });
    await expect(restoreFromBin(t.db, await actorOf(t.db, "gv.thcs@tanan.demo"), entry.id)).rejects.toMatchObject({
      status: 403,
    });

    await restoreFromBin(t.db, principal, entry.id);
    expect((await getActivity(t.db, activity.id))!.title).toBe(activity.title);
    expect(
      (
        await t.db.selectFrom("attendance").select("id").where("activity_id", "=", activity.id).orderBy("id").execute()
      ).map((r) => r.id),
    ).toEqual(markIds);
    expect(await reachTotal()).toBe(reach);
    await expect(restoreFromBin(t.db, principal, entry.id)).rejects.toThrow(/Không tìm thấy/); // a second click
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "activity")
      .where("entity_id", "=", String(activity.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["delete", "restore"]));
  });

  it("a restore meets the locks of an approved period like any change", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const activity = await markedActivity();
    await deleteActivity(t.db, principal, activity, true);
    const entry = (await binFor(t.db, principal, { page: 1, pageSize: 20 })).rows.find(
      (r) => r.record_id === activity.id,
    )!;
    await t.db
      .insertInto("period_locks")
      .values({
        unit_id: thcs.id,
        period_key: "TEST",
        start_date: "2000-01-01",
        end_date_exclusive: "2100-01-01",
        locked_at: new Date().toISOString(),
        locked_by: null,
      })
      .execute();
    await expect(restoreFromBin(t.db, principal, entry.id)).rejects.toThrow(/đã được duyệt/);
    expect(await getActivity(t.db, activity.id)).toBeUndefined();
  });

  it("a club comes back with its members and meetings; a budget line waits for its activity; a contest with its entries", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const club = await t.db
      .selectFrom("clubs")
      .selectAll()
      .where("school_id", "=", thcs.id)
      .where("founded_on", ">=", "2026-06-11")
      .executeTakeFirst();
    const anyClub =
      club ??
      (await t.db
        .selectFrom("clubs")
        .selectAll()
        .where("school_id", "=", thcs.id)
        .where("closed_on", "is", null)
        .executeTakeFirstOrThrow());
    const members = await t.db.selectFrom("club_members").select("id").where("club_id", "=", anyClub.id).execute();
    // Clubs count in every period they were open: use one with no lock over its life (drop the demo's locks).
    await t.db.deleteFrom("period_locks").execute();
    await deleteClub(t.db, principal, anyClub, true);
    expect(await getClub(t.db, anyClub.id)).toBeUndefined();
    const clubEntry = (await binFor(t.db, principal, { page: 1, pageSize: 20 })).rows.find((r) => r.kind === "club")!;
    await restoreFromBin(t.db, principal, clubEntry.id);
    expect(await getClub(t.db, anyClub.id)).toBeTruthy();
    expect(await t.db.selectFrom("club_members").select("id").where("club_id", "=", anyClub.id).execute()).toEqual(
      members,
    );

    const activity = await markedActivity();
    await t.db
      .insertInto("budget_lines")
      .values({
        activity_id: activity.id,
        category: "water",
        source: "state_budget",
        estimate: 200000,
        actual: null,
        note: "Nước uống",
      })
      .execute();
    const line = await t.db
      .selectFrom("budget_lines")
      .select("id")
      .where("activity_id", "=", activity.id)
      .where("note", "=", "Nước uống")
      .executeTakeFirstOrThrow();
    await deleteBudgetLine(t.db, principal, activity, line.id, true);
    await deleteActivity(t.db, principal, (await getActivity(t.db, activity.id))!, true);
    const rows = (await binFor(t.db, principal, { page: 1, pageSize: 20 })).rows;
    const lineEntry = rows.find((r) => r.kind === "budget_line")!;
    await expect(restoreFromBin(t.db, principal, lineEntry.id)).rejects.toThrow(/khôi phục hoạt động trước/);
    await restoreFromBin(t.db, principal, rows.find((r) => r.kind === "activity")!.id);
    await restoreFromBin(t.db, principal, lineEntry.id);
    expect(
      await t.db.selectFrom("budget_lines").select("id").where("id", "=", line.id).executeTakeFirst(),
    ).toBeTruthy();

    const { contest } = await openEntry();
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const entries = await t.db
      .selectFrom("contest_entries")
      .select("id")
      .where("contest_id", "=", contest.id)
      .orderBy("id")
      .execute();
    const manager = contest.organizer.kind === "school" ? await actorOf(t.db, "bgh.thcs@tanan.demo") : staff;
    await deleteContest(t.db, manager, contest, true);
    const contestEntry = (await binFor(t.db, manager, { page: 1, pageSize: 20 })).rows.find(
      (r) => r.kind === "contest",
    )!;
    await restoreFromBin(t.db, manager, contestEntry.id);
    expect(
      await t.db
        .selectFrom("contest_entries")
        .select("id")
        .where("contest_id", "=", contest.id)
        .orderBy("id")
        .execute(),
    ).toEqual(entries);
  });

  it("a teacher restores the material they deleted; the bin is purged after 30 days and audited nowhere else", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const id = await createMaterial(t.db, teacher, thcs, input({ title: "Bài giảng của tôi" }), {
      stored: await streamIntoStore(t.db, [pdf("mine")]),
      name: "m.pdf",
    });
    await deleteMaterial(t.db, teacher, (await getMaterial(t.db, id))!, true);
    const entry = (await binFor(t.db, teacher, { page: 1, pageSize: 20 })).rows.find((r) => r.kind === "material")!;
    expect(entry.mayRestore).toBe(true);
    await restoreFromBin(t.db, teacher, entry.id);
    expect((await getMaterial(t.db, id))!.title).toBe("Bài giảng của tôi");
    await deleteMaterial(t.db, teacher, (await getMaterial(t.db, id))!, true);
    expect(await purgeBin(t.db, later((BIN_DAYS - 1) * DAY))).toBe(0);
    expect(await purgeBin(t.db, later((BIN_DAYS + 1) * DAY))).toBe(1);
    expect((await binFor(t.db, teacher, { page: 1, pageSize: 20 })).total).toBe(0);
  });
});

describe("the recycle bin and careless clicks", () => {
  const binned = (kind: string, recordId: number) =>
    t.db
      .selectFrom("recycle_bin")
      .select("id")
      .where("kind", "=", kind as "club")
      .where("record_id", "=", recordId)
      .execute();

  it("a second click on delete, or two at once, makes one entry; two restores at once, one wins; an entry without its record is refused plainly", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const id = await createMaterial(t.db, principal, thcs, input({ title: "Bấm hai lần" }), {
      stored: await streamIntoStore(t.db, [pdf("twice")]),
      name: "t.pdf",
    });
    const material = (await getMaterial(t.db, id))!;
    await Promise.all([
      deleteMaterial(t.db, principal, material, true),
      deleteMaterial(t.db, principal, material, true),
    ]);
    await deleteMaterial(t.db, principal, material, true); // the back button and a third click, on the page read before
    expect(await binned("material", id)).toHaveLength(1);

    await t.db.deleteFrom("period_locks").execute();
    const club = await t.db.selectFrom("clubs").selectAll().where("school_id", "=", thcs.id).executeTakeFirstOrThrow();
    await Promise.all([deleteClub(t.db, principal, club, true), deleteClub(t.db, principal, club, true)]);
    expect(await binned("club", club.id)).toHaveLength(1);
    const { contest } = await openEntry();
    const manager = contest.organizer.kind === "school" ? principal : await actorOf(t.db, "vhxh@tanan.demo");
    await Promise.all([deleteContest(t.db, manager, contest, true), deleteContest(t.db, manager, contest, true)]);
    expect(await binned("contest", contest.id)).toHaveLength(1);

    const [entry] = await binned("club", club.id);
    const results = await Promise.allSettled([
      restoreFromBin(t.db, principal, entry.id),
      restoreFromBin(t.db, principal, entry.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(lost.reason.message)).toMatch(/Không tìm thấy mục này trong thùng rác/);
    expect(await getClub(t.db, club.id)).toBeTruthy();

    // An entry a double delete left without its record, before this was prevented: a plain refusal, not a crash.
    const empty = await t.db
      .insertInto("recycle_bin")
      .values({
        kind: "club",
        record_id: 999999,
        unit_id: thcs.id,
        title: "Bản trùng",
        summary: "",
        payload: JSON.stringify([{ table: "clubs", rows: [] }]),
        deleted_by_user_id: principal.userId,
        deleted_at: new Date().toISOString(),
        purge_after: later(BIN_DAYS * DAY).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(restoreFromBin(t.db, principal, empty.id)).rejects.toThrow(/Không tìm thấy mục này trong thùng rác/);
  });

  it("whoever may restore an entry may remove it for good (confirmed, audited); its file leaves the quota at once and the disk after the grace period", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const bytes = pdf("z".repeat(4000));
    const base = (await storageUse(t.db, thcs.id)).used;
    const id = await createMaterial(t.db, teacher, thcs, input({ title: "Xóa hẳn" }), {
      stored: await streamIntoStore(t.db, [bytes]),
      name: "x.pdf",
    });
    await deleteMaterial(t.db, teacher, (await getMaterial(t.db, id))!, true);
    expect((await storageUse(t.db, thcs.id)).used).toBe(base + bytes.length);
    const [entry] = await binned("material", id);
    await expect(
      purgeFromBin(t.db, await actorOf(t.db, "bgh.tieuhoca@tanan.demo"), entry.id, true),
    ).rejects.toMatchObject({ status: 404 });
    await expect(purgeFromBin(t.db, teacher, entry.id, false)).rejects.toThrow(/ô xác nhận/);
    expect(await binned("material", id)).toHaveLength(1);
    await purgeFromBin(t.db, teacher, entry.id, true);
    expect(await binned("material", id)).toHaveLength(0);
    expect((await storageUse(t.db, thcs.id)).used).toBe(base);
    await expect(purgeFromBin(t.db, teacher, entry.id, true)).rejects.toThrow(/Không tìm thấy/);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "purge")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(exists(sha)).toBe(true);
    await sweepStoredObjects(t.db, later(RELEASE_GRACE_MS + 60_000));
    expect(exists(sha)).toBe(false);
  });
});

describe("the job runner", () => {
  it("runs a due job in one process only, not again before it is due, and takes over a lease that expired", async () => {
    // Two server processes: two connections to the same database.
    const second = createDb(t.file);
    try {
      let runs = 0;
      const job: Job = {
        name: "test-job",
        everyMs: 60 * 60_000,
        leaseMs: 10 * 60_000,
        run: async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 200));
          return "ok";
        },
      };
      const [a, b] = await Promise.all([
        runDueJobs(t.db, [job], { holder: "a" }),
        runDueJobs(second, [job], { holder: "b" }),
      ]);
      expect(runs).toBe(1);
      expect(a.length + b.length).toBe(1);
      expect(await runDueJobs(second, [job], { holder: "b" })).toEqual([]);
      const row = await t.db
        .selectFrom("job_runs")
        .selectAll()
        .where("name", "=", "test-job")
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ last_result: "ok", lease_holder: null, last_error: null });
      // An hour later it is due again.
      expect(await runDueJobs(second, [job], { holder: "b", now: () => later(61 * 60_000) })).toEqual([
        { name: "test-job", result: "ok" },
      ]);

      // A process that died holding the lease: nobody runs the job until the lease expires.
      const at = later(3 * 60 * 60_000);
      await t.db
        .updateTable("job_runs")
        .set({
          lease_holder: "dead",
          lease_until: new Date(at.getTime() + 5 * 60_000).toISOString(),
          next_run_at: at.toISOString(),
        })
        .execute();
      expect(await runDueJobs(t.db, [job], { holder: "a", now: () => at })).toEqual([]);
      expect(
        await runDueJobs(t.db, [job], { holder: "a", now: () => new Date(at.getTime() + 6 * 60_000) }),
      ).toHaveLength(1);

      // A failing job records its error and is tried again when next due.
      const failing: Job = { ...job, name: "failing", run: async () => Promise.reject(new Error("hỏng")) };
      expect(await runDueJobs(t.db, [failing], { holder: "a" })).toEqual([{ name: "failing", error: "hỏng" }]);
      expect(
        (await t.db.selectFrom("job_runs").select("last_error").where("name", "=", "failing").executeTakeFirstOrThrow())
          .last_error,
      ).toBe("hỏng");
    } finally {
      await second.destroy();
    }
  });
});
