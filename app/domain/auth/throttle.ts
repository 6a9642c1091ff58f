/**
 * Throttling of password guesses (decision 003, OWASP ASVS 4.0.3 V2.2.1). Three keys, each counted in a 15-minute
 * window and locked for 15 minutes at its limit:
 *
 * - `account_address` — one account from one address (5): stops a person guessing at an account, and only them.
 * - `account` — one account from anywhere (20, so at most 80 guesses an hour): stops guessing spread over addresses.
 * - `address` — every account from one address (100): stops spraying one password over many accounts. It does not
 *   apply to an account that has signed in from that address before (login.ts), so a school's colleagues behind one
 *   public address keep signing in while one of them, or a stranger, guesses.
 *
 * Each attempt first *reserves* a failure on its keys (one transaction), then the password is checked: a burst of
 * parallel guesses cannot slip through before the lock lands. An attempt refused by a lock counts nothing and
 * extends nothing. A correct password gives its reservation back exactly (and clears a lock it set), so it is never
 * counted as a failure; it also clears its account-and-address key.
 */
import { engineOf } from "../../../db/engine";
import type { DB, Executor } from "../../../db/connection";
import { writeAudit } from "../audit/audit";
import { addMs, nowIso } from "../shared/time";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Failures allowed per key within the window. */
export const LIMITS = { account_address: 5, account: 20, address: 100 } as const;
/** Failures after which each further attempt is slowed. */
const SLOW_AFTER = { account_address: 2, account: 5, address: 10 } as const;
const DELAY_STEP_MS = 400;
const MAX_DELAY_MS = 2_000;

export type ThrottleKind = keyof typeof LIMITS;
export type ThrottleKey = { kind: ThrottleKind; value: string };

const keyText = (k: ThrottleKey) => `${k.kind}:${k.value.toLowerCase()}`;

export type Reservation =
  | {
      allowed: true;
      delayMs: number;
      /** The lock this attempt set by reaching a limit, if it did (in force once the attempt is known to fail). */
      locks: { kind: ThrottleKind; until: string }[];
      /** A correct password: the reservation is given back. */
      release: () => Promise<void>;
      /** A wrong password: the failure stays counted; a lock it set is recorded in the audit log. */
      failed: () => Promise<void>;
    }
  | { allowed: false; lockedUntil: string; lockedBy: ThrottleKind };

/** Reserves one failure on each key; says whether the attempt may go on, and how long to slow it. */
export async function reserveAttempt(db: DB, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const at = nowIso(now);
  let refused: { until: string; kind: ThrottleKind } | null = null;
  let delayMs = 0;
  const locks: { kind: ThrottleKind; key: string; until: string }[] = [];
  await db.transaction().execute(async (trx) => {
    const rows = [];
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
      rows.push({ k, key, row });
    }
    // Refused while any of its keys is locked — and then nothing is counted.
    for (const { k, row } of rows)
      if (
        row.locked_until &&
        Date.parse(row.locked_until) > now.getTime() &&
        (!refused || row.locked_until > refused.until)
      )
        refused = { until: row.locked_until, kind: k.kind };
    if (refused) return;
    for (const { k, key, row } of rows) {
      const windowOpen = row.failures > 0 && Date.parse(row.window_started_at) + THROTTLE_WINDOW_MS > now.getTime();
      const failures = windowOpen ? row.failures + 1 : 1;
      const lockedUntil = failures >= LIMITS[k.kind] ? addMs(at, LOCK_MS) : null;
      await trx
        .updateTable("login_throttle")
        .set({ failures, window_started_at: windowOpen ? row.window_started_at : at, locked_until: lockedUntil })
        .where("key", "=", key)
        .execute();
      if (lockedUntil) locks.push({ kind: k.kind, key, until: lockedUntil });
      if (failures > SLOW_AFTER[k.kind])
        delayMs = Math.max(delayMs, Math.min(MAX_DELAY_MS, (failures - SLOW_AFTER[k.kind]) * DELAY_STEP_MS));
    }
  });
  const r = refused as { until: string; kind: ThrottleKind } | null;
  if (r) return { allowed: false, lockedUntil: r.until, lockedBy: r.kind };
  return {
    allowed: true,
    delayMs,
    locks: locks.map(({ kind, until }) => ({ kind, until })),
    release: async () => {
      await db.transaction().execute(async (trx) => {
        for (const k of keys) {
          const key = keyText(k);
          if (k.kind === "account_address") {
            await trx.deleteFrom("login_throttle").where("key", "=", key).execute();
            continue;
          }
          await trx
            .updateTable("login_throttle")
            .set((eb) => ({ failures: eb("failures", "-", 1) }))
            .where("key", "=", key)
            .where("failures", ">", 0)
            .execute();
          const mine = locks.find((l) => l.key === key);
          if (mine)
            await trx
              .updateTable("login_throttle")
              .set({ locked_until: null })
              .where("key", "=", key)
              .where("locked_until", "=", mine.until)
              .execute();
        }
      });
    },
    failed: async () => {
      for (const l of locks)
        await writeAudit(db, {
          actorUserId: null,
          action: "lockout",
          entity: "login",
          entityId: l.key.slice(0, 120),
          after: { locked_until: l.until },
        });
    },
  };
}

/** The e-mail a throttle key is about, for the keys that are about an account (an address's own key is not). */
function accountOfKey(key: string): string | null {
  if (key.startsWith("account:")) return key.slice("account:".length);
  if (key.startsWith("account_address:")) {
    const rest = key.slice("account_address:".length);
    return rest.slice(0, rest.lastIndexOf("|"));
  }
  return null;
}

/**
 * The throttle rows about one account (its own key and its keys at each address), or about every account. LIKE
 * reads "_" and "%" in an e-mail as wildcards — it may match more, never less —, so callers compare exactly after.
 */
function accountRows(db: Executor, email?: string) {
  return db
    .selectFrom("login_throttle")
    .select(["key", "locked_until"])
    .where((eb) =>
      email === undefined
        ? eb.or([eb("key", "like", "account:%"), eb("key", "like", "account_address:%")])
        : eb.or([eb("key", "=", `account:${email}`), eb("key", "like", `account_address:${email}|%`)]),
    );
}

/**
 * Accounts whose sign-in is locked now (issue 19: the administrator's "Việc cần làm", the account page), by e-mail,
 * with the latest end of their locks: an account's own key, or its key at one address (the person may be the one
 * locked out there). A lock of a whole address is not an account's and is left out.
 */
export async function lockedAccounts(db: Executor, now = new Date(), email?: string): Promise<Map<string, string>> {
  const who = email?.toLowerCase();
  const rows = await accountRows(db, who).where("locked_until", ">", nowIso(now)).execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const account = accountOfKey(r.key);
    if (!account || (who !== undefined && account !== who)) continue;
    if (!out.has(account) || r.locked_until! > out.get(account)!) out.set(account, r.locked_until!);
  }
  return out;
}

/** Lifts every lock and count on an account's keys (the administrator vouches for the person); returns how many. */
export async function clearAccountLocks(db: Executor, email: string): Promise<number> {
  const who = email.toLowerCase();
  const keys = (await accountRows(db, who).execute()).map((r) => r.key).filter((k) => accountOfKey(k) === who);
  if (keys.length) await db.deleteFrom("login_throttle").where("key", "in", keys).execute();
  return keys.length;
}
