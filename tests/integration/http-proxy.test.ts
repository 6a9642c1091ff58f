import { execute, queryRows } from "../support/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, DEMO_PASSWORD } from "../support/http";
import { startTestServer, type RunningServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: "1" } });
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
    await http(server.url, "/login", { form: { email: "x@tanan.demo", password: "sai" }, headers: { "X-Forwarded-For": "198.51.100.7" } });
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
