import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { communeOverview } from "../../app/domain/units/overview";
import { createUnit, getHeadcounts, getUnit, saveHeadcounts } from "../../app/domain/units/units";
import { DomainError } from "../../app/domain/shared/errors";
import { backup } from "../../db/backup";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
});
afterEach(async () => {
  await t.close();
});

describe("units and headcounts", () => {
  it("the demo has the commune, its offices, five schools of every level and hamlets", async () => {
    const o = await communeOverview(t.db, 2026);
    expect(o.schools.map((s) => s.school_level)).toEqual([
      "preschool",
      "primary",
      "primary",
      "lower_secondary",
      "upper_secondary",
    ]);
    expect(o.offices.length).toBeGreaterThanOrEqual(4);
    expect(o.hamlets.length).toBeGreaterThanOrEqual(5);
    const thcs = o.schools.find((s) => s.code === "thcs-tanan")!;
    expect(thcs.headcount?.teachers).toBe(49);
    expect(o.totals.students).toBe(o.schools.reduce((n, s) => n + (s.headcount?.students ?? 0), 0));
  });

  it("a school administrator saves their own school's headcounts (audited), not another school's", async () => {
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const thcs = (await getUnit(t.db, await unitIdByCode(t.db, "thcs-tanan")))!;
    const thpt = (await getUnit(t.db, await unitIdByCode(t.db, "thpt-tanan")))!;
    await saveHeadcounts(t.db, principal, thcs, 2027, { "teachers:0": 50, "students:6": 181 });
    const slots = await getHeadcounts(t.db, thcs, 2027);
    expect(slots.find((s) => s.category === "teachers")?.count).toBe(50);
    expect(slots.find((s) => s.category === "students" && s.grade === 6)?.count).toBe(181);
    expect(slots.find((s) => s.category === "students" && s.grade === 7)?.count).toBeNull();
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "headcount").execute();
    expect(audit).toHaveLength(2);
    await saveHeadcounts(t.db, principal, thcs, 2027, { "teachers:0": 51 });
    const last = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "headcount")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(last.before_json!)).toEqual({ count: 50 });
    expect(JSON.parse(last.after_json!)).toEqual({ count: 51 });
    await expect(saveHeadcounts(t.db, principal, thpt, 2027, { "teachers:0": 1 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(saveHeadcounts(t.db, principal, thcs, 2027, { "students:12": 1 })).rejects.toBeInstanceOf(DomainError);
    const leader = await actorOf(t.db, "lanhdao@tanan.demo");
    await expect(saveHeadcounts(t.db, leader, thcs, 2027, { "teachers:0": 1 })).rejects.toMatchObject({ status: 403 });
    // Two saves of a new figure at once (a double click, two colleagues): both answered, one row.
    await Promise.all([
      saveHeadcounts(t.db, principal, thcs, 2031, { "teachers:0": 40 }),
      saveHeadcounts(t.db, principal, thcs, 2031, { "teachers:0": 41 }),
    ]);
    expect(
      await t.db
        .selectFrom("headcounts")
        .select("count")
        .where("unit_id", "=", thcs.id)
        .where("year", "=", 2031)
        .execute(),
    ).toHaveLength(1);
  });

  it("only the system administrator adds units; a school needs its level", async () => {
    const admin = await actorOf(t.db, "admin@tanan.demo");
    const id = await createUnit(t.db, admin, {
      kind: "school",
      name: "Trường Tiểu học Tân An C",
      schoolLevel: "primary",
    });
    expect((await getUnit(t.db, id))?.code).toBe("school-truong-tieu-hoc-tan-an-c");
    await expect(
      createUnit(t.db, admin, { kind: "school", name: "Trường Tiểu học Tân An C", schoolLevel: "primary" }),
    ).rejects.toMatchObject({
      field: "name",
    });
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    await expect(createUnit(t.db, staff, { kind: "hamlet", name: "Ấp Mới" })).rejects.toMatchObject({ status: 403 });
  });
});

// `npm run backup` copies the SQLite file with SQLite's online backup; on PostgreSQL the README says pg_dump.
describe.skipIf(!!process.env.TEST_PG_URL)("backup (SQLite)", () => {
  it("writes a consistent copy of the database and uploads that restores with the data", async () => {
    const uploads = process.env.UPLOAD_DIR!; // where the demo stored its media
    const out = path.join(path.dirname(t.file), `backups-${Date.now()}`);
    // The app keeps writing while the backup runs.
    const admin = await actorOf(t.db, "admin@tanan.demo");
    const writing = createUnit(t.db, admin, { kind: "hamlet", name: "Ấp Sao Lưu" });
    const result = await backup({ outRoot: out, dbFile: t.file, uploads });
    await writing;
    expect(path.basename(result.dir)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    const named = await t.db.selectFrom("stored_files").select("sha256").execute();
    expect(result.files).toBe(named.length);
    expect(result.missing).toEqual([]);
    for (const { sha256 } of named)
      expect(fs.existsSync(path.join(result.uploadsDir, "objects", sha256.slice(0, 2), sha256))).toBe(true);
    // Restore: the backup file opens as a database with the demo in it.
    const restoredFile = path.join(out, "restored.db");
    fs.copyFileSync(result.databaseFile, restoredFile);
    const restored = new SQLite(restoredFile, { readonly: true });
    const users = restored.prepare("select email from users where email = ?").get("vhxh@tanan.demo");
    const schools = restored.prepare("select count(*) n from units where kind = 'school'").get() as { n: number };
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
    expect(users).toEqual({ email: "vhxh@tanan.demo" });
    expect(schools.n).toBe(5);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
