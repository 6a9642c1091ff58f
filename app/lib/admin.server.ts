/** The server module of the administration (accounts, units, audit log): its routes reach the domain through here (decision 021). */
import { readDate } from "~/domain/shared/dates";
import type { AccountFilter, AccountSort } from "~/domain/accounts/accounts";
import { ACCOUNT_STATES, ROLES } from "~/domain/accounts/schemas";
import type { AuditFilter } from "~/domain/audit/audit";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "~/domain/audit/vocabulary";
import { idParam, oneOf, searchParam } from "./params";

/** The accounts list's filters and order, as its page and its download read them. */
export function parseAccountFilter(url: URL): { filter: AccountFilter; sort: AccountSort } {
  const p = url.searchParams;
  return {
    filter: {
      q: searchParam(url),
      role: ROLES.find((r) => r === p.get("role")),
      unitId: idParam(p.get("unit") ?? undefined) ?? undefined,
      state: ACCOUNT_STATES.find((s) => s === p.get("state")),
    },
    sort: oneOf<AccountSort>(p.get("sort"), ["name", "email", "created"], "name"),
  };
}

/** The audit log's filters, as its page and its download read them. */
export function parseAuditFilter(url: URL): AuditFilter {
  const p = url.searchParams;
  const day = (name: string) => readDate(p.get(name) ?? "") ?? undefined;
  return {
    kind: oneOf(p.get("kind"), ["changes", "sessions", "all"] as const, "changes"),
    q: searchParam(url),
    action: Object.keys(AUDIT_ACTION_LABELS).find((a) => a === p.get("action")),
    entity: Object.keys(AUDIT_ENTITY_LABELS).find((e) => e === p.get("entity")),
    from: day("from"),
    to: day("to"),
  };
}

export {
  accountDetail,
  type AccountSort,
  createAccount,
  issueResetLink,
  liftLoginLock,
  listAccounts,
  setUserActive,
} from "~/domain/accounts/accounts";
export { accountsWorkbook } from "~/domain/accounts/list-sheet";
export { listAudit } from "~/domain/audit/audit";
export { describeAuditEntry } from "~/domain/audit/describe";
export { auditWorkbook } from "~/domain/audit/list-sheet";
export { createUnit, listUnits } from "~/domain/units/units";
