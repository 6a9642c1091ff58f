/**
 * Login throttling: failures are counted per account (email) and per client address within a window.
 * After a few failures each attempt is slowed; past the limit the key is locked for a while.
 */
import type { DB } from "../../../db/connection";
import { addMs, nowIso } from "../shared/time";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const LIMITS = { account: 5, address: 30 } as const;
/** Failures after which each further attempt is delayed. */
const SLOW_AFTER = 2;
const DELAY_STEP_MS = 400;
const MAX_DELAY_MS = 2_000;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

const keyText = (k: ThrottleKey) => `${k.kind}:${k.value.toLowerCase()}`;

export interface ThrottleState {
  lockedUntil: string | null;
  delayMs: number;
}

/** How the next attempt for these keys must be treated: refused until a time, or slowed by a delay. */
export async function throttleState(db: DB, keys: ThrottleKey[], now = new Date()): Promise<ThrottleState> {
  const rows = await db.selectFrom("login_throttle").selectAll().where("key", "in", keys.map(keyText)).execute();
  let lockedUntil: string | null = null;
  let failures = 0;
  for (const r of rows) {
    if (r.locked_until && Date.parse(r.locked_until) > now.getTime()) {
      if (!lockedUntil || r.locked_until > lockedUntil) lockedUntil = r.locked_until;
    }
    if (Date.parse(r.window_started_at) + THROTTLE_WINDOW_MS > now.getTime() && r.key.startsWith("account:")) {
      failures = Math.max(failures, r.failures);
    }
  }
  const delayMs = failures > SLOW_AFTER ? Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER) * DELAY_STEP_MS) : 0;
  return { lockedUntil, delayMs };
}

/** Counts one failure against each key; a key that reaches its limit is locked. */
export async function recordFailure(db: DB, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const at = nowIso(now);
  await db.transaction().execute(async (trx) => {
    for (const k of keys) {
      const key = keyText(k);
      const row = await trx.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
      const windowOpen = row && Date.parse(row.window_started_at) + THROTTLE_WINDOW_MS > now.getTime();
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStart = windowOpen ? row.window_started_at : at;
      const lockedUntil = failures >= LIMITS[k.kind] ? addMs(at, LOCK_MS) : (row?.locked_until ?? null);
      if (row) {
        await trx.updateTable("login_throttle").set({ failures, window_started_at: windowStart, locked_until: lockedUntil }).where("key", "=", key).execute();
      } else {
        await trx.insertInto("login_throttle").values({ key, failures, window_started_at: windowStart, locked_until: lockedUntil }).execute();
      }
    }
  });
}

/** A successful login clears the account's count (not the address's: one good password must not unlock guessing others). */
export async function clearAccount(db: DB, email: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", keyText({ kind: "account", value: email })).execute();
}
