/**
 * Throttling of password guesses, per account (email) and per client address, within a window.
 *
 * Each attempt first *reserves* a failure on its keys (one transaction), then is checked: an attempt
 * past a key's limit is refused without looking at the password, so a burst of parallel guesses cannot
 * slip through before the lock lands. A correct password gives the reservation back. After a few
 * failures each attempt is slowed; reaching the limit locks the key for a while.
 */
import { engineOf } from "../../../db/engine";
import type { DB } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { addMs, nowIso } from "../shared/time";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Failures allowed per key kind: a login account, a client address, and QR check-in (its own keys, so typos at a training never lock a school's Wi-Fi out of logging in). */
export const LIMITS = { account: 5, address: 30, checkin: 8, checkin_address: 200 } as const;
/** Failures after which each further attempt is slowed. */
const SLOW_AFTER = { account: 2, address: 10, checkin: 3, checkin_address: 60 } as const;
const DELAY_STEP_MS = 400;
const MAX_DELAY_MS = 2_000;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

const keyText = (k: ThrottleKey) => `${k.kind}:${k.value.toLowerCase()}`;

export type Reservation = { allowed: true; delayMs: number; release: () => Promise<void> } | { allowed: false; lockedUntil: string };

/** Reserves one failure on each key; says whether the attempt may go on, and how long to slow it. */
export async function reserveAttempt(db: DB, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const at = nowIso(now);
  let refusedUntil: string | null = null;
  let delayMs = 0;
  await db.transaction().execute(async (trx) => {
    for (const k of keys) {
      const key = keyText(k);
      // One row per key, locked for this transaction on PostgreSQL (SQLite writes one transaction at a time):
      // parallel guesses queue here instead of each reading the same count.
      await trx
        .insertInto("login_throttle")
        .values({ key, failures: 0, window_started_at: at, locked_until: null })
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      const row = await trx
        .selectFrom("login_throttle")
        .selectAll()
        .where("key", "=", key)
        .$if(engineOf(trx) === "postgres", (q) => q.forUpdate())
        .executeTakeFirstOrThrow();
      if (row?.locked_until && Date.parse(row.locked_until) > now.getTime()) {
        if (!refusedUntil || row.locked_until > refusedUntil) refusedUntil = row.locked_until;
        continue;
      }
      const windowOpen = row.failures > 0 && Date.parse(row.window_started_at) + THROTTLE_WINDOW_MS > now.getTime();
      const failures = windowOpen ? row.failures + 1 : 1;
      const lockedUntil = failures >= LIMITS[k.kind] ? addMs(at, LOCK_MS) : null;
      const values = { failures, window_started_at: windowOpen ? row.window_started_at : at, locked_until: lockedUntil };
      await trx.updateTable("login_throttle").set(values).where("key", "=", key).execute();
      if (failures > LIMITS[k.kind]) refusedUntil = lockedUntil;
      if (failures > SLOW_AFTER[k.kind]) delayMs = Math.max(delayMs, Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER[k.kind]) * DELAY_STEP_MS));
      if (lockedUntil && failures === LIMITS[k.kind]) {
        await writeAudit(trx, { actorUserId: null, action: "lockout", entity: "login", entityId: key.slice(0, 120), after: { locked_until: lockedUntil } });
      }
    }
  });
  if (refusedUntil) return { allowed: false, lockedUntil: refusedUntil };
  return {
    allowed: true,
    delayMs,
    // A correct password: the account starts afresh (its lock too); the address gets its reservation back.
    release: async () => {
      await db.transaction().execute(async (trx) => {
        for (const k of keys) {
          const key = keyText(k);
          if (k.kind === "account") await trx.deleteFrom("login_throttle").where("key", "=", key).execute();
          else
            await trx
              .updateTable("login_throttle")
              .set((eb) => ({ failures: eb("failures", "-", 1) }))
              .where("key", "=", key)
              .where("failures", ">", 0)
              .execute();
        }
      });
    },
  };
}

/** The lock still in force on any of these keys, if one is. */
export async function lockedUntil(db: DB, keys: ThrottleKey[], now = new Date()): Promise<string | null> {
  const rows = await db.selectFrom("login_throttle").select("locked_until").where("key", "in", keys.map(keyText)).execute();
  const live = rows.map((r) => r.locked_until).filter((l): l is string => !!l && Date.parse(l) > now.getTime());
  return live.sort().at(-1) ?? null;
}
