import { describe, expect, inject, it } from "vitest";
import { http, loginAs, sessionCookieFrom, DEMO_PASSWORD } from "../support/http";
import { rawRequest } from "../support/raw-http";

const base = inject("baseUrl");

describe("the running server: login, sessions, health", () => {
  it("answers /healthz with {status: ok}", async () => {
    const r = await http(base, "/healthz");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ status: "ok" });
  });

  it("sends security headers on every response, with a fresh CSP nonce", async () => {
    const a = await http(base, "/login");
    const b = await http(base, "/login");
    for (const r of [a, b]) {
      expect(r.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(r.headers.get("x-powered-by")).toBeNull();
    }
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
    // Every inline script of the page carries the nonce.
    const nonce = a.headers.get("content-security-policy")!.match(/nonce-([^']+)/)![1];
    const inlineScripts = [...a.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const s of inlineScripts) expect(s[1]).toContain(`nonce="${nonce}"`);
  });

  it("logs in with the form fields email and password, sets a hardened cookie and redirects home", async () => {
    const r = await http(base, "/login", { form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD } });
    expect(r.status).toBe(302);
    expect(r.location).toBe("/");
    const set = r.headers.getSetCookie().find((c) => c.startsWith("tanan_session="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Expires=/i);
    const home = await http(base, "/", { cookie: sessionCookieFrom(r)! });
    expect(home.status).toBe(200);
    expect(home.headers.get("cache-control")).toBe("private, no-store");
    expect(home.text).toContain("Tổng quan xã Tân An");
  });

  it("follows redirectTo only within the site", async () => {
    const ok = await http(base, "/login", {
      form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD, redirectTo: "/admin" },
    });
    expect(ok.location).toBe("/admin");
    const bypasses = [
      "//evil.example/x",
      "/\t/evil.example",
      "https://evil.example",
      "/.//evil.example/phish",
      "/..//evil.example",
      "/%2F%2Fevil.example",
    ];
    for (const redirectTo of bypasses) {
      const evil = await http(base, "/login", {
        form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD, redirectTo },
      });
      expect(evil.location, redirectTo).toBe("/");
    }
    // Already signed in, the login page sends one on at once: the same rule.
    const cookie = sessionCookieFrom(ok)!;
    for (const redirectTo of bypasses) {
      const r = await http(base, `/login?redirectTo=${encodeURIComponent(redirectTo)}`, { cookie });
      expect(r.status).toBe(302);
      expect(r.location, redirectTo).toBe("/");
    }
  });

  it("shows a Vietnamese message for a wrong password and keeps the email", async () => {
    const r = await http(base, "/login", { form: { email: "bgh.tieuhoca@tanan.demo", password: "sai-mat-khau" } });
    expect(r.status).toBe(401);
    expect(r.text).toContain("Email hoặc mật khẩu không đúng.");
    expect(r.text).toContain('value="bgh.tieuhoca@tanan.demo"');
    expect(sessionCookieFrom(r)).toBeNull();
  });

  it("refuses a locked account for a while with a clear message", async () => {
    const email = "gv.thpt@tanan.demo";
    for (let i = 0; i < 4; i++)
      expect((await http(base, "/login", { form: { email, password: `sai-${i}` } })).status).toBe(401);
    const locked = await http(base, "/login", { form: { email, password: "sai-nua" } });
    expect(locked.status).toBe(429);
    expect(locked.text).toContain("tạm thời bị khóa");
    const stillLocked = await http(base, "/login", { form: { email, password: DEMO_PASSWORD } });
    expect(stillLocked.status).toBe(429);
  }, 30_000);

  it("sends anonymous visitors to /login, keeping where they wanted to go", async () => {
    const r = await http(base, "/admin");
    expect(r.status).toBe(302);
    expect(r.location).toBe("/login?redirectTo=%2Fadmin");
    expect((await http(base, "/")).location).toBe("/login");
  });

  it("logout ends the session on the server", async () => {
    const cookie = await loginAs(base, "lanhdao@tanan.demo");
    expect((await http(base, "/", { cookie })).status).toBe(200);
    const out = await http(base, "/logout", { cookie, method: "POST", form: {} });
    expect(out.status).toBe(302);
    expect((await http(base, "/", { cookie })).status).toBe(302);
  });

  it("answers unknown pages with a Vietnamese 404 inside the shell", async () => {
    const cookie = await loginAs(base, "gv.thcs@tanan.demo");
    const r = await http(base, "/khong-co-trang-nay", { cookie });
    expect(r.status).toBe(404);
    expect(r.text).toContain("Không tìm thấy trang");
    expect(r.text).toContain("Đăng xuất");
  });
});

describe("the running server: cross-site requests", () => {
  it("refuses a POST from another site with 403, before any work is done", async () => {
    const r = await http(base, "/login", {
      form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD },
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(r.status).toBe(403);
    expect(sessionCookieFrom(r)).toBeNull();
  });

  it("refuses a POST whose Origin names another host even without Sec-Fetch-Site", async () => {
    const cookie = await loginAs(base, "vhxh@tanan.demo");
    const r = await http(base, "/logout", { cookie, form: {}, headers: { Origin: "http://attacker.test" } });
    expect(r.status).toBe(403);
    expect((await http(base, "/", { cookie })).status).toBe(200);
  });

  it("accepts a same-origin POST", async () => {
    const r = await http(base, "/login", {
      form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD },
      headers: { Origin: base, "Sec-Fetch-Site": "same-origin" },
    });
    expect(r.status).toBe(302);
  });
});

describe("the running server: host names", () => {
  it("answers only its own host names; a client's X-Forwarded-Host (no proxy trusted) is ignored", async () => {
    const forged = await rawRequest(base, "/public/feed.xml", { headers: { Host: "evil.example" } });
    expect(forged.status).toBe(403);
    const forwarded = await rawRequest(base, "/public/feed.xml", {
      headers: { Host: "localhost", "X-Forwarded-Host": "evil.example" },
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.text).not.toContain("evil.example");
    expect(forwarded.text).toMatch(/<link>http:\/\/localhost(:\d+)?\/public<\/link>/);
    const form = "email=vhxh%40tanan.demo&password=sai";
    const action = await rawRequest(base, "/login", {
      method: "POST",
      headers: {
        Host: new URL(base).host,
        "X-Forwarded-Host": "evil.example",
        Origin: base,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(form.length),
      },
      body: form,
    });
    expect(action.status).toBe(401);
  });
});
