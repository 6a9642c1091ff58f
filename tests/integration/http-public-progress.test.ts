/**
 * The public progress page (clauses I and III.1.1): the commune's figures for everyone, the same as the engine
 * gives /indicators, in the page, the frame other sites embed and the RSS feed; never a name or a note.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { computeIndicators } from "../../app/domain/indicators/engine";
import { communeId } from "../../app/domain/overview/dashboard";
import { figureSentence } from "../../app/domain/overview/public-progress";
import { formatFigure } from "../../app/domain/shared/figures";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createDb, type DB } from "../../db/connection";
import { http, loginAs } from "../support/http";
import { serverAll, serverOne } from "../support/server-db";
import { xmlError } from "../support/xml";

const base = inject("baseUrl");
let db: DB;
beforeAll(() => {
  db = createDb(inject("serverDbFile"));
});
afterAll(() => db.destroy());

const unescape = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

/** The card that holds a figure (it carries the code as its id). */
function rowOf(html: string, code: string): string {
  const at = html.indexOf(`<li id="${code}"`);
  expect(at, code).toBeGreaterThan(0);
  return unescape(html.slice(at, html.indexOf("</li>", at)));
}

describe("the public progress page", () => {
  it("shows, without login, every commune figure as the engine computes it, the same in the embed and the feed", async () => {
    const commune = await communeId(db);
    const [page, embed, feed] = await Promise.all(
      ["/public/progress", "/public/progress/embed", "/public/progress.xml"].map((p) =>
        http(base, `${p}?period=2025&commune=${commune}`),
      ),
    );
    const figures = await computeIndicators(db, { kind: "commune", communeId: commune }, parsePeriod("2025")!);
    expect(figures.length).toBeGreaterThan(20);
    for (const r of [page, embed, feed]) expect(r.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("application/rss+xml");
    expect(xmlError(feed.text)).toBeNull();
    const titles = [...feed.text.matchAll(/<item>\s*<title><!\[CDATA\[(.*?)\]\]><\/title>/gs)].map((m) => m[1]);
    expect(titles).toHaveLength(figures.length);
    for (const f of figures) {
      for (const html of [page.text, embed.text]) {
        const row = rowOf(html, f.code);
        expect(row, f.code).toContain(f.value === null ? "Chưa có số liệu" : formatFigure(f.value, f.unit));
        if (f.numerator !== null && f.denominator !== null)
          expect(row, f.code).toContain(
            `${formatFigure(f.numerator, "count")}/${formatFigure(f.denominator, "count")}`,
          );
        expect(row, f.code).toContain(f.statusLabel);
      }
      expect(titles, f.code).toContain(`${f.name}: ${figureSentence(f)}`);
    }
    // Hand-checked against the demo: NQ57-25b is the plan's five forms, four used in 2025.
    expect(rowOf(page.text, "NQ57-25b")).toContain("Chưa đạt");
    expect(page.text).toContain('class="recharts-surface"'); // the trend chart, drawn on the server
  });

  it("names no one and carries none of the notes or records behind the figures", async () => {
    const commune = await communeId(db);
    const figures = await computeIndicators(db, { kind: "commune", communeId: commune }, parsePeriod("2025")!);
    const notes = figures.flatMap((f) => f.notes ?? []);
    expect(notes.length).toBeGreaterThan(0); // the demo has notes to hide
    const texts = await Promise.all(
      ["/public/progress", "/public/progress/embed", "/public/progress.xml"].map(async (p) =>
        unescape((await http(base, `${p}?period=2025`)).text),
      ),
    );
    const names = serverAll<{ full_name: string }>("select distinct full_name from people").map((p) => p.full_name);
    expect(names.length).toBeGreaterThan(1000);
    for (const text of texts) {
      for (const note of notes) expect(text).not.toContain(note);
      const named = names.filter((n) => text.includes(n));
      expect(named).toEqual([]);
      expect(text).not.toContain("/indicators/"); // no way into the records from here
    }
  });

  it("the embed may be framed by any site and shows no account; the page itself by none", async () => {
    const cookie = await loginAs(base, "vhxh@tanan.demo");
    const embed = await http(base, "/public/progress/embed", { cookie });
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.text).not.toContain("Đăng xuất");
    expect(embed.text).not.toContain("vhxh@tanan.demo"); // not even in the page's data
    const page = await http(base, "/public/progress");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.text).toContain("/public/progress/embed?commune=");
  });

  it("a unit that is not a commune in service, or an odd period, gets no figures", async () => {
    const school = serverOne<{ id: number }>("select id from units where code = 'thcs-tanan'").id;
    for (const p of ["/public/progress", "/public/progress/embed", "/public/progress.xml"]) {
      expect((await http(base, `${p}?commune=${school}`)).status).toBe(404);
      expect((await http(base, `${p}?commune=abc`)).status).toBe(200); // not an id: the first commune
    }
    const odd = await http(base, "/public/progress?period=2099-H7");
    expect(odd.status).toBe(200); // an unknown period: the current year
    expect(odd.text).toContain("Năm 2026");
  });
});
