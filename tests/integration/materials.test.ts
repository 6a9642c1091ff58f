import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storageUse } from "../../app/domain/files/lifecycle";
import { streamIntoStore } from "../../app/domain/files/upload-stream";
import { createMaterial, ftsQuery, getMaterial, listMaterials } from "../../app/domain/materials/materials";
import type { MaterialInput } from "../../app/domain/materials/schemas";
import { getUnit } from "../../app/domain/units/units";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { canSeeMaterial } from "../../app/domain/auth/policies";

const dir = path.resolve("tmp", `uploads-materials-${process.pid}`);
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

async function* pdf(text: string) {
  yield Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}
const input = (over: Partial<MaterialInput> = {}): MaterialInput => ({
  title: "Chuyển đổi số: bài học Kỳ Lân",
  description: "Bài giảng điện tử về Đề án Phượng Hoàng",
  kind: "electure",
  subject: "Tin học",
  grades: [8, 9],
  topics: ["CDS"],
  keywords: [],
  integratesTopics: true,
  visibility: "school",
  linkUrl: "",
  ...over,
});

describe("learning materials", () => {
  it("are found by a search without accents or case, through the full-text index", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const id = await createMaterial(t.db, teacher, thcs, input(), {
      stored: await streamIntoStore(t.db, pdf("a")),
      name: "cds.pdf",
    });
    await createMaterial(
      t.db,
      teacher,
      thcs,
      input({
        title: "Robot dò đường Hải Âu",
        description: "",
        topics: ["STEM"],
        kind: "video",
        linkUrl: "https://video.example/robot",
      }),
    );
    for (const q of ["ky lan", "KỲ LÂN", "phuong hoang", "chuyen doi so ky", "ky"]) {
      const r = await listMaterials(t.db, teacher, { q }, { page: 1, pageSize: 20 });
      expect(
        r.rows.map((m) => m.id),
        q,
      ).toEqual([id]);
    }
    expect(ftsQuery('" OR 1=1 --')).toBe('"or"* "1"* "1"*');
    expect(
      (await listMaterials(t.db, teacher, { q: "robot hai au", kind: "video" }, { page: 1, pageSize: 20 })).total,
    ).toBe(1);
  });

  it("a school-only material is invisible to another school, visible to the commune; public ones to everyone", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const id = await createMaterial(t.db, teacher, thcs, input(), {
      stored: await streamIntoStore(t.db, pdf("b")),
      name: "x.pdf",
    });
    const m = (await getMaterial(t.db, id))!;
    const other = await actorOf(t.db, "bgh.tieuhoca@tanan.demo");
    expect(canSeeMaterial(other, m)).toBe(false);
    expect((await listMaterials(t.db, other, {}, { page: 1, pageSize: 50 })).rows.map((r) => r.id)).not.toContain(id);
    expect(canSeeMaterial(await actorOf(t.db, "lanhdao@tanan.demo"), m)).toBe(true);
    expect(canSeeMaterial(null, m)).toBe(false);
    const pub = await createMaterial(t.db, teacher, thcs, input({ visibility: "public", title: "Video công khai" }), {
      stored: await streamIntoStore(t.db, pdf("c")),
      name: "p.pdf",
    });
    const publicIds = (await listMaterials(t.db, null, {}, { page: 1, pageSize: 50 })).rows.map((r) => r.id);
    expect(publicIds).toContain(pub);
    expect(publicIds).not.toContain(id);
    await expect(createMaterial(t.db, other, thcs, input())).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an upload beyond the school's quota", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const usedBefore = (await storageUse(t.db, thcs.id)).used;
    await t.db
      .insertInto("school_quotas")
      .values({ school_id: thcs.id, bytes: usedBefore + 100 })
      .execute();
    const stored = await streamIntoStore(
      t.db,
      pdf("big enough to pass one hundred bytes of quota ........................................"),
    );
    await expect(createMaterial(t.db, teacher, thcs, input(), { stored, name: "q.pdf" })).rejects.toThrow(/dung lượng/);
    expect((await storageUse(t.db, thcs.id)).used).toBe(usedBefore);
  });
});

describe("storage quota", () => {
  it("is set by commune staff only", async () => {
    const { setQuota } = await import("../../app/domain/materials/materials");
    await setQuota(t.db, await actorOf(t.db, "vhxh@tanan.demo"), thcs.id, 500);
    expect((await storageUse(t.db, thcs.id)).quota).toBe(500 * 1024 * 1024);
    await expect(setQuota(t.db, await actorOf(t.db, "bgh.thcs@tanan.demo"), thcs.id, 5000)).rejects.toMatchObject({
      status: 403,
    });
    await expect(setQuota(t.db, await actorOf(t.db, "lanhdao@tanan.demo"), thcs.id, 5000)).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("review fixes: materials", () => {
  it("filters by grade as a whole number (1 is not 11)", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const id = await createMaterial(
      t.db,
      teacher,
      thcs,
      input({ grades: [1], title: "Lớp một Sơn Ca", linkUrl: "https://x.example/1" }),
    );
    const r = await listMaterials(t.db, teacher, { grade: 1 }, { page: 1, pageSize: 50 });
    expect(r.rows.map((m) => m.id)).toEqual([id]);
  });
});
