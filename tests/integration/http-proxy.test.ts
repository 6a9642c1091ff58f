import { execute, queryRows } from "../support/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, DEMO_PASSWORD } from "../support/http";
import { rawRequest } from "../support/raw-http";
import { startTestServer, type RunningServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: "1", ALLOWED_HOSTS: "stem.tanan.example, 10.20.0.5" } });
});
afterAll(async () => {
  await server?.stop();
});

describe("behind a reverse proxy (TRUST_PROXY=1)", () => {
  it("over HTTPS: Secure session cookie and HSTS", async () => {
    const r = await http(server.url, "/login", {
      form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD },
      headers: { "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9" },
    });
    expect(r.status).toBe(302);
    expect(r.headers.getSetCookie().find((c) => c.startsWith("tanan_session="))).toMatch(/; Secure/i);
    expect(r.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("over plain HTTP (a LAN trial): the cookie is not Secure, so login still works", async () => {
    const r = await http(server.url, "/login", { form: { email: "vhxh@tanan.demo", password: DEMO_PASSWORD } });
    expect(r.headers.getSetCookie().find((c) => c.startsWith("tanan_session="))).not.toMatch(/Secure/i);
    expect(r.headers.get("strict-transport-security")).toBeNull();
  });

  it("throttles by the real client address, so one client cannot lock out the others", async () => {
    // One failed login from the client, then its address is locked (as 30 failures would do).
    await http(server.url, "/login", {
      form: { email: "x@tanan.demo", password: "sai" },
      headers: { "X-Forwarded-For": "198.51.100.7" },
    });
    const row = queryRows<{ key: string }>(server.dbFile, "select key from login_throttle where key like 'address:%'");
    expect(row.map((r) => r.key)).toContain("address:198.51.100.7");
    execute(
      server.dbFile,
      "update login_throttle set failures = 30, locked_until = ? where key = 'address:198.51.100.7'",
      new Date(Date.now() + 600_000).toISOString(),
    );
    const blocked = await http(server.url, "/login", {
      form: { email: "bgh.thcs@tanan.demo", password: DEMO_PASSWORD },
      headers: { "X-Forwarded-For": "198.51.100.7" },
    });
    expect(blocked.status).toBe(429);
    const other = await http(server.url, "/login", {
      form: { email: "bgh.thcs@tanan.demo", password: DEMO_PASSWORD },
      headers: { "X-Forwarded-For": "203.0.113.50" },
    });
    expect(other.status).toBe(302);
  }, 60_000);
});

describe("host names (links are built from the host: only ours are answered)", () => {
  const form = "email=vhxh%40tanan.demo&password=sai";
  const post = { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(form.length) };

  it("refuses another Host, or another forwarded host, with 403 — never 500 — and builds links from an allowed one", async () => {
    for (const headers of [
      { Host: "evil.example" },
      { Host: "localhost", "X-Forwarded-Host": "evil.example" },
    ] as Record<string, string>[]) {
      const feed = await rawRequest(server.url, "/public/feed.xml", { headers });
      expect(feed.status, JSON.stringify(headers)).toBe(403);
      expect(feed.text).not.toContain("evil.example/public");
      const action = await rawRequest(server.url, "/login", {
        method: "POST",
        headers: { ...headers, ...post },
        body: form,
      });
      expect(action.status, JSON.stringify(headers)).toBe(403);
    }
    // A forwarded host of ours, but a browser Origin of another of ours: refused as cross-site (Remix would answer 500).
    const mismatch = await rawRequest(server.url, "/login", {
      method: "POST",
      headers: { Host: "localhost", "X-Forwarded-Host": "stem.tanan.example", Origin: "http://10.20.0.5", ...post },
      body: form,
    });
    expect(mismatch.status).toBe(403);
    const ok = await rawRequest(server.url, "/public/feed.xml", {
      headers: { Host: "localhost", "X-Forwarded-Host": "stem.tanan.example" },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("<link>http://stem.tanan.example/public</link>");
    const byIp = await rawRequest(server.url, "/healthz", { headers: { Host: "10.20.0.5:8080" } });
    expect(byIp.status).toBe(200);
  });
});
