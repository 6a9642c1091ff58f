import type { DB } from "../../../db/connection";
import type { Role } from "../../../db/schema";
import { writeAudit, type Executor } from "../audit/audit";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { reaches, type Actor } from "../auth/permissions";
import { createSession, invalidateUserSessions } from "../auth/sessions";
import { randomToken, sha256Hex } from "../auth/tokens";
import { DomainError } from "../shared/errors";
import { matchesFolded } from "../shared/search";
import { nameKey } from "../shared/text";
import { addMs, HOUR_MS, nowIso } from "../shared/time";
import { checkPasswordGuarded, normalizeEmail } from "../auth/login";
import { clearAccountLocks, lockedAccounts } from "../auth/throttle";
import { canGrant, canManageUser, maySeeAccount, refuse } from "../auth/policies";
import type { AccountState } from "./schemas";

/** A one-time link (activation or reset) is valid this long. */
export const LINK_LIFETIME_MS = 72 * HOUR_MS;

export interface IssuedLink {
  token: string;
  expiresAt: string;
}

async function issueLink(
  db: Executor,
  userId: number,
  purpose: "activate" | "reset",
  createdBy: number | null,
): Promise<IssuedLink> {
  const token = randomToken(24);
  const createdAt = nowIso();
  const expiresAt = addMs(createdAt, LINK_LIFETIME_MS);
  // A new link replaces any earlier unused one for the same account.
  await db
    .updateTable("account_tokens")
    .set({ used_at: createdAt })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("account_tokens")
    .values({
      user_id: userId,
      token_hash: sha256Hex(token),
      purpose,
      created_by: createdBy || null,
      created_at: createdAt,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The unit of a user's first membership, so a school can see the changes made to its accounts. */
async function primaryUnitOf(db: Executor, userId: number): Promise<number | null> {
  const m = await db
    .selectFrom("memberships")
    .select("unit_id")
    .where("user_id", "=", userId)
    .orderBy("id")
    .executeTakeFirst();
  return m?.unit_id ?? null;
}

export async function createAccount(
  db: DB,
  actor: Actor,
  input: { email: string; fullName: string; phone?: string; role: Role; unitId: number },
  ip: string | null = null,
): Promise<{ userId: number; link: IssuedLink }> {
  const unit = await db
    .selectFrom("units")
    .select(["id", "kind", "archived_at"])
    .where("id", "=", input.unitId)
    .executeTakeFirst();
  if (!unit || unit.archived_at) throw new DomainError("Đơn vị không tồn tại.", "unitId");
  // A unit outside the actor's reach is answered as missing; a role they may not give there, as refused.
  if (!reaches(actor, unit.id)) refuse(false);
  if (!canGrant(actor, input.role, unit.kind))
    refuse(true, "Bạn không được tạo tài khoản với vai trò này cho đơn vị đã chọn.");
  const email = normalizeEmail(input.email);
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw new DomainError("Email này đã có tài khoản.", "email");
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const user = await trx
      .insertInto("users")
      .values({
        email,
        full_name: input.fullName.trim(),
        name_key: nameKey(input.fullName),
        phone: input.phone?.trim() || null,
        password_hash: null,
        is_active: 1,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("memberships")
      .values({ user_id: user.id, unit_id: unit.id, role: input.role, created_at: at })
      .execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: unit.id,
      action: "create",
      entity: "user",
      entityId: user.id,
      after: { email, full_name: input.fullName, role: input.role, unit_id: unit.id },
      ip,
    });
    const link = await issueLink(trx, user.id, "activate", actor.userId);
    return { userId: user.id, link };
  });
}

export async function issueResetLink(
  db: DB,
  actor: Actor,
  userId: number,
  ip: string | null = null,
): Promise<IssuedLink> {
  if (!(await canManageUser(db, actor, userId)))
    refuse(await maySeeAccount(db, actor, userId), "Bạn không được cấp lại mật khẩu cho tài khoản này.");
  const user = await db.selectFrom("users").select("is_active").where("id", "=", userId).executeTakeFirst();
  if (!user?.is_active) throw new DomainError("Tài khoản đang bị khóa: hãy mở khóa trước khi cấp liên kết.");
  return db.transaction().execute(async (trx) => {
    const link = await issueLink(trx, userId, "reset", actor.userId);
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: await primaryUnitOf(trx, userId),
      action: "link_issue",
      entity: "user",
      entityId: userId,
      after: { purpose: "reset" },
      ip,
    });
    return link;
  });
}

export async function setUserActive(
  db: DB,
  actor: Actor,
  userId: number,
  active: boolean,
  ip: string | null = null,
): Promise<void> {
  if (!(await canManageUser(db, actor, userId)))
    refuse(await maySeeAccount(db, actor, userId), "Bạn không được thay đổi tài khoản này.");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ is_active: active ? 1 : 0, updated_at: nowIso() })
      .where("id", "=", userId)
      .execute();
    if (!active) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: await primaryUnitOf(trx, userId),
      action: active ? "activate" : "deactivate",
      entity: "user",
      entityId: userId,
      ip,
    });
  });
}

/**
 * Lifts the sign-in lock that wrong passwords put on an account (throttle.ts), once the administrator has made
 * sure the person is who they say (issue 19: the lock is on their "Việc cần làm"). Audited; nothing else changes.
 */
export async function liftLoginLock(db: DB, actor: Actor, userId: number, ip: string | null = null): Promise<void> {
  if (!(await canManageUser(db, actor, userId)))
    refuse(await maySeeAccount(db, actor, userId), "Bạn không được thay đổi tài khoản này.");
  const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const cleared = await clearAccountLocks(trx, user.email);
    if (!cleared) return;
    await writeAudit(trx, {
      actorUserId: actor.userId,
      unitId: await primaryUnitOf(trx, userId),
      action: "unlock",
      entity: "user",
      entityId: userId,
      ip,
    });
  });
}

/** One account as the administration page shows it, with its memberships; undefined when there is none. */
export async function accountDetail(db: DB, userId: number) {
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "full_name", "phone", "is_active", "created_at", "password_changed_at", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { password_hash, ...user } = row;
  // Sign-in locked by too many wrong passwords (throttle.ts), until when: the administrator may lift it.
  const lockedUntil = (await lockedAccounts(db, new Date(), row.email)).get(row.email) ?? null;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select(["memberships.role", "units.name", "units.id as unit_id"])
    .where("memberships.user_id", "=", userId)
    .execute();
  return { user: { ...user, hasPassword: password_hash !== null, lockedUntil }, memberships };
}

/** Looks up an unused, unexpired one-time link. */
export async function findLink(db: DB, token: string) {
  const row = await db
    .selectFrom("account_tokens")
    .innerJoin("users", "users.id", "account_tokens.user_id")
    .select([
      "account_tokens.id",
      "account_tokens.user_id",
      "account_tokens.purpose",
      "account_tokens.expires_at",
      "account_tokens.used_at",
      "users.email",
      "users.full_name",
      "users.is_active",
    ])
    .where("account_tokens.token_hash", "=", sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now() || !row.is_active) return null;
  return row;
}

/** Sets the password through a one-time link; the link is spent and every older session ends. */
export async function redeemLink(
  db: DB,
  token: string,
  password: string,
  ip: string | null = null,
): Promise<{ userId: number }> {
  const link = await findLink(db, token);
  if (!link) throw new DomainError("Liên kết không hợp lệ, đã dùng hoặc đã hết hạn. Vui lòng xin liên kết mới.");
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    const spent = await trx
      .updateTable("account_tokens")
      .set({ used_at: at })
      .where("id", "=", link.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) throw new DomainError("Liên kết này vừa được sử dụng.");
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
      .where("id", "=", link.user_id)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", link.user_id).execute();
    await writeAudit(trx, {
      actorUserId: link.user_id,
      action: "link_redeem",
      entity: "user",
      entityId: link.user_id,
      after: { purpose: link.purpose },
      ip,
    });
  });
  return { userId: link.user_id };
}

/** The user changes their own password: all their sessions end and a fresh one is returned. */
export async function changeOwnPassword(
  db: DB,
  actor: Actor,
  current: string,
  next: string,
  ip: string | null = null,
): Promise<{ token: string; expiresAt: string }> {
  const user = await db
    .selectFrom("users")
    .select(["password_hash"])
    .where("id", "=", actor.userId)
    .executeTakeFirstOrThrow();
  // Guessing the current password from a stolen session is throttled like a login; the account's own lock ends
  // the session. A lock of the address (someone else guessing behind the school's one address) does not.
  const checked = await checkPasswordGuarded(db, { email: actor.email, ip: ip ?? "unknown" }, async () =>
    user.password_hash ? verifyPassword(user.password_hash, current) : false,
  );
  if (!checked.ok && checked.reason === "locked" && checked.lockedBy === "account") {
    await invalidateUserSessions(db, actor.userId);
    throw new DomainError(
      "Nhập sai mật khẩu quá nhiều lần: phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại sau ít phút.",
      "locked",
    );
  }
  if (!checked.ok && checked.reason === "locked")
    throw new DomainError("Có quá nhiều lần đăng nhập sai từ mạng này. Vui lòng thử lại sau ít phút.", "locked");
  if (!checked.ok) throw new DomainError("Mật khẩu hiện tại không đúng.", "current");
  const passwordHash = await hashPassword(next);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
      .where("id", "=", actor.userId)
      .execute();
    await writeAudit(trx, {
      actorUserId: actor.userId,
      action: "password_change",
      entity: "user",
      entityId: actor.userId,
      ip,
    });
  });
  await invalidateUserSessions(db, actor.userId);
  const { token, session } = await createSession(db, actor.userId);
  return { token, expiresAt: session.expiresAt };
}

export type AccountSort = "name" | "email" | "created";

export interface AccountFilter {
  /** Words of the name or the e-mail, without diacritics or case. */
  q?: string;
  /** Accounts with a membership of this role, in this unit (both: the same membership). */
  role?: Role;
  unitId?: number;
  state?: AccountState;
}

/** Accounts, filtered; `within` (an actor's reach, null = all) keeps a commune's own. */
export async function listAccounts(
  db: DB,
  opts: AccountFilter & { page: number; pageSize: number; sort: AccountSort; within?: number[] | null },
) {
  let q = db.selectFrom("users");
  if (opts.within)
    q = q.where(
      "users.id",
      "in",
      db
        .selectFrom("memberships")
        .select("user_id")
        .where("unit_id", "in", opts.within.length ? opts.within : [-1]),
    );
  if (opts.q) q = q.where(matchesFolded(["users.name_key", "users.email"], opts.q));
  if (opts.unitId || opts.role) {
    let m = db.selectFrom("memberships").select("user_id");
    if (opts.unitId) m = m.where("unit_id", "=", opts.unitId);
    if (opts.role) m = m.where("role", "=", opts.role);
    q = q.where("users.id", "in", m);
  }
  if (opts.state === "locked") q = q.where("users.is_active", "=", 0);
  if (opts.state === "active") q = q.where("users.is_active", "=", 1).where("users.password_hash", "is not", null);
  if (opts.state === "pending") q = q.where("users.is_active", "=", 1).where("users.password_hash", "is", null);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const order = opts.sort === "email" ? "users.email" : opts.sort === "created" ? "users.created_at" : "users.name_key";
  const users = await q
    .select([
      "users.id",
      "users.email",
      "users.full_name",
      "users.is_active",
      "users.created_at",
      "users.password_hash",
    ])
    .orderBy(order, opts.sort === "created" ? "desc" : "asc")
    .orderBy("users.id")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const ids = users.map((u) => u.id);
  const memberships = new Map<number, { role: Role; unitName: string }[]>();
  // A download reads many accounts: their memberships a bounded number at a time (a statement's parameters are few).
  for (let i = 0; i < ids.length; i += 500)
    for (const m of await db
      .selectFrom("memberships")
      .innerJoin("units", "units.id", "memberships.unit_id")
      .select(["memberships.user_id", "memberships.role", "units.name as unit_name"])
      .where("memberships.user_id", "in", ids.slice(i, i + 500))
      .execute())
      memberships.set(m.user_id, [...(memberships.get(m.user_id) ?? []), { role: m.role, unitName: m.unit_name }]);
  return {
    total,
    rows: users.map(({ password_hash, ...u }) => ({
      ...u,
      hasPassword: password_hash !== null,
      memberships: memberships.get(u.id) ?? [],
    })),
  };
}
