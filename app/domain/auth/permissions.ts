/**
 * The one place that decides who may do what. Every loader and action asks it.
 *
 * Roles (see docs/decisions/003-roles-and-permissions.md):
 * - system_admin: accounts, units and headcounts; reads every school's records and figures like a commune reader
 *   (students as counts).
 * - commune_staff (Phòng Văn hóa - Xã hội): reads every school (students as counts only),
 *   writes commune-wide records, approves reports, creates accounts for schools and teachers.
 * - commune_leader: reads every school's records and figures (students as counts); changes nothing.
 * - province_reader (Sở, UBND tỉnh): reads every commune's figures and records like a commune leader.
 * Commune-wide roles reach their own commune only (Actor.reach) when the deployment holds several.
 *   The audit log (addresses, e-mails) is left to those who administer accounts.
 * - school_admin (ban giám hiệu): manages their own school.
 * - teacher: reads their own school; writes materials and attendance there.
 * - office_staff (a cơ quan chuyên môn of the commune, plan V.2): prepares and submits their office's half-year
 *   report, and reads it; nothing else (docs/decisions/012).
 */
import type { Role, UnitKind } from "../../../db/schema";

export interface ActorMembership {
  role: Role;
  unitId: number;
  unitKind: UnitKind;
  unitName: string;
}

export interface Actor {
  userId: number;
  email: string;
  fullName: string;
  sessionId: string;
  memberships: ActorMembership[];
  /**
   * The units of the actor's commune: the commune and everything under it (a deployment may hold several
   * communes of a province). Commune-wide roles read these; a school's staff see commune-level activities and
   * contests among them. Undefined = every unit (the system administrator, a province reader, or a hand-made
   * actor in a test of a single commune). Set by loadActor.
   */
  reach?: number[];
}

export type Permission =
  | "accounts.manage"
  | "units.manage"
  | "headcounts.edit"
  | "audit.read"
  | "commune.read"
  | "commune.manage"
  | "reports.approve"
  | "school.read"
  | "school.manage"
  | "students.names"
  | "materials.write"
  | "attendance.write"
  | "reports.prepare";

/** Permissions that are about one school (or unit); asking without a unit asks "for any unit at all". */
const SCOPED: ReadonlySet<Permission> = new Set([
  "headcounts.edit",
  "school.read",
  "school.manage",
  "students.names",
  "materials.write",
  "attendance.write",
  "reports.prepare",
]);

const COMMUNE_WIDE: Record<
  "system_admin" | "commune_staff" | "commune_leader" | "province_reader",
  ReadonlySet<Permission>
> = {
  system_admin: new Set<Permission>([
    "accounts.manage",
    "units.manage",
    "headcounts.edit",
    "audit.read",
    "commune.read",
    "school.read",
  ]),
  commune_staff: new Set<Permission>([
    "accounts.manage",
    "headcounts.edit",
    "audit.read",
    "commune.read",
    "commune.manage",
    "reports.approve",
    "school.read",
  ]),
  commune_leader: new Set<Permission>(["commune.read", "school.read"]),
  province_reader: new Set<Permission>(["commune.read", "school.read"]),
};

/** Commune staff manage the commune's own units (its offices, hamlets, the commune itself) — in their commune only. */
export function managesCommuneUnit(actor: Actor, unitId: number): boolean {
  return can(actor, "commune.manage") && reaches(actor, unitId);
}

/** Whether a unit is within the actor's reach (their commune, or everything). */
export function reaches(actor: Actor, unitId: number): boolean {
  return !actor.reach || actor.reach.includes(unitId);
}

/** The units whose school records an actor lists: the commune's readers their reach (null = all), others their own schools. */
export function readableUnitIds(actor: Actor): number[] | null {
  return can(actor, "commune.read") ? reachOf(actor) : ownSchoolIds(actor);
}

/** The units a commune-wide reader may list, or null for all of them. */
export function reachOf(actor: Actor): number[] | null {
  return actor.reach ?? null;
}

/** What a unit's own staff may do there: a school's administrators and teachers, an office's staff. */
const IN_OWN_UNIT: Record<"school_admin" | "teacher" | "office_staff", ReadonlySet<Permission>> = {
  school_admin: new Set<Permission>([
    "reports.prepare",
    "school.read",
    "school.manage",
    "students.names",
    "materials.write",
    "attendance.write",
    "headcounts.edit",
  ]),
  teacher: new Set<Permission>(["school.read", "students.names", "materials.write", "attendance.write"]),
  office_staff: new Set<Permission>(["reports.prepare"]),
};

export function can(actor: Actor, permission: Permission, unitId?: number): boolean {
  for (const m of actor.memberships) {
    if (m.role in COMMUNE_WIDE) {
      if (
        COMMUNE_WIDE[m.role as keyof typeof COMMUNE_WIDE].has(permission) &&
        (unitId === undefined || !SCOPED.has(permission) || reaches(actor, unitId))
      )
        return true;
    } else if (IN_OWN_UNIT[m.role as keyof typeof IN_OWN_UNIT].has(permission)) {
      if (!SCOPED.has(permission)) return true;
      if (unitId === undefined || unitId === m.unitId) return true;
    }
  }
  return false;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.memberships.some((m) => roles.includes(m.role));
}

/** The units (schools, offices) whose half-year report this actor prepares. */
export function reportingUnitIds(actor: Actor): number[] {
  return [...new Set(actor.memberships.filter((m) => can(actor, "reports.prepare", m.unitId)).map((m) => m.unitId))];
}

/** Schools whose own staff this actor is (school administrator or teacher). */
export function ownSchoolIds(actor: Actor): number[] {
  return [
    ...new Set(actor.memberships.filter((m) => m.role === "school_admin" || m.role === "teacher").map((m) => m.unitId)),
  ];
}
