import { describe, expect, it } from "vitest";
import { can, ownSchoolIds, type Actor } from "../../app/domain/auth/permissions";
import type { Role, UnitKind } from "../../db/schema";
import { canGrant, grantableRoles, sectionsFor } from "../../app/domain/auth/policies";

const SCHOOL_A = 10;
const SCHOOL_B = 11;
const COMMUNE = 1;

function actor(role: Role, unitId: number, unitKind: UnitKind): Actor {
  return {
    userId: 1,
    email: "x@y",
    fullName: "X",
    sessionId: "s",
    memberships: [{ role, unitId, unitKind, unitName: "U" }],
  };
}

const admin = actor("system_admin", COMMUNE, "commune");
const staff = actor("commune_staff", 2, "office");
const leader = actor("commune_leader", COMMUNE, "commune");
const principalA = actor("school_admin", SCHOOL_A, "school");
const teacherA = actor("teacher", SCHOOL_A, "school");

describe("permissions", () => {
  it("lets school staff read only their own school", () => {
    expect(can(principalA, "school.read", SCHOOL_A)).toBe(true);
    expect(can(principalA, "school.read", SCHOOL_B)).toBe(false);
    expect(can(teacherA, "school.read", SCHOOL_A)).toBe(true);
    expect(can(teacherA, "school.read", SCHOOL_B)).toBe(false);
  });

  it("lets only the school administrator manage the school's records; teachers write materials and attendance", () => {
    expect(can(principalA, "school.manage", SCHOOL_A)).toBe(true);
    expect(can(teacherA, "school.manage", SCHOOL_A)).toBe(false);
    expect(can(teacherA, "materials.write", SCHOOL_A)).toBe(true);
    expect(can(teacherA, "attendance.write", SCHOOL_A)).toBe(true);
    expect(can(teacherA, "attendance.write", SCHOOL_B)).toBe(false);
  });

  it("shows students' names only to the school's own staff, never to the commune", () => {
    expect(can(teacherA, "students.names", SCHOOL_A)).toBe(true);
    expect(can(principalA, "students.names", SCHOOL_B)).toBe(false);
    for (const a of [admin, staff, leader]) expect(can(a, "students.names", SCHOOL_A)).toBe(false);
  });

  it("makes the commune leader read-only", () => {
    expect(can(leader, "commune.read")).toBe(true);
    expect(can(leader, "school.read", SCHOOL_B)).toBe(true);
    for (const p of [
      "school.manage",
      "commune.manage",
      "accounts.manage",
      "headcounts.edit",
      "reports.approve",
      "materials.write",
      "attendance.write",
      "units.manage",
    ] as const) {
      expect(can(leader, p, SCHOOL_A)).toBe(false);
    }
  });

  it("lets commune staff read every school, approve reports and manage accounts, but not units", () => {
    expect(can(staff, "school.read", SCHOOL_A)).toBe(true);
    expect(can(staff, "school.read", SCHOOL_B)).toBe(true);
    expect(can(staff, "reports.approve")).toBe(true);
    expect(can(staff, "accounts.manage")).toBe(true);
    expect(can(staff, "units.manage")).toBe(false);
    expect(can(staff, "school.manage", SCHOOL_A)).toBe(false);
  });

  it("limits which roles each actor may grant", () => {
    expect(canGrant(admin, "commune_staff", "office")).toBe(true);
    expect(canGrant(admin, "teacher", "school")).toBe(true);
    expect(canGrant(admin, "teacher", "office")).toBe(false);
    expect(canGrant(staff, "teacher", "school")).toBe(true);
    expect(canGrant(staff, "school_admin", "school")).toBe(true);
    expect(canGrant(staff, "system_admin", "commune")).toBe(false);
    expect(canGrant(staff, "commune_staff", "office")).toBe(false);
    expect(grantableRoles(leader)).toEqual([]);
    expect(grantableRoles(principalA)).toEqual([]);
  });

  it("builds each role's navigation", () => {
    expect(sectionsFor(teacherA)).toEqual([
      "home",
      "people",
      "clubs",
      "contests",
      "activities",
      "attendance",
      "materials",
    ]);
    expect(sectionsFor(principalA)).toContain("reports");
    expect(sectionsFor(principalA)).not.toContain("admin");
    expect(sectionsFor(leader)).not.toContain("admin");
    expect(sectionsFor(staff)).toContain("admin");
    expect(sectionsFor(admin)).toContain("admin");
    expect(ownSchoolIds(teacherA)).toEqual([SCHOOL_A]);
    expect(ownSchoolIds(staff)).toEqual([]);
  });
});
