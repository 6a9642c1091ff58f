/** The server module of the administration (accounts, units, audit log): its routes reach the domain through here (decision 021). */
export {
  accountDetail,
  type AccountSort,
  createAccount,
  issueResetLink,
  liftLoginLock,
  listAccounts,
  setUserActive,
} from "~/domain/accounts/accounts";
export { listAudit } from "~/domain/audit/audit";
export { describeAuditEntry } from "~/domain/audit/describe";
export { createUnit, listUnits } from "~/domain/units/units";
