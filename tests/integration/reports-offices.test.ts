/**
 * Plan V.2: "các cơ quan chuyên môn thuộc UBND xã" report by 10/6 and 10/12 like the schools (issue 17, decision
 * 012). An office's staff prepare and submit its report, commune staff approve it (locking the office's records of
 * the period), and REP-V.2 counts the offices' reports with the schools'.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indicatorValue } from "../../app/domain/indicators/engine";
import { unitReportDocument } from "../../app/domain/reports/report-data";
import {
  approveReport,
  getReport,
  reopenReport,
  reportOverview,
  saveDraft,
  submitReport,
} from "../../app/domain/reports/reports";
import { reportPeriod } from "../../app/domain/reports/report-periods";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit } from "../../app/domain/units/units";
import type { Unit } from "../../db/schema";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";

let t: TestDb;
let kinhte: Unit;
let communeId: number;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
  kinhte = (await getUnit(t.db, await unitIdByCode(t.db, "office-kinhte")))!;
  communeId = kinhte.parent_id!;
});
afterEach(() => t.close());

/** 5 December 2026, before the H2 deadline (10/12). */
const NOW = new Date("2026-12-05T03:00:00Z");
const AFTER_H2 = new Date("2026-12-17T03:00:00Z");
const locksOfH2 = () =>
  t.db
    .selectFrom("period_locks")
    .selectAll()
    .where("unit_id", "=", kinhte.id)
    .where("period_key", "=", "2026-H2")
    .execute();
const rep = (period: string, now = NOW) =>
  indicatorValue(t.db, "REP-V.2", { kind: "commune", communeId }, parsePeriod(period)!, now);

describe("the offices' half-year reports", () => {
  it("REP-V.2 counts the four offices with the five schools (demo figures worked by hand)", async () => {
    // 2026 (H2 not yet due): schools on time mn 05/6, THCS 09/6, TH B 08/6 (returned later) — not THPT (13/6) nor
    // TH A (draft); offices on time VH-XH 08/6, Kinh tế 10/6, Văn phòng 09/6 — not the service centre (none). 6/9.
    expect(await rep("2026")).toMatchObject({ numerator: 6, denominator: 9, value: 66.7, status: "behind" });
    // 2025: H1 all nine on time; H2 late: TH B (12/12) and the service centre (15/12). 16/18.
    expect(await rep("2025")).toMatchObject({ numerator: 16, denominator: 18, value: 88.9 });
    const overview = await reportOverview(t.db, "2026-H1", NOW, communeId);
    expect(overview.map((o) => o.unit.kind)).toEqual([...Array(4).fill("office"), ...Array(5).fill("school")]);
    expect(overview.find((o) => o.unit.code === "office-hanhchinhcong")).toMatchObject({
      status: "missing",
      timeliness: "overdue",
    });
  });

  it("an office's staff prepare and submit; commune staff approve (locking the office's period) and reopen", async () => {
    const officer = await actorOf(t.db, "kinhte@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    await submitReport(t.db, officer, kinhte, "2026-H2", "Phòng đã phổ biến Kế hoạch đến 8 công chức.", NOW);
    const report = (await getReport(t.db, kinhte.id, "2026-H2"))!;
    expect(report).toMatchObject({ status: "submitted", submitted_by: officer.userId });
    // Submitted by 10/12: on time, so REP-V.2 for the half-year will count it once due.
    expect(await rep("2026-H2", AFTER_H2)).toMatchObject({ numerator: 1, denominator: 9 });

    await approveReport(t.db, staff, report.id, AFTER_H2);
    const period = await reportPeriod(t.db, communeId, "2026-H2");
    expect(await locksOfH2()).toMatchObject([
      { start_date: period.startDate, end_date_exclusive: period.endDateExclusive },
    ]);
    await reopenReport(t.db, staff, report.id, "Bổ sung số liệu tập huấn");
    expect((await getReport(t.db, kinhte.id, "2026-H2"))!.status).toBe("returned");
    expect(await locksOfH2()).toEqual([]);
  });

  it("no one else prepares an office's report, and an office's staff prepare nothing else", async () => {
    const officer = await actorOf(t.db, "kinhte@tanan.demo");
    const principal = await actorOf(t.db, "bgh.thcs@tanan.demo");
    const staff = await actorOf(t.db, "vhxh@tanan.demo");
    const school = (await getUnit(t.db, await unitIdByCode(t.db, "th-tanan-a")))!;
    const vanphong = (await getUnit(t.db, await unitIdByCode(t.db, "office-vanphong")))!;
    // A principal sees the commune's offices (403), not another school (404); commune staff approve, not prepare.
    await expect(saveDraft(t.db, principal, kinhte, "2026-H2", "x", NOW)).rejects.toMatchObject({ status: 403 });
    await expect(saveDraft(t.db, staff, kinhte, "2026-H2", "x", NOW)).rejects.toMatchObject({ status: 403 });
    await expect(saveDraft(t.db, officer, school, "2026-H2", "x", NOW)).rejects.toMatchObject({ status: 404 });
    await expect(saveDraft(t.db, officer, vanphong, "2026-H2", "x", NOW)).rejects.toMatchObject({ status: 403 });
    const submitted = (await getReport(t.db, await unitIdByCode(t.db, "thcs-tanan"), "2026-H1"))!;
    await expect(approveReport(t.db, officer, submitted.id, AFTER_H2)).rejects.toMatchObject({ status: 403 });
  });

  it("an office's report document: its own heading and signer, the indicators about any unit, none of a school's", async () => {
    const doc = await unitReportDocument(t.db, kinhte, parsePeriod("2026-H1")!, "Đánh giá của phòng.");
    expect(doc.issuer).toEqual(["UBND XÃ TÂN AN", "PHÒNG KINH TẾ"]);
    expect(doc.signature.capacity).toEqual(["TRƯỞNG PHÒNG"]);
    expect(doc.number).toBe("Số:       /BC-KT"); // the demo office's own abbreviation
    const codes = doc.indicators.map((i) => i.code);
    expect(codes).toContain("NQ57-25a");
    expect(codes.some((c) => c.startsWith("SCH-"))).toBe(false);
    expect(codes).not.toContain("REP-V.2"); // a commune figure
    expect(doc.units).toEqual([{ unitName: "Phòng Kinh tế", values: expect.any(Object) }]);
  });
});
