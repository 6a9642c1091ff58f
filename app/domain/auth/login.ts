import type { DB } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { reserveAttempt, type ThrottleKey, type ThrottleKind } from "./throttle";

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; userId: number }
  | { ok: false; reason: "invalid" | "locked" | "disabled"; lockedUntil?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type GuardedCheck =
  { ok: true } | { ok: false; reason: "invalid" | "locked"; lockedUntil?: string; lockedBy?: "account" | "address" };

/** An account counts as known at an address once it has signed in from there in the last 90 days. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

async function knownAddress(db: DB, email: string, ip: string): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .innerJoin("users", "users.id", "audit_log.actor_user_id")
    .select("audit_log.id")
    .where("users.email", "=", email)
    .where("audit_log.action", "=", "login")
    .where("audit_log.ip", "=", ip)
    .where("audit_log.at", ">=", new Date(Date.now() - KNOWN_ADDRESS_MS).toISOString())
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * Checks a password for an account under throttling (throttle.ts): refused while a key is locked, slowed after
 * repeated failures. Used by login and by "change my password". The address-wide key does not apply to an account
 * known at that address: colleagues behind a school's one address are not stopped by someone else's guessing.
 */
export async function checkPasswordGuarded(
  db: DB,
  input: { email: string; ip: string },
  check: () => Promise<boolean>,
): Promise<GuardedCheck> {
  const email = normalizeEmail(input.email);
  const keys: ThrottleKey[] = [
    { kind: "account_address", value: `${email}|${input.ip}` },
    { kind: "account", value: email },
    ...((await knownAddress(db, email, input.ip)) ? [] : [{ kind: "address" as const, value: input.ip }]),
  ];
  const reservation = await reserveAttempt(db, keys);
  const by = (kind: ThrottleKind) => (kind === "address" ? ("address" as const) : ("account" as const));
  if (!reservation.allowed)
    return { ok: false, reason: "locked", lockedUntil: reservation.lockedUntil, lockedBy: by(reservation.lockedBy) };
  if (reservation.delayMs) await sleep(reservation.delayMs);
  if (await check()) {
    await reservation.release();
    return { ok: true };
  }
  await reservation.failed();
  const lock = reservation.locks.sort((a, b) => (a.until < b.until ? 1 : -1))[0];
  return lock
    ? { ok: false, reason: "locked", lockedUntil: lock.until, lockedBy: by(lock.kind) }
    : { ok: false, reason: "invalid" };
}

/** A login attempt: the same answer (and similar timing) whether the account exists or not. */
export async function attemptLogin(
  db: DB,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  let userId: number | null = null;
  let disabled = false;
  const result = await checkPasswordGuarded(db, { email, ip: input.ip }, async () => {
    const user = await db
      .selectFrom("users")
      .select(["id", "password_hash", "is_active"])
      .where("email", "=", email)
      .executeTakeFirst();
    if (!user?.password_hash) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      return false;
    }
    const valid = await verifyPassword(user.password_hash, input.password);
    if (valid && user.is_active) userId = user.id;
    // Only someone who knows the password learns that the account is disabled, and whom to call.
    disabled = valid && !user.is_active;
    return userId !== null;
  });
  if (disabled) return { ok: false, reason: "disabled" };
  if (!result.ok || userId === null) return result.ok ? { ok: false, reason: "invalid" } : result;
  const { token, session } = await createSession(db, userId, input.userAgent);
  await writeAudit(db, {
    actorUserId: userId,
    action: "login",
    entity: "session",
    entityId: session.id.slice(0, 6),
    ip: input.ip,
  });
  return { ok: true, token, expiresAt: session.expiresAt, userId };
}
