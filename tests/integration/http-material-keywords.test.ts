/**
 * Issue 20, materials: free keywords beside the plan's topics (cleaned, limited, shown, searched), the file first in
 * the form (a refused file sent first still returns what was typed), the grade filter offering the viewer's school's
 * grades, and the PDF preview drawn in the page (no frame of the file any more).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { http, loginAs } from "../support/http";
import { readListSheet } from "../support/list-sheet";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const cookies: Record<string, string> = {};
beforeAll(async () => {
  for (const who of ["gv.thcs", "bgh.tieuhoca", "vhxh", "lanhdao"])
    cookies[who] = await loginAs(base, `${who}@tanan.demo`);
});

const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
type Answer = { ok: boolean; id?: number; errors?: Record<string, string>; values?: Record<string, string> };

/** The form as the page's script sends it (fields, then the file), or with the file first (`fileFirst`). */
async function upload(
  fields: Record<string, string>,
  file?: { name: string; body: string; type: string },
  opts: { fileFirst?: boolean } = {},
) {
  const form = new FormData();
  const addFile = () => file && form.append("file", new Blob([file.body], { type: file.type }), file.name);
  if (opts.fileFirst) addFile();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (!opts.fileFirst) addFile();
  const res = await fetch(`${base}/materials/upload`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookies["gv.thcs"] },
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

const fields = (over: Record<string, string> = {}) => ({
  title: "Học liệu có từ khoá",
  kind: "document",
  visibility: "school",
  ...over,
});

/** The options of the list's grade filter, as the page offers them. */
async function gradeOptions(who: string, query = ""): Promise<string[]> {
  const page = await http(base, `/materials${query}`, { cookie: cookies[who] });
  expect(page.status).toBe(200);
  const select = /<select id="filter-grade"[^>]*>([\s\S]*?)<\/select>/.exec(page.text)![1];
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
}

describe("a material's keywords", () => {
  it("are cleaned (composed, no control characters, spaces, '#', repeats), stored, shown and searched", async () => {
    // "Năng lượng mặt trời" typed decomposed (a letter, then its marks), as some phones and Word send it.
    const typed =
      "Robot, robot ; #Na\u0306ng lu\u031bo\u031b\u0323ng ma\u0323\u0306t tro\u031b\u0300i\n  in   3D\u0007 ,, kwzebra";
    const r = await upload(fields({ title: "Mô hình robot năng lượng", keywords: typed }), {
      name: "robot.pdf",
      body: PDF,
      type: "application/pdf",
    });
    expect(r.status).toBe(200);
    const id = r.body.id!;
    const stored = serverOne<{ keywords: string; search_text: string }>(
      "select keywords, search_text from materials where id = ?",
      id,
    );
    expect(JSON.parse(stored.keywords)).toEqual(["Robot", "Năng lượng mặt trời", "in 3D", "kwzebra"]);
    expect(stored.search_text).toContain("kwzebra");

    const page = await http(base, `/materials/${id}`, { cookie: cookies["gv.thcs"] });
    expect(page.text).toContain("Từ khoá");
    for (const k of ["Robot", "Năng lượng mặt trời", "in 3D", "kwzebra"]) expect(page.text).toContain(`>${k}</a>`);
    expect(page.text).toContain(`href="/materials?q=in%203D"`);

    // The list's search finds it by a keyword, typed without diacritics or by a prefix.
    for (const q of ["kwzebra", "nang+luong+mat+troi", "kwzeb"]) {
      const found = await http(base, `/materials?q=${q}`, { cookie: cookies["gv.thcs"] });
      expect(found.text, q).toContain("Mô hình robot năng lượng");
    }
    // The list's download, searched alike, carries them.
    const sheet = await fetch(`${base}/materials/export.xlsx?q=kwzebra`, { headers: { Cookie: cookies["gv.thcs"] } });
    const { rows } = await readListSheet(await sheet.arrayBuffer());
    expect(rows.map((row) => [row["Học liệu"], row["Từ khoá"]])).toEqual([
      ["Mô hình robot năng lượng", "Robot; Năng lượng mặt trời; in 3D; kwzebra"],
    ]);
    const none = await http(base, "/materials?q=kwzebra+khongco", { cookie: cookies["gv.thcs"] });
    expect(none.text).not.toContain("Mô hình robot năng lượng");
    // A material without keywords says so, and stores none.
    const plain = await upload(fields({ title: "Không từ khoá", linkUrl: "https://example.edu.vn/a" }));
    expect(plain.status).toBe(200);
    expect(serverOne<{ keywords: string }>("select keywords from materials where id = ?", plain.body.id).keywords).toBe(
      "[]",
    );
  });

  it("refuses too many or too long keywords with a message under the field, keeping what was typed", async () => {
    const many = Array.from({ length: 11 }, (_, i) => `từ ${i + 1}`).join(", ");
    const r = await upload(fields({ keywords: many }));
    expect(r.status).toBe(400);
    expect(r.body.errors?.keywords).toBe("Tối đa 10 từ khoá (đang có 11).");
    expect(r.body.values?.keywords).toBe(many);

    const long = "Ứng dụng trí tuệ nhân tạo trong dạy học môn Khoa học tự nhiên";
    const r2 = await upload(fields({ keywords: `robot, ${long}` }));
    expect(r2.status).toBe(400);
    expect(r2.body.errors?.keywords).toBe(
      `Mỗi từ khoá tối đa 40 ký tự: “${[...long].slice(0, 20).join("")}…” dài ${[...long].length} ký tự.`,
    );
    // Ten keywords of 40 characters pass (repeats are counted once).
    const ten = Array.from({ length: 10 }, (_, i) => `${"a".repeat(38)}${String(i).padStart(2, "0")}`);
    const ok = await upload(fields({ keywords: [...ten, ten[0].toUpperCase()].join(", "), linkUrl: "https://x.vn/b" }));
    expect(ok.status).toBe(200);
    expect(
      JSON.parse(serverOne<{ keywords: string }>("select keywords from materials where id = ?", ok.body.id).keywords),
    ).toEqual(ten);
  });

  it("a refused file sent first (a form posted without a script) still returns the fields typed after it", async () => {
    const r = await upload(
      fields({ title: "Tệp gửi trước", keywords: "robot" }),
      { name: "a.pdf", body: "MZ not a pdf", type: "application/pdf" },
      { fileFirst: true },
    );
    expect(r.status).toBe(400);
    expect(r.body.errors?.file).toMatch(/không đúng loại/);
    expect(r.body.values).toMatchObject({ title: "Tệp gửi trước", keywords: "robot", kind: "document" });
    // A good file sent first is taken as it was before.
    const ok = await upload(
      fields({ title: "Tệp tốt gửi trước" }),
      { name: "b.pdf", body: PDF, type: "application/pdf" },
      { fileFirst: true },
    );
    expect(ok.status).toBe(200);
  });
});

describe("the materials page", () => {
  it("the form puts the file first and has a keywords field", async () => {
    const page = await http(base, "/materials/new", { cookie: cookies["gv.thcs"] });
    const form = /<form[^>]*multipart\/form-data[^>]*>([\s\S]*?)<\/form>/.exec(page.text)![1];
    const names = [...form.matchAll(/<(?:input|select|textarea)[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names[0]).toBe("file");
    expect(names).toContain("keywords");
  });

  it("the grade filter offers the viewer's school's grades; the commune sees every grade", async () => {
    const grades = (from: number, to: number) => [
      "",
      ...Array.from({ length: to - from + 1 }, (_, i) => String(from + i)),
    ];
    expect(await gradeOptions("gv.thcs")).toEqual(grades(6, 9));
    expect(await gradeOptions("bgh.tieuhoca")).toEqual(grades(1, 5));
    expect(await gradeOptions("vhxh")).toEqual(grades(0, 12));
    expect(await gradeOptions("lanhdao")).toEqual(grades(0, 12));
    // A grade asked for in the address stays offered (and chosen), so the filter shows what is applied.
    expect(await gradeOptions("gv.thcs", "?grade=11")).toEqual([...grades(6, 9), "11"]);
  });

  it("previews a PDF in the page, not in a frame; the file is never framed, even by the app", async () => {
    const r = await upload(fields({ title: "PDF xem trước" }), { name: "x.pdf", body: PDF, type: "application/pdf" });
    const page = await http(base, `/materials/${r.body.id}`, { cookie: cookies["gv.thcs"] });
    expect(page.text).not.toContain("<iframe");
    expect(page.text).toContain('data-testid="pdf-page"');
    expect(page.text).toContain(`href="/materials/${r.body.id}/file?download=1"`);
    const file = await http(base, `/materials/${r.body.id}/file`, { cookie: cookies["gv.thcs"] });
    expect(file.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(file.headers.get("x-frame-options")).toBe("DENY");
  });
});
