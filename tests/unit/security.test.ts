import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, securityHeaders } from "../../server/security";
import { loggablePath } from "../../server/log";
import { safeRedirectPath } from "../../app/lib/auth.server";

describe("cross-site request refusal", () => {
  const host = "tanan.example.vn";
  it("refuses a POST whose Origin is another site", () => {
    expect(isCrossSiteRequest("POST", { origin: "https://evil.example", host })).toBe(true);
    expect(isCrossSiteRequest("POST", { origin: "null", host })).toBe(true);
  });
  it("refuses a POST the browser marks cross-site or same-site (a sibling subdomain)", () => {
    expect(isCrossSiteRequest("POST", { "sec-fetch-site": "cross-site", host })).toBe(true);
    expect(isCrossSiteRequest("POST", { "sec-fetch-site": "same-site", host })).toBe(true);
  });
  it("accepts same-origin requests, direct requests and safe methods", () => {
    expect(isCrossSiteRequest("POST", { origin: `https://${host}`, host, "sec-fetch-site": "same-origin" })).toBe(false);
    expect(isCrossSiteRequest("POST", { host })).toBe(false);
    expect(isCrossSiteRequest("GET", { origin: "https://evil.example", host, "sec-fetch-site": "cross-site" })).toBe(false);
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
    expect(safeRedirectPath(undefined)).toBe("/");
  });
  it("never logs the secret of a one-time link", () => {
    expect(loggablePath("/account/setup/abcdefsecret")).toBe("/account/setup/***");
  });
});
