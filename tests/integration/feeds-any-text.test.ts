/**
 * The public RSS feed and the calendar feeds stay valid whatever a record's text holds, even text stored
 * before it was cleaned at the boundary (written here straight into the database): control characters,
 * lone surrogates, U+FFFE/U+FFFF.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedIcs } from "../../app/domain/activities/calendar-feed";
import { publicFeed } from "../../app/domain/materials/public";
import { cleanText } from "../../app/domain/shared/text";
import { getUnit } from "../../app/domain/units/units";
import { createTestDb, unitIdByCode, type TestDb } from "../support/db";
import { insertActivity } from "../support/fixtures";
import { xmlError } from "../support/xml";

let t: TestDb;
let thcs: number;
beforeAll(async () => {
  t = await createTestDb({ demo: true });
  thcs = await unitIdByCode(t.db, "thcs-tanan");
});
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
        // RFC 5545: content lines end in CRLF; no other control character but a tab.
        expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
        expect(ics).not.toMatch(/[\ud800-\udfff]/u);
        await t.db.deleteFrom("activities").where("id", "=", id).execute();
      }),
      { numRuns: 30 },
    );
  });
});
