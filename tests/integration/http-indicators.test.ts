import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { communeId } from "../../app/domain/overview/dashboard";
import { reportPeriod } from "../../app/domain/reports/report-periods";
import { computeIndicators } from "../../app/domain/indicators/engine";
import { parsePeriod } from "../../app/domain/shared/periods";
import { createDb, type DB } from "../../db/connection";
import { http, loginAs } from "../support/http";
import { serverAll, serverOne } from "../support/server-db";

const base = inject("baseUrl");
let db: DB;
const cookies: Record<string, string> = {};
const school = (code: string) => serverOne<{ id: number }>("select id from units where code = ?", code).id;

beforeAll(async () => {
  db = createDb(inject("serverDbFile"));
  for (const who of ["vhxh", "lanhdao", "bgh.thcs", "gv.thcs", "bgh.tieuhocb"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});
afterAll(() => db.destroy());

async function download(path: string, who: string) {
  const res = await fetch(base + path, { headers: { Cookie: cookies[who] }, redirect: "manual" });
  return { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
}

describe("indicators over HTTP", () => {
  it("the commune sees every indicator with server-rendered charts; a school sees its own; no one sees another school's", async () => {
    const page = await http(base, "/indicators?period=2026", { cookie: cookies.vhxh });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Chỉ tiêu Kế hoạch: toàn xã");
    expect(page.text).toContain("NQ57-30b");
    expect(page.text.match(/class="recharts-surface"/g)?.length).toBeGreaterThanOrEqual(8); // comparisons + trend, drawn on the server
    expect((await http(base, "/indicators", { cookie: cookies["gv.thcs"] })).status).toBe(403); // teachers: not their section
    const own = await http(base, "/indicators?period=2026", { cookie: cookies["bgh.thcs"] });
    expect(own.text).toContain("Chỉ tiêu Kế hoạch: Trường THCS Tân An");
    expect(own.text).not.toContain("NQ57-30b"); // commune-only indicator
    expect(
      (await http(base, `/indicators?school=${school("th-tanan-a")}`, { cookie: cookies["bgh.thcs"] })).status,
    ).toBe(404);
    expect((await http(base, "/indicators/NQ57-30b", { cookie: cookies["bgh.thcs"] })).status).toBe(404);
  });

  it("a figure opens to its records: names for the school's own staff, counts for the commune", async () => {
    const thcs = school("thcs-tanan");
    // The first page lists reached people by name (the page's order); take a pupil from it.
    const firstPage = serverAll<{ full_name: string; category: string }>(
      `select distinct p.id, p.full_name, p.category, p.name_key from attendance a join people p on p.id = a.person_id
       join activity_topics t on t.activity_id = a.activity_id and t.topic_code = 'NQ57' join activities x on x.id = a.activity_id
       where p.unit_id = ? and p.category in ('students', 'teachers', 'school_managers') and a.status in ('present', 'late')
         and x.status != 'cancelled' and x.starts_at >= '2025-12-31T17:00' and x.starts_at < '2026-12-31T17:00' order by p.name_key limit 50`,
      thcs,
    );
    const student = firstPage.find((p) => p.category === "students")!.full_name;
    const mine = await http(base, `/indicators/SCH-2.1?period=2026&school=${thcs}`, { cookie: cookies["bgh.thcs"] });
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(student);
    const commune = await http(base, `/indicators/SCH-2.1?period=2026&school=${thcs}`, { cookie: cookies.vhxh });
    expect(commune.text).toContain("Số người đã được tuyên truyền theo đơn vị");
    expect(commune.text).not.toContain(student);
    // The leader: staff by name (table 0), students as counts (table 1); together, every person reached once.
    const csv = (table: number, who = "lanhdao") =>
      http(base, `/indicators/SCH-2.1/csv?period=2026&school=${thcs}&table=${table}`, { cookie: cookies[who] }).then(
        (r) => {
          expect(r.text).not.toContain(student);
          return parse(r.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
        },
      );
    const staff = await csv(0);
    expect(new Set(staff.map((r) => r["Đối tượng"]))).toEqual(new Set(["Giáo viên", "Cán bộ quản lý giáo dục"]));
    const pupils = await csv(1);
    expect(pupils.map((r) => r["Đối tượng"])).toEqual(["Học sinh"]);
    const reached = serverOne<{ n: number }>(
      `select count(distinct p.id) as n from attendance a join people p on p.id = a.person_id
       join activity_topics t on t.activity_id = a.activity_id and t.topic_code = 'NQ57' join activities x on x.id = a.activity_id
       where p.unit_id = ? and p.category in ('students', 'teachers', 'school_managers') and a.status in ('present', 'late')
         and x.status != 'cancelled' and x.starts_at >= '2025-12-31T17:00' and x.starts_at < '2026-12-31T17:00'`,
      thcs,
    ).n;
    expect(staff.length + Number(pupils[0]["Số người"])).toBe(reached);
    const expected = (await computeIndicators(db, { kind: "school", schoolId: thcs }, parsePeriod("2026")!)).find(
      (f) => f.code === "SCH-2.1",
    )!;
    expect(expected.numerator).toBeLessThanOrEqual(reached); // at most the headcount per category counts
  });

  it("who has not been reached yet: by name for the school (Excel download), students as counts for the commune", async () => {
    const thcs = school("thcs-tanan");
    const roster = serverOne<{ n: number }>(
      `select count(*) as n from people where unit_id = ? and category in ('students', 'teachers', 'school_managers')
         and (left_on is null or left_on >= '2026-01-01')`,
      thcs,
    ).n;
    const page = await http(base, `/indicators/SCH-2.1?period=2026&school=${thcs}`, { cookie: cookies["bgh.thcs"] });
    expect(page.text).toContain("Người chưa được tuyên truyền trong kỳ");
    // Tables for the principal: reached by name (0), not yet reached by name (1).
    const file = await download(`/indicators/SCH-2.1/xlsx?period=2026&school=${thcs}&table=1`, "bgh.thcs");
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell("A1").value)).toBe("Người chưa được tuyên truyền trong kỳ");
    expect(sheet.getRow(3).values).toContain("Họ và tên");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: "3:3" });
    const notReached = sheet.rowCount - 3;
    const reached = await download(`/indicators/SCH-2.1/xlsx?period=2026&school=${thcs}&table=0`, "bgh.thcs");
    const reachedBook = new ExcelJS.Workbook();
    await reachedBook.xlsx.load(reached.body as unknown as ArrayBuffer);
    expect(notReached + reachedBook.worksheets[0].rowCount - 3).toBe(roster); // everyone on the roster, once
    // Commune staff: the students not reached are a count, never names.
    const pupil = serverOne<{ full_name: string }>(
      `select full_name from people where unit_id = ? and category = 'students' and id not in (
         select a.person_id from attendance a join activity_topics t on t.activity_id = a.activity_id and t.topic_code = 'NQ57'
         join activities x on x.id = a.activity_id
         where a.status in ('present', 'late') and x.status != 'cancelled'
           and x.starts_at >= '2025-12-31T17:00' and x.starts_at < '2026-12-31T17:00')
       limit 1`,
      thcs,
    ).full_name;
    const communeView = await http(base, `/indicators/SCH-2.1?period=2026&school=${thcs}`, { cookie: cookies.vhxh });
    expect(communeView.text).toContain("Số người chưa được tuyên truyền trong kỳ theo đơn vị");
    expect(communeView.text).not.toContain(pupil);
  });

  it("the commune's report downloads as DOCX, XLSX and CSV holding the engine's numbers; schools cannot download it", async () => {
    // The report counts its own period (11/12/2025 – 10/6/2026), not the calendar half-year.
    const period = await reportPeriod(db, await communeId(db), "2026-H1");
    expect([period.startDate, period.endDateExclusive]).toEqual(["2025-12-11", "2026-06-11"]);
    const expected = await computeIndicators(db, { kind: "commune", communeId: await communeId(db) }, period);
    const reached = expected.find((f) => f.code === "NQ57-25a")!;

    const xlsx = await download("/reports/2026-H1/export?unit=commune&format=xlsx", "vhxh");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const summary = book.getWorksheet("Tổng hợp")!;
    const values: Record<string, unknown> = {};
    summary.eachRow((row) => {
      const name = String(row.getCell(2).value ?? "");
      const code = /\(([^)]+)\)$/.exec(name)?.[1];
      if (code) values[code] = row.getCell(5).value;
    });
    for (const f of expected) expect(values[f.code] ?? null, f.code).toBe(f.value);
    const schoolsSheet = book.getWorksheet("Trường học")!;
    expect(schoolsSheet.rowCount).toBeGreaterThanOrEqual(6); // header + five schools + "Toàn xã"

    const docx = await download("/reports/2026-H1/export?unit=commune&format=docx", "lanhdao");
    expect(docx.type).toContain("wordprocessingml");
    const xml = await (await JSZip.loadAsync(docx.body)).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW 6 tháng đầu năm 2026");
    expect(text).toContain(`${reached.numerator}/${reached.denominator}`);

    const csv = await http(base, "/reports/2026-H1/export?unit=commune&format=csv", { cookie: cookies.vhxh });
    const rows = parse(csv.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(Number(rows.find((r) => r["Mã"] === "NQ57-25a")!["Tử số"])).toBe(reached.numerator);

    expect((await download("/reports/2026-H1/export?unit=commune&format=docx", "bgh.thcs")).status).toBe(403);
    expect(
      (await download(`/reports/2026-H1/export?unit=${school("th-tanan-a")}&format=docx`, "bgh.thcs")).status,
    ).toBe(404);
    expect(
      (await download(`/reports/2026-H1/export?unit=${school("thcs-tanan")}&format=xlsx`, "bgh.thcs")).status,
    ).toBe(200);
  });

  it("only commune staff decide on reports; a school cannot approve its own or read another's", async () => {
    const thpt = school("thpt-tanan");
    const thcs = school("thcs-tanan");
    for (const who of ["bgh.thcs", "lanhdao"]) {
      const res = await http(base, `/reports/2026-H1/${thcs}`, { cookie: cookies[who], form: { intent: "approve" } });
      expect(res.status, who).toBe(403);
    }
    expect(
      serverOne<{ status: string }>("select status from reports where unit_id = ? and period_key = '2026-H1'", thcs)
        .status,
    ).toBe("submitted");
    expect((await http(base, `/reports/2026-H1/${thpt}`, { cookie: cookies["bgh.thcs"] })).status).toBe(404);
    expect(
      (
        await http(base, `/reports/2026-H1/${thcs}`, {
          cookie: cookies["bgh.tieuhocb"],
          form: { intent: "submit", narrative: "x" },
        })
      ).status,
    ).toBe(404);
    // Entering figures: a teacher may not; a school administrator enters only their school's.
    expect((await http(base, "/indicators/entered", { cookie: cookies["gv.thcs"] })).status).toBe(403);
    const bad = await http(base, "/indicators/entered", {
      cookie: cookies["bgh.thcs"],
      form: { period: "2026-H2", stem_students: "-5" },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Không được âm.");
    expect(bad.text).toContain('value="-5"'); // what was typed is kept
  });

  it("an approved report re-exports the figures its approval signed, whatever changes later; its page says where today's differ", async () => {
    const thpt = school("thpt-tanan");
    const path = `/reports/2025-H2/export?unit=${thpt}&format=xlsx`;
    const numbers = async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download(path, "vhxh")).body as unknown as ArrayBuffer);
      const out: unknown[][] = [];
      book.getWorksheet("Tổng hợp")!.eachRow((row) => out.push([2, 4, 5, 6, 7].map((c) => row.getCell(c).value)));
      return out;
    };
    const before = await numbers();
    const page = await http(base, `/reports/2025-H2/${thpt}`, { cookie: cookies.vhxh });
    expect(page.text).toContain("Báo cáo đã được duyệt");
    expect(page.text).toContain("11/06/2025 – 10/12/2025");
    expect(page.text).not.toContain("khác với số liệu đã duyệt");

    // A corrected headcount for 2025: today's computation moves, the signed report does not.
    await db
      .updateTable("headcounts")
      .set((eb) => ({ count: eb("count", "+", 50) }))
      .where("unit_id", "=", thpt)
      .where("year", "=", 2025)
      .execute();
    try {
      expect(await numbers()).toEqual(before);
      const after = await http(base, `/reports/2025-H2/${thpt}`, { cookie: cookies.vhxh });
      expect(after.text).toContain("khác với số liệu đã duyệt");
      const csv = await http(base, `/reports/2025-H2/export?unit=${thpt}&format=csv`, { cookie: cookies.vhxh });
      const signed = serverOne<{ figures_json: string }>(
        "select s.figures_json from report_snapshots s join reports r on r.id = s.report_id where r.unit_id = ? and r.period_key = '2025-H2'",
        thpt,
      );
      const stored = JSON.parse(signed.figures_json) as { code: string; numerator: number | null }[];
      const rows = parse(csv.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
      for (const f of stored)
        expect(rows.find((r) => r["Mã"] === f.code)!["Tử số"], f.code).toBe(
          f.numerator === null ? "" : String(f.numerator),
        );
    } finally {
      await db
        .updateTable("headcounts")
        .set((eb) => ({ count: eb("count", "-", 50) }))
        .where("unit_id", "=", thpt)
        .where("year", "=", 2025)
        .execute();
    }
  });
});
