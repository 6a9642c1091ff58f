import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "../../app/domain/auth/login";
import { createSession, invalidateUserSessions, SESSION_LIFETIME_MS, validateSessionToken } from "../../app/domain/auth/sessions";
import { LIMITS, reserveAttempt } from "../../app/domain/auth/throttle";
import { changeOwnPassword } from "../../app/domain/accounts/accounts";
import { actorOf } from "../support/db";
import { DEMO_PASSWORD } from "../../db/seed/demo";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
});
afterEach(async () => {
  await t.close();
});

const userId = async (email: string) => (await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

describe("sessions", () => {
  it("store only a hash of the secret and validate the token", async () => {
    const id = await userId("gv.thcs@tanan.demo");
    const { token, session } = await createSession(t.db, id);
    const row = await t.db.selectFrom("sessions").selectAll().where("id", "=", session.id).executeTakeFirstOrThrow();
    const secret = token.split(".")[1];
    expect(row.secret_hash).not.toContain(secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await validateSessionToken(t.db, token))?.session.userId).toBe(id);
    expect(await validateSessionToken(t.db, `${session.id}.wrongsecret`)).toBeNull();
    expect(await validateSessionToken(t.db, "garbage")).toBeNull();
  });

  it("expire, and slide forward when used late in their life", async () => {
    const id = await userId("gv.thcs@tanan.demo");
    const { token, session } = await createSession(t.db, id);
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await t.db.updateTable("sessions").set({ expires_at: soon }).where("id", "=", session.id).execute();
    const renewed = await validateSessionToken(t.db, token);
    expect(renewed?.renewed).toBe(true);
    expect(Date.parse(renewed!.session.expiresAt)).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
    await t.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", session.id)
      .execute();
    expect(await validateSessionToken(t.db, token)).toBeNull();
    expect(await t.db.selectFrom("sessions").select("id").where("id", "=", session.id).executeTakeFirst()).toBeUndefined();
  });

  it("end for every device when invalidated, and for a disabled account", async () => {
    const id = await userId("gv.thcs@tanan.demo");
    const a = await createSession(t.db, id);
    const b = await createSession(t.db, id);
    await t.db.updateTable("users").set({ is_active: 0 }).where("id", "=", id).execute();
    expect(await validateSessionToken(t.db, a.token)).toBeNull();
    await t.db.updateTable("users").set({ is_active: 1 }).where("id", "=", id).execute();
    expect(await validateSessionToken(t.db, b.token)).not.toBeNull();
    await invalidateUserSessions(t.db, id);
    expect(await validateSessionToken(t.db, b.token)).toBeNull();
  });
});

describe("login", () => {
  const attempt = (email: string, password: string, ip = "10.0.0.1") => attemptLogin(t.db, { email, password, ip, userAgent: null });

  it("accepts the right password (any letter case in the email) and audits it", async () => {
    const r = await attempt(" BGH.THCS@tanan.demo ", DEMO_PASSWORD);
    expect(r.ok).toBe(true);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "login").execute();
    expect(audit).toHaveLength(1);
  });

  it("answers the same for a wrong password and an unknown account", async () => {
    expect(await attempt("bgh.thcs@tanan.demo", "sai-mat-khau")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("khong-ton-tai@tanan.demo", "sai-mat-khau")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, even for the right password, until the lock ends", async () => {
    for (let i = 0; i < LIMITS.account - 1; i++) expect((await attempt("gv.thcs@tanan.demo", `sai-${i}`)).ok).toBe(false);
    const last = await attempt("gv.thcs@tanan.demo", "sai-cuoi");
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    const locked = await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    // Other accounts from another address are unaffected.
    expect((await attempt("bgh.thcs@tanan.demo", DEMO_PASSWORD, "10.0.0.2")).ok).toBe(true);
    // When the lock has passed, the right password works again.
    await t.db
      .updateTable("login_throttle")
      .set({ locked_until: new Date(Date.now() - 1000).toISOString(), window_started_at: new Date(Date.now() - 3_600_000).toISOString() })
      .execute();
    expect((await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD, "10.0.0.3")).ok).toBe(true);
  }, 30_000);

  it("slows attempts after a few failures", async () => {
    for (let i = 0; i < 3; i++) await attempt("lanhdao@tanan.demo", `sai-${i}`);
    const started = Date.now();
    await attempt("lanhdao@tanan.demo", "sai-nua");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  }, 30_000);

  it("lets at most the limit of a parallel burst of guesses through to the password check", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt(t.db, [{ kind: "account", value: "gv.thcs@tanan.demo" }])));
    expect(results.filter((r) => r.allowed)).toHaveLength(LIMITS.account);
  });

  it("slows guesses from one address spread over many accounts, then refuses them", async () => {
    for (let i = 0; i < 10; i++) await attempt(`khong-co-${i}@tanan.demo`, "sai", "10.9.9.9");
    const started = Date.now();
    await attempt("khong-co-x@tanan.demo", "sai", "10.9.9.9");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    for (let i = 0; i < LIMITS.address; i++) await reserveAttempt(t.db, [{ kind: "address", value: "10.9.9.9" }]);
    expect(await attempt("vhxh@tanan.demo", DEMO_PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "locked" });
  }, 60_000);

  it("throttles guessing the current password from a session, and ends the session at the lock", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const { token } = await createSession(t.db, teacher.userId);
    for (let i = 0; i < LIMITS.account - 1; i++)
      await expect(changeOwnPassword(t.db, teacher, `sai-${i}`, "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({ field: "current" });
    await expect(changeOwnPassword(t.db, teacher, "sai-cuoi", "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({ field: "locked" });
    expect(await validateSessionToken(t.db, token)).toBeNull();
    await expect(changeOwnPassword(t.db, teacher, DEMO_PASSWORD, "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({ field: "locked" });
  }, 30_000);

  it("refuses a disabled account, telling only someone who knows the password why", async () => {
    await t.db.updateTable("users").set({ is_active: 0 }).where("email", "=", "gv.thcs@tanan.demo").execute();
    expect(await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    expect(await attempt("gv.thcs@tanan.demo", "sai-mat-khau")).toEqual({ ok: false, reason: "invalid" });
  });
});
