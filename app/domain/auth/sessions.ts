/**
 * Sessions as Lucia's guide prescribes (the `lucia` package itself is deprecated):
 * the token is "<id>.<secret>", both random; only SHA-256 of the secret is stored and it is
 * compared in constant time; expiry slides forward while the session is used.
 */
import type { DB } from "../../../db/connection";
import { addMs, DAY_MS, nowIso } from "../shared/time";
import { randomToken, sameDigest, sha256Hex } from "./tokens";

export const SESSION_LIFETIME_MS = 14 * DAY_MS;
/** When less than this remains, a request renews the session to the full lifetime. */
const RENEW_WHEN_LEFT_MS = 7 * DAY_MS;

export interface SessionInfo {
  id: string;
  userId: number;
  expiresAt: string;
}

export async function createSession(
  db: DB,
  userId: number,
  userAgent: string | null = null,
): Promise<{ token: string; session: SessionInfo }> {
  const id = randomToken(15); // 120 bits
  const secret = randomToken(20); // 160 bits
  const createdAt = nowIso();
  const expiresAt = addMs(createdAt, SESSION_LIFETIME_MS);
  await db
    .insertInto("sessions")
    .values({
      id,
      user_id: userId,
      secret_hash: sha256Hex(secret),
      created_at: createdAt,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

/** Returns the live session for a token, renewing it when due; null for anything invalid or expired. */
export async function validateSessionToken(
  db: DB,
  token: string,
): Promise<{ session: SessionInfo; renewed: boolean } | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id", "sessions.user_id", "sessions.secret_hash", "sessions.expires_at", "users.is_active"])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row || !sameDigest(row.secret_hash, sha256Hex(secret))) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now || !row.is_active) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  let expiresAt = row.expires_at;
  let renewed = false;
  if (Date.parse(row.expires_at) - now < RENEW_WHEN_LEFT_MS) {
    expiresAt = addMs(nowIso(), SESSION_LIFETIME_MS);
    await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", id).execute();
    renewed = true;
  }
  return { session: { id: row.id, userId: row.user_id, expiresAt }, renewed };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function invalidateUserSessions(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
