/**
 * Who is told about what (issue 19). A unit's report goes to those who prepare it (a school's administrators, an
 * office's staff: the holders of `reports.prepare` there); a submission goes to the commune's staff (who approve).
 * Only active accounts are told.
 */
import type { Executor } from "../../../db/connection";

export interface Recipient {
  userId: number;
  email: string;
  fullName: string;
  /** Whether the person takes e-mails (users.email_notifications). */
  wantsEmail: boolean;
}

function recipientsWhere(db: Executor) {
  return db
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .innerJoin("units", "units.id", "memberships.unit_id")
    .select(["users.id", "users.email", "users.full_name", "users.email_notifications"])
    .distinct()
    .where("users.is_active", "=", 1);
}

function toRecipients(rows: { id: number; email: string; full_name: string; email_notifications: number }[]) {
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    fullName: r.full_name,
    wantsEmail: r.email_notifications === 1,
  }));
}

/** Those who prepare a unit's report: its school administrators or its office staff. */
export async function unitPreparers(db: Executor, unitId: number): Promise<Recipient[]> {
  const rows = await recipientsWhere(db)
    .where("memberships.unit_id", "=", unitId)
    .where("memberships.role", "in", ["school_admin", "office_staff"])
    .orderBy("users.id")
    .execute();
  return toRecipients(rows);
}

/** A school's administrators (told when the commune invites the school to an activity). */
export async function schoolAdministrators(db: Executor, unitId: number): Promise<Recipient[]> {
  const rows = await recipientsWhere(db)
    .where("memberships.unit_id", "=", unitId)
    .where("memberships.role", "=", "school_admin")
    .orderBy("users.id")
    .execute();
  return toRecipients(rows);
}

/** The commune's staff (Phòng Văn hóa - Xã hội), who approve its units' reports: members of the commune or of one
 *  of its offices with the role commune_staff. */
export async function communeApprovers(db: Executor, communeId: number): Promise<Recipient[]> {
  const rows = await recipientsWhere(db)
    .where("memberships.role", "=", "commune_staff")
    .where((eb) => eb.or([eb("units.id", "=", communeId), eb("units.parent_id", "=", communeId)]))
    .orderBy("users.id")
    .execute();
  return toRecipients(rows);
}
