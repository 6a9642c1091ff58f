/**
 * Issue 17, "done when": every surface says the same figure. For the calendar year, the commune's /indicators
 * page, each figure's drill-down and the public page show what the engine computes; for a half-year report, the
 * XLSX of a school and of an office holds the engine's figures over the report's own period (or, approved, the
 * figures its approval signed).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { computeIndicators, unitScope } from "../../app/domain/indicators/engine";
import { communeId } from "../../app/domain/overview/dashboard";
import { reportPeriodOfUnit } from "../../app/domain/reports/report-periods";
import { getReport } from "../../app/domain/reports/reports";
import { signedFiguresFor } from "../../app/domain/reports/signed-figures";
import { formatFigure } from "../../app/domain/shared/figures";
import { parsePeriod } from "../../app/domain/shared/periods";
import { getUnit } from "../../app/domain/units/units";
import { createDb, type DB } from "../../db/connection";
import { http, loginAs } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
let db: DB;
let cookie: string;
beforeAll(async () => {
  db = createDb(inject("serverDbFile"));
  cookie = await loginAs(base, "vhxh@tanan.demo");
});
afterAll(() => db.destroy());

const unescape = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

/** The table row of /indicators that links to a figure's drill-down. */
function rowOf(html: string, code: string): string {
  const at = html.indexOf(`href="/indicators/${encodeURIComponent(code)}?`);
  expect(at, code).toBeGreaterThan(0);
  return unescape(html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at)));
}

const shown = (f: { value: number | null; unit: "percent" | "count" }) =>
  f.value === null ? "Chưa có số liệu" : formatFigure(f.value, f.unit);

describe("every surface says the same figure", () => {
  it("the commune's 2026: /indicators, each drill-down and the public page show the engine's value", async () => {
    const commune = await communeId(db);
    const [page, publicPage] = await Promise.all([
      http(base, "/indicators?period=2026", { cookie }),
      http(base, `/public/progress?period=2026&commune=${commune}`),
    ]);
    const figures = await computeIndicators(db, { kind: "commune", communeId: commune }, parsePeriod("2026")!);
    expect(figures.map((f) => f.code)).toEqual(
      expect.arrayContaining(["REP-V.2", "COM-1.1", "COM-1.1-BDHVS", "SEND-1.2", "BUD-V.1", "SCH-2.7-BD"]),
    );
    for (const f of figures) {
      expect(rowOf(page.text, f.code), f.code).toContain(shown(f));
      const drill = unescape(
        (await http(base, `/indicators/${encodeURIComponent(f.code)}?period=2026`, { cookie })).text,
      );
      expect(drill, f.code).toContain(`<dt>Kết quả</dt><dd>${shown(f)}`);
      const card = unescape(publicPage.text.slice(publicPage.text.indexOf(`<li id="${f.code}"`)));
      expect(card.slice(0, card.indexOf("</li>")), f.code).toContain(shown(f));
    }
  });

  it("a school's and an office's 2026-H1 XLSX hold the engine's figures over the report period (or those signed)", async () => {
    for (const code of ["thcs-tanan", "mn-tanan", "office-kinhte", "office-vhxh"]) {
      const unit = (await getUnit(db, serverOne<{ id: number }>("select id from units where code = ?", code).id))!;
      const report = await getReport(db, unit.id, "2026-H1");
      const signed = report ? await signedFiguresFor(db, report) : undefined;
      const expected =
        signed?.figures ??
        (await computeIndicators(db, unitScope(unit), await reportPeriodOfUnit(db, unit.id, "2026-H1")));
      const res = await fetch(`${base}/reports/2026-H1/export?unit=${unit.id}&format=xlsx`, {
        headers: { Cookie: cookie },
      });
      expect(res.status, code).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const values: Record<string, unknown> = {};
      book.getWorksheet("Tổng hợp")!.eachRow((row) => {
        const found = /\(([^)]+)\)$/.exec(String(row.getCell(2).value ?? ""))?.[1];
        if (found) values[found] = row.getCell(5).value;
      });
      expect(Object.keys(values).length, code).toBe(expected.length);
      for (const f of expected) expect(values[f.code] ?? null, `${code} ${f.code}`).toBe(f.value);
    }
  });
});
