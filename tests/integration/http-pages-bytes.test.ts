/**
 * Pages are byte-exact: React 18.3's streaming renderer could leave NUL bytes where a multi-byte character
 * met the end of its 2,048-byte buffer (react/react#31134; "kỹ thuật" on THCS's /reports?period=2026-H1).
 * Each role's pages, found by following the links of its own pages, carry no NUL and decode as UTF-8 without
 * a replacement character; none answers 5xx.
 */
import { describe, expect, inject, it } from "vitest";
import { stripReactBufferPadding } from "../../app/lib/html-stream.server";
import { loginAs } from "../support/http";

const base = inject("baseUrl");
const ROLES = ["admin", "vhxh", "lanhdao", "bgh.thcs", "gv.thcs", "bgh.tieuhoca", "bgh.thpt"];
const START = [
  "/",
  "/clubs",
  "/contests",
  "/activities",
  "/attendance",
  "/materials",
  "/indicators",
  "/reports",
  "/reports?period=2026-H1",
  "/reports?period=2025-H2",
  "/admin",
];
const PAGES_PER_ROLE = 45;
const SKIP = /logout|\/file|\/download|\/export|\.(docx|xlsx|csv|ics|xml|pdf)\b|\/calendar\/|\/checkin|\/qr/;

async function crawl(cookie: string) {
  const seen = new Set<string>();
  const queue = [...START];
  const problems: string[] = [];
  while (queue.length && seen.size < PAGES_PER_ROLE) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await fetch(base + path, { headers: { Cookie: cookie }, redirect: "manual" });
    if (res.status >= 500) problems.push(`${path}: ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
    const nul = bytes.indexOf(0);
    if (nul >= 0) problems.push(`${path}: NUL at byte ${nul}`);
    const text = new TextDecoder("utf-8").decode(bytes);
    if (text.includes("\uFFFD")) problems.push(`${path}: U+FFFD at ${text.indexOf("\uFFFD")}`);
    for (const m of text.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1].replace(/&amp;/g, "&");
      if (!SKIP.test(link) && !seen.has(link)) queue.push(link);
    }
  }
  return { seen: seen.size, problems };
}

describe("pages are byte-exact", () => {
  it("React's buffer padding is removed from full-size chunks only", () => {
    const full = new Uint8Array(2048).fill(0x61);
    full.set([0, 0], 2046);
    expect(stripReactBufferPadding(full).length).toBe(2046);
    const exact = new Uint8Array(2048).fill(0x61);
    expect(stripReactBufferPadding(exact).length).toBe(2048);
    const short = new Uint8Array([0x61, 0]);
    expect(stripReactBufferPadding(short).length).toBe(2);
  });

  it.each(ROLES)(
    "%s: every page followed from the role's own pages has no NUL, no U+FFFD and no 5xx",
    { timeout: 120_000 },
    async (who) => {
      const cookie = await loginAs(base, `${who}@tanan.demo`);
      const { seen, problems } = await crawl(cookie);
      expect(seen).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    },
  );
});
