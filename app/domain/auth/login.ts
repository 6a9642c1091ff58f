import type { DB } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { clearAccount, recordFailure, throttleState, type ThrottleKey } from "./throttle";

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; userId: number }
  | { ok: false; reason: "invalid" | "locked"; lockedUntil?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a login attempt: refused while the account or address is locked, slowed after repeated
 * failures, and the same answer (and similar timing) whether the account exists or not.
 */
export async function attemptLogin(
  db: DB,
  input: { email: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const keys: ThrottleKey[] = [
    { kind: "account", value: email },
    { kind: "address", value: input.ip },
  ];
  const state = await throttleState(db, keys);
  if (state.lockedUntil) return { ok: false, reason: "locked", lockedUntil: state.lockedUntil };
  if (state.delayMs) await sleep(state.delayMs);

  const user = await db.selectFrom("users").select(["id", "password_hash", "is_active"]).where("email", "=", email).executeTakeFirst();
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password)) && false;
  if (!user || !valid || !user.is_active) {
    await recordFailure(db, keys);
    const after = await throttleState(db, keys);
    if (after.lockedUntil) return { ok: false, reason: "locked", lockedUntil: after.lockedUntil };
    return { ok: false, reason: "invalid" };
  }
  await clearAccount(db, email);
  const { token, session } = await createSession(db, user.id, input.userAgent);
  await writeAudit(db, { actorUserId: user.id, action: "login", entity: "session", entityId: session.id.slice(0, 6), ip: input.ip });
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id };
}
