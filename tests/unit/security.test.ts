import { describe, expect, it } from "vitest";
import {
  bodyAllowed,
  BODY_LIMITS,
  isCrossSiteRequest,
  securityHeaders,
  trustProxySetting,
} from "../../server/security";
import { parsePeriod } from "../../app/domain/shared/periods";
import { loggablePath } from "../../server/log";
import { safeRedirectPath } from "../../app/lib/auth.server";

describe("cross-site request refusal", () => {
  const own = "https://tanan.example.vn";
  it("refuses a POST whose Origin is another site, another scheme or port, or null", () => {
    expect(isCrossSiteRequest("POST", { origin: "https://evil.example" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { origin: "null" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { origin: "http://tanan.example.vn" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { origin: "https://tanan.example.vn:8443" }, own)).toBe(true);
  });
  it("refuses a POST the browser marks cross-site or same-site (a sibling subdomain)", () => {
    expect(isCrossSiteRequest("POST", { "sec-fetch-site": "cross-site" }, own)).toBe(true);
    expect(isCrossSiteRequest("POST", { "sec-fetch-site": "same-site" }, own)).toBe(true);
  });
  it("accepts same-origin requests, direct requests and safe methods", () => {
    expect(isCrossSiteRequest("POST", { origin: own, "sec-fetch-site": "same-origin" }, own)).toBe(false);
    expect(isCrossSiteRequest("POST", {}, own)).toBe(false);
    expect(isCrossSiteRequest("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, own)).toBe(
      false,
    );
  });
  it("reads TRUST_PROXY as a hop count or a list of proxies, and refuses 'true'", () => {
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("10.0.0.0/8, 127.0.0.1")).toBe("10.0.0.0/8, 127.0.0.1");
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting("false")).toBeUndefined();
    expect(() => trustProxySetting("true")).toThrow(/unsafe/);
  });
});

describe("security headers", () => {
  it("allows scripts only from self or with this response's nonce, and no framing", () => {
    const h = securityHeaders("abc123", false);
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(h["Content-Security-Policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBeTruthy();
  });
});

describe("redirects and logs", () => {
  it("follows only same-site relative paths after login", () => {
    expect(safeRedirectPath("/admin?x=1")).toBe("/admin?x=1");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath("/\t/evil.example")).toBe("/");
    expect(safeRedirectPath("/\r\n/evil.example")).toBe("/");
    // The known bypasses: "/./" and "/../" collapse into "//"; encoded slashes and backslashes.
    for (const bypass of [
      "/.//evil.example/phish",
      "/..//evil.example",
      "/./\\evil.example",
      "/a/../..//evil.example",
      "/%2F%2Fevil.example",
      "/%2f/evil.example",
      "/%5C%5Cevil.example",
      "/%5cevil.example",
      "/.%2F/evil.example",
      "/%09/evil.example",
      "/\u0009/evil.example",
      "/\n/evil.example",
      "/%E0%A4%A",
    ])
      expect(safeRedirectPath(bypass), bypass).toBe("/");
    expect(safeRedirectPath("/clubs/12?tab=members#a")).toBe("/clubs/12?tab=members#a");
    expect(safeRedirectPath("/materials?q=chuy%E1%BB%83n")).toBe("/materials?q=chuy%E1%BB%83n");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
  it("never logs the secret of a one-time link or a calendar feed", () => {
    expect(loggablePath("/account/setup/abcdefsecret")).toBe("/account/setup/***");
    expect(loggablePath("/calendar/abcdefsecret.ics")).toBe("/calendar/***");
  });
});

describe("request bodies", () => {
  it("are refused without a length, or over the route's limit, before anything reads them", () => {
    expect(bodyAllowed("GET", "/", undefined)).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/activities/new", undefined)).toEqual({ ok: false, status: 411 });
    expect(bodyAllowed("POST", "/activities/new", String(BODY_LIMITS.form + 1))).toEqual({ ok: false, status: 413 });
    expect(bodyAllowed("POST", "/activities/new", "2000")).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/people/10/import", String(5 * 1024 * 1024))).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/contests/3", String(BODY_LIMITS.upload + 1))).toEqual({ ok: false, status: 413 });
    // The same routes posted by Remix's JavaScript (single fetch) at "<path>.data" take the same bodies.
    expect(bodyAllowed("POST", "/people/10/import.data", String(5 * 1024 * 1024))).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/attendance/7/import.data", String(5 * 1024 * 1024))).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/contests/3.data", String(10 * 1024 * 1024))).toEqual({ ok: true });
    expect(bodyAllowed("POST", "/activities/new.data", String(BODY_LIMITS.form + 1))).toEqual({
      ok: false,
      status: 413,
    });
  });
  it("period keys outside 2000–2100 are not periods", () => {
    expect(parsePeriod("9999-H2")).toBeNull();
    expect(parsePeriod("0000")).toBeNull();
    expect(parsePeriod("2026-H2")?.from).toBe("2026-06-30T17:00:00.000Z");
  });
});

describe("file names kept as metadata", () => {
  it("lose folders, control and bidirectional characters", async () => {
    const { cleanFileName } = await import("../../app/lib/upload.server");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\\\Users\\\\x\\\\bai.pdf")).toBe("bai.pdf");
    expect(cleanFileName("anh\u202egnp.exe")).toBe("anhgnp.exe");
    expect(cleanFileName("a\u0000b\u0085c.pdf")).toBe("abc.pdf");
  });
  it("a media-sized body is allowed only as a multipart upload", () => {
    expect(bodyAllowed("POST", "/materials/new", String(100 * 1024 * 1024), "multipart/form-data; boundary=x")).toEqual(
      { ok: true },
    );
    expect(
      bodyAllowed("POST", "/materials/new", String(100 * 1024 * 1024), "application/x-www-form-urlencoded"),
    ).toEqual({ ok: false, status: 413 });
  });
});
