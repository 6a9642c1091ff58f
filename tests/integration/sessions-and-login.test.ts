import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "../../app/domain/auth/login";
import {
  createSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from "../../app/domain/auth/sessions";
import { LIMITS, reserveAttempt } from "../../app/domain/auth/throttle";
import { changeOwnPassword } from "../../app/domain/accounts/accounts";
import { actorOf } from "../support/db";
import { DEMO_PASSWORD } from "../../scripts/seed/demo";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
});
afterEach(async () => {
  await t.close();
});

const userId = async (email: string) =>
  (await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

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
    expect(
      await t.db.selectFrom("sessions").select("id").where("id", "=", session.id).executeTakeFirst(),
    ).toBeUndefined();
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
  const attempt = (email: string, password: string, ip = "10.0.0.1") =>
    attemptLogin(t.db, { email, password, ip, userAgent: null });

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
    for (let i = 0; i < LIMITS.account_address - 1; i++)
      expect((await attempt("gv.thcs@tanan.demo", `sai-${i}`)).ok).toBe(false);
    const last = await attempt("gv.thcs@tanan.demo", "sai-cuoi");
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    const locked = await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    // Other accounts from another address are unaffected.
    expect((await attempt("bgh.thcs@tanan.demo", DEMO_PASSWORD, "10.0.0.2")).ok).toBe(true);
    // When the lock has passed, the right password works again.
    await t.db
      .updateTable("login_throttle")
      .set({
        locked_until: new Date(Date.now() - 1000).toISOString(),
        window_started_at: new Date(Date.now() - 3_600_000).toISOString(),
      })
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
    const results = await Promise.all(
      Array.from({ length: 40 }, () => reserveAttempt(t.db, [{ kind: "account", value: "gv.thcs@tanan.demo" }])),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(LIMITS.account);
    const pair = await Promise.all(
      Array.from({ length: 20 }, () =>
        reserveAttempt(t.db, [{ kind: "account_address", value: "gv.thcs@tanan.demo|10.0.0.9" }]),
      ),
    );
    expect(pair.filter((r) => r.allowed)).toHaveLength(LIMITS.account_address);
  });

  it("slows guesses from one address spread over many accounts, then refuses them", async () => {
    for (let i = 0; i < 10; i++) await attempt(`khong-co-${i}@tanan.demo`, "sai", "10.9.9.9");
    const started = Date.now();
    await attempt("khong-co-x@tanan.demo", "sai", "10.9.9.9");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    for (let i = 0; i < LIMITS.address; i++) await reserveAttempt(t.db, [{ kind: "address", value: "10.9.9.9" }]);
    expect(await attempt("vhxh@tanan.demo", DEMO_PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "locked" });
  }, 60_000);

  it("a school behind one address: one person's guessing never stops colleagues signing in with their own passwords", async () => {
    const school = "203.0.113.5";
    const outcome = async (email: string, password: string, ip: string) => {
      const r = await attempt(email, password, ip);
      return r.ok ? "ok" : r.reason;
    };
    const throttle = async (key: string) =>
      t.db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
    // 30 wrong passwords for one account: the fifth locks that account from here; the rest are refused, count nothing, extend nothing.
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await outcome("lanhdao@tanan.demo", `doan-${i}`, school));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill("invalid"));
    expect(answers.slice(4).every((r) => r === "locked")).toBe(true);
    const lock = (await throttle(`account_address:lanhdao@tanan.demo|${school}`))!;
    expect((await throttle(`address:${school}`))!.failures).toBe(5);
    expect((await throttle("account:lanhdao@tanan.demo"))!.failures).toBe(5);
    await attempt("lanhdao@tanan.demo", "lai-nua", school);
    expect((await throttle(`account_address:lanhdao@tanan.demo|${school}`))!.locked_until).toBe(lock.locked_until);
    // Colleagues at the same address sign in, each at the first try.
    for (const email of ["bgh.thcs@tanan.demo", "gv.thcs@tanan.demo", "vhxh@tanan.demo"])
      expect((await attempt(email, DEMO_PASSWORD, school)).ok, email).toBe(true);
    // The guessed account's owner, from home: its own limit is not reached from one address.
    expect((await attempt("lanhdao@tanan.demo", DEMO_PASSWORD, "198.51.100.7")).ok).toBe(true);

    // A correct password is never counted: four typos then the right one leaves nothing against the account here.
    for (let i = 0; i < 4; i++) await attempt("bgh.tieuhoca@tanan.demo", `go-nham-${i}`, school);
    expect((await attempt("bgh.tieuhoca@tanan.demo", DEMO_PASSWORD, school)).ok).toBe(true);
    expect(await throttle(`account_address:bgh.tieuhoca@tanan.demo|${school}`)).toBeUndefined();
    expect((await throttle("account:bgh.tieuhoca@tanan.demo"))!.failures).toBe(4);
    expect(await outcome("bgh.tieuhoca@tanan.demo", "go-nham-nua", school)).toBe("invalid");

    // The account's own limit, from anywhere: 20 failures over many addresses lock it — unless the 20th is the right password.
    // (The failures are reserved directly: through the login each would also be slowed, up to 2 s.)
    for (let i = 0; i < LIMITS.account - 2; i++)
      await reserveAttempt(t.db, [{ kind: "account", value: "gv.thpt@tanan.demo" }]);
    expect(await outcome("gv.thpt@tanan.demo", "sai", "192.0.2.1")).toBe("invalid");
    expect((await attempt("gv.thpt@tanan.demo", DEMO_PASSWORD, "192.0.2.200")).ok).toBe(true);
    expect((await throttle("account:gv.thpt@tanan.demo"))!.locked_until).toBeNull();
    expect(await outcome("gv.thpt@tanan.demo", "sai", "192.0.2.201")).toBe("locked");
    expect(await outcome("gv.thpt@tanan.demo", DEMO_PASSWORD, "192.0.2.202")).toBe("locked");

    // Spraying one password over many accounts from the school's address locks the address for accounts never
    // signed in from there — and not for the colleagues who have.
    for (let i = 0; i < LIMITS.address; i++) await reserveAttempt(t.db, [{ kind: "address", value: school }]);
    expect(await outcome("bgh.thpt@tanan.demo", DEMO_PASSWORD, school)).toBe("locked");
    expect((await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD, school)).ok).toBe(true);
    // Changing one's password there is not refused by it, and never ends one's sessions for someone else's guesses.
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const { token } = await createSession(t.db, teacher.userId);
    await expect(changeOwnPassword(t.db, teacher, "khong-dung", "MatKhauMoi2026", school)).rejects.toMatchObject({
      field: "current",
    });
    expect(await validateSessionToken(t.db, token)).not.toBeNull();
  }, 60_000);

  it("throttles guessing the current password from a session, and ends the session at the lock", async () => {
    const teacher = await actorOf(t.db, "gv.thcs@tanan.demo");
    const { token } = await createSession(t.db, teacher.userId);
    for (let i = 0; i < LIMITS.account_address - 1; i++)
      await expect(changeOwnPassword(t.db, teacher, `sai-${i}`, "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({
        field: "current",
      });
    await expect(changeOwnPassword(t.db, teacher, "sai-cuoi", "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({
      field: "locked",
    });
    expect(await validateSessionToken(t.db, token)).toBeNull();
    await expect(changeOwnPassword(t.db, teacher, DEMO_PASSWORD, "MatKhauMoi2026", "10.1.1.1")).rejects.toMatchObject({
      field: "locked",
    });
  }, 30_000);

  it("refuses a disabled account, telling only someone who knows the password why", async () => {
    await t.db.updateTable("users").set({ is_active: 0 }).where("email", "=", "gv.thcs@tanan.demo").execute();
    expect(await attempt("gv.thcs@tanan.demo", DEMO_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    expect(await attempt("gv.thcs@tanan.demo", "sai-mat-khau")).toEqual({ ok: false, reason: "invalid" });
  });
});
