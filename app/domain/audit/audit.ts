import { sql } from "kysely";

import { matchesFolded } from "../shared/search";
import { addMs, DAY_MS, nowIso, vietnamInstant } from "../shared/time";

export type { Executor } from "../../../db/connection";
import type { Executor } from "../../../db/connection";

export interface AuditEntry {
  actorUserId: number | null;
  unitId?: number | null;
  action:
    | "create"
    | "update"
    | "delete"
    | "restore"
    | "purge"
    | "login"
    | "logout"
    | "password_change"
    | "link_issue"
    | "link_redeem"
    | "deactivate"
    | "activate"
    | "lockout"
    | "unlock";
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Fields never written to the audit log. */
const SECRET_FIELDS = new Set(["password_hash", "secret_hash", "token_hash"]);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v) => (SECRET_FIELDS.has(k) ? "[ẩn]" : v));
}

/** Records who changed what, when, with the state before and after. Call inside the change's transaction. */
export async function writeAudit(db: Executor, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: nowIso(),
      actor_user_id: e.actorUserId || null, // 0 = the command line, not a user
      unit_id: e.unitId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      before_json: redact(e.before),
      after_json: redact(e.after),
      ip: e.ip ?? null,
    })
    .execute();
}

export const SESSION_ACTIONS = ["login", "logout", "lockout"];

/**
 * The newest audit row of a change to records (sign-ins, sign-outs and lockouts aside: anyone can cause those):
 * a cache of computed figures keyed by it (the public progress page) follows every recorded change.
 */
export async function latestChangeId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "not in", SESSION_ACTIONS)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export interface AuditFilter {
  /** Changes to records, sign-ins and sign-outs, or both. */
  kind?: "changes" | "sessions" | "all";
  /** Who: words of the actor's name or e-mail, without diacritics or case. */
  q?: string;
  action?: string;
  entity?: string;
  /** Vietnamese calendar days, both included ("YYYY-MM-DD"). */
  from?: string;
  to?: string;
}

export async function listAudit(
  db: Executor,
  opts: AuditFilter & { page: number; pageSize: number; unitIds?: number[] },
) {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .leftJoin("units", "units.id", "audit_log.unit_id");
  if (opts.unitIds) q = q.where("audit_log.unit_id", "in", opts.unitIds.length ? opts.unitIds : [-1]);
  if (opts.kind === "changes") q = q.where("audit_log.action", "not in", SESSION_ACTIONS);
  if (opts.kind === "sessions") q = q.where("audit_log.action", "in", SESSION_ACTIONS);
  if (opts.q) q = q.where(matchesFolded(["users.name_key", "users.email"], opts.q));
  if (opts.action) q = q.where("audit_log.action", "=", opts.action);
  if (opts.entity) q = q.where("audit_log.entity", "=", opts.entity);
  if (opts.from) q = q.where("audit_log.at", ">=", vietnamInstant(opts.from));
  if (opts.to) q = q.where("audit_log.at", "<", addMs(vietnamInstant(opts.to), DAY_MS));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.before_json",
      "audit_log.after_json",
      "audit_log.ip",
      "users.full_name as actor_name",
      "users.email as actor_email",
      "units.name as unit_name",
      (eb) =>
        eb
          .selectFrom("users as target")
          .select("target.email")
          .where("audit_log.entity", "=", "user")
          .whereRef(sql`cast(target.id as text)`, "=", "audit_log.entity_id")
          .as("target_email"),
    ])
    .orderBy("audit_log.id", "desc")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total, rows };
}
