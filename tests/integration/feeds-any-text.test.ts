/**
 * The public RSS feed and the calendar feeds stay valid whatever a record's text holds, even text stored
 * before it was cleaned at the boundary (written here straight into the database): control characters,
 * lone surrogates, U+FFFE/U+FFFF. The calendar feeds carry the half-year reports' deadlines and the commune's
 * cut-offs (issue 19) as all-day events with stable UIDs.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedIcs } from "../../app/domain/activities/calendar-feed";
import { publicFeed } from "../../app/domain/materials/public";
import { cleanText } from "../../app/domain/shared/text";
import { getUnit } from "../../app/domain/units/units";
import { setCutoff } from "../../app/domain/reports/report-periods";
import { actorOf, createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { insertActivity } from "../support/fixtures";
import { xmlError } from "../support/xml";

let t: TestDb;
let thcs: number;
let commune: number;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
  thcs = await unitIdByCode(t.db, "thcs-tanan");
  commune = (await t.db.selectFrom("units").select("id").where("kind", "=", "commune").executeTakeFirstOrThrow()).id;
  // Commune staff count the reports of the first half of 2030 up to 29/05 (the deadline stays 10/06).
  await setCutoff(t.db, await actorOf(t.db, "vhxh@tanan.demo"), commune, "2030-H1", "2030-05-29");
});

/** RFC 5545 in brief: CRLF line ends, lines folded at 75 octets, no control character but a tab, no lone surrogate. */
function expectValidIcs(ics: string) {
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  expect(ics).not.toMatch(/[\ud800-\udfff]/u);
  for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  expect(ics.match(/^BEGIN:VEVENT$/gm)?.length).toBe(ics.match(/^END:VEVENT$/gm)?.length);
}

/** The feed's events, each as its properties (lines unfolded; the parameters kept in the name, "DTSTART;VALUE=DATE"). */
function eventsOf(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}
afterAll(async () => {
  await t.close();
});

// PostgreSQL cannot store a NUL in text at all (SQLite can): the stored text there holds every other character.
const anyText = fc
  .string({ unit: "binary", minLength: 1, maxLength: 60 })
  .map((s) => (process.env.TEST_PG_URL ? s.replace(/\u0000/g, "\u0001") : s));
const at = new Date().toISOString();

describe("feeds, whatever a record's text holds", () => {
  it("the public RSS feed parses as XML and carries the material's title", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (title) => {
        const row = await t.db
          .insertInto("materials")
          .values({
            school_id: thcs,
            author_user_id: null,
            title,
            description: title,
            kind: "electure",
            subject: null,
            grades: "",
            integrates_topics: 0,
            visibility: "public",
            file_id: null,
            file_name: null,
            link_url: "https://example.edu.vn/bai",
            search_text: "",
            created_at: new Date(Date.now() + 60_000).toISOString(),
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const rss = await publicFeed(t.db, "https://stem.tanan.gov.vn");
        expect(xmlError(rss)).toBeNull();
        const expected = cleanText(title).trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        if (expected && !/[\]\s]/.test(expected)) expect(rss).toContain(expected);
        await t.db.deleteFrom("materials").where("id", "=", row.id).execute();
      }),
      { numRuns: 30 },
    );
  });

  it("a school's calendar feed has no control character but its CRLF line ends", async () => {
    const unit = (await getUnit(t.db, thcs))!;
    await fc.assert(
      fc.asyncProperty(anyText, async (title) => {
        const id = await insertActivity(t.db, { unitId: thcs, startsVietnam: "2026-12-20T08:00", status: "planned" });
        await t.db.updateTable("activities").set({ title, place: title }).where("id", "=", id).execute();
        const ics = await feedIcs(t.db, unit, "https://stem.tanan.gov.vn");
        expectValidIcs(ics);
        await t.db.deleteFrom("activities").where("id", "=", id).execute();
      }),
      { numRuns: 30 },
    );
  });

  it("an office's calendar feed, with the report deadlines and a cut-off, whatever the office's name holds", async () => {
    const office = await unitIdByCode(t.db, "office-kinhte");
    const before = (await getUnit(t.db, office))!.name;
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        await t.db.updateTable("units").set({ name }).where("id", "=", office).execute();
        const ics = await feedIcs(t.db, (await getUnit(t.db, office))!, "https://stem.tanan.gov.vn");
        expectValidIcs(ics);
        expect(ics).toContain(`UID:report-cutoff-2030-H1-unit-${office}@tan-an-stem`);
      }),
      { numRuns: 30 },
    );
    await t.db.updateTable("units").set({ name: before }).where("id", "=", office).execute();
  });
});

describe("the report deadlines and cut-offs in the calendar feeds (issue 19)", () => {
  const base = "https://stem.tanan.gov.vn";
  const feedOf = async (unitId: number) => eventsOf(await feedIcs(t.db, (await getUnit(t.db, unitId))!, base));
  const byUid = (events: Record<string, string>[], uid: string) => events.filter((e) => e.UID === uid);

  it("a school's feed: each half-year's deadline and the commune's cut-off, all-day, with UIDs that stay", async () => {
    const events = await feedOf(thcs);
    const [deadline] = byUid(events, `report-deadline-2030-H1-unit-${thcs}@tan-an-stem`);
    expect(deadline).toMatchObject({
      "DTSTART;VALUE=DATE": "20300610",
      "DTEND;VALUE=DATE": "20300611",
      SUMMARY: "Hạn nộp báo cáo 6 tháng đầu năm 2030",
      "URL;VALUE=URI": `${base}/reports/2030-H1/${thcs}`,
      TRANSP: "TRANSPARENT",
    });
    expect(deadline.DESCRIPTION).toContain("hạn 10/06/2030. Số liệu tính đến hết ngày 29/05/2030.");
    expect(byUid(events, `report-deadline-2030-H2-unit-${thcs}@tan-an-stem`)[0]).toMatchObject({
      "DTSTART;VALUE=DATE": "20301210",
      SUMMARY: "Hạn nộp báo cáo 6 tháng cuối năm 2030",
    });
    expect(byUid(events, `report-cutoff-2030-H1-unit-${thcs}@tan-an-stem`)).toEqual([
      expect.objectContaining({
        "DTSTART;VALUE=DATE": "20300529",
        "DTEND;VALUE=DATE": "20300530",
        SUMMARY: "Chốt số liệu báo cáo 6 tháng đầu năm 2030",
      }),
    ]);
    // No cut-off event where the cut-off is the deadline itself (every other half-year here).
    expect(events.filter((e) => e.UID.startsWith("report-cutoff-")).map((e) => e.UID)).toEqual([
      `report-cutoff-2030-H1-unit-${thcs}@tan-an-stem`,
    ]);
    // The deadlines of half-years long past are left out, as the activities are (180 days).
    expect(byUid(events, `report-deadline-2025-H1-unit-${thcs}@tan-an-stem`)).toEqual([]);

    // Commune staff move the cut-off: the same event moves (same UID, one event), nothing is added.
    await setCutoff(t.db, await actorOf(t.db, "vhxh@tanan.demo"), commune, "2030-H1", "2030-05-25");
    const moved = byUid(await feedOf(thcs), `report-cutoff-2030-H1-unit-${thcs}@tan-an-stem`);
    expect(moved.map((e) => e["DTSTART;VALUE=DATE"])).toEqual(["20300525"]);
    await setCutoff(t.db, await actorOf(t.db, "vhxh@tanan.demo"), commune, "2030-H1", "2030-05-29");
  });

  it("an office's feed and the commune's (whose staff approve) carry them too, each with its own UIDs and page", async () => {
    const office = await unitIdByCode(t.db, "office-vhxh");
    const officeDeadline = byUid(await feedOf(office), `report-deadline-2030-H2-unit-${office}@tan-an-stem`)[0];
    expect(officeDeadline).toMatchObject({
      "DTSTART;VALUE=DATE": "20301210",
      SUMMARY: "Hạn nộp báo cáo 6 tháng cuối năm 2030",
      "URL;VALUE=URI": `${base}/reports/2030-H2/${office}`,
    });
    const communeEvents = await feedOf(commune);
    expect(byUid(communeEvents, `report-deadline-2030-H1-unit-${commune}@tan-an-stem`)[0]).toMatchObject({
      "DTSTART;VALUE=DATE": "20300610",
      SUMMARY: "Hạn các đơn vị nộp báo cáo 6 tháng đầu năm 2030",
      "URL;VALUE=URI": `${base}/reports?period=2030-H1`,
    });
    expect(byUid(communeEvents, `report-cutoff-2030-H1-unit-${commune}@tan-an-stem`)).toHaveLength(1);
    // Every UID of a feed is its own.
    const uids = communeEvents.map((e) => e.UID);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
