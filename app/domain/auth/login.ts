import type { DB } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { lockedUntil, reserveAttempt, type ThrottleKey } from "./throttle";

export type LoginResult =
  { ok: true; token: string; expiresAt: string; userId: number } | { ok: false; reason: "invalid" | "locked" | "disabled"; lockedUntil?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type GuardedCheck = { ok: true } | { ok: false; reason: "invalid" | "locked"; lockedUntil?: string };

/**
 * Checks a password for an account under throttling: refused while the account or address is locked,
 * slowed after repeated failures. Used by login and by "change my password".
 */
export async function checkPasswordGuarded(db: DB, input: { email: string; ip: string }, check: () => Promise<boolean>): Promise<GuardedCheck> {
  const keys: ThrottleKey[] = [
    { kind: "account", value: normalizeEmail(input.email) },
    { kind: "address", value: input.ip },
  ];
  const reservation = await reserveAttempt(db, keys);
  if (!reservation.allowed) return { ok: false, reason: "locked", lockedUntil: reservation.lockedUntil };
  if (reservation.delayMs) await sleep(reservation.delayMs);
  if (await check()) {
    await reservation.release();
    return { ok: true };
  }
  const until = await lockedUntil(db, keys);
  return until ? { ok: false, reason: "locked", lockedUntil: until } : { ok: false, reason: "invalid" };
}

/** A login attempt: the same answer (and similar timing) whether the account exists or not. */
export async function attemptLogin(db: DB, input: { email: string; password: string; ip: string; userAgent: string | null }): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  let userId: number | null = null;
  let disabled = false;
  const result = await checkPasswordGuarded(db, { email, ip: input.ip }, async () => {
    const user = await db.selectFrom("users").select(["id", "password_hash", "is_active"]).where("email", "=", email).executeTakeFirst();
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
  await writeAudit(db, { actorUserId: userId, action: "login", entity: "session", entityId: session.id.slice(0, 6), ip: input.ip });
  return { ok: true, token, expiresAt: session.expiresAt, userId };
}
