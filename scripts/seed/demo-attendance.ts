/**
 * The demo's attendance: who came to the activities already held, so "reached" figures are credible.
 * Also the offices' people, and demo accounts linked to their person (for QR check-in by login).
 */
import type { Insertable, Kysely, Transaction } from "kysely";
import type { AttendanceStatus, AttendanceTable, Database, PersonTable } from "../../db/schema";
import { nameKey } from "../../app/domain/shared/text";
import { vietnameseName, type Random } from "./random";

type Tx = Kysely<Database> | Transaction<Database>;
const AT = "2025-09-01T01:00:00.000Z";

export async function insertOfficePeople(db: Tx, r: Random, unitIds: number[]) {
  const rows: Insertable<PersonTable>[] = [];
  for (const unitId of unitIds) {
    const counts = await db
      .selectFrom("headcounts")
      .select(["category", "count"])
      .where("unit_id", "=", unitId)
      .where("year", "=", 2026)
      .execute();
    let n = 0;
    for (const c of counts) {
      for (let i = 0; i < c.count; i++) {
        const fullName = vietnameseName(r);
        rows.push({
          unit_id: unitId,
          category: c.category,
          code: `CB${unitId}${String(++n).padStart(3, "0")}`,
          full_name: fullName,
          name_key: nameKey(fullName),
          grade: null,
          class_name: null,
          position: c.category === "communication_staff" ? "Cán bộ thông tin cơ sở" : "Công chức",
          user_id: null,
          left_on: null,
          created_at: AT,
          updated_at: AT,
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto("people")
      .values(rows.slice(i, i + 400))
      .execute();
}

/** Links each demo account to a person of its unit, with the account's name. */
export async function linkAccounts(db: Tx) {
  const members = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id as userId", "users.full_name", "memberships.unit_id", "memberships.role"])
    .where("memberships.role", "in", ["school_admin", "teacher", "commune_staff"])
    .execute();
  for (const m of members) {
    const category = m.role === "school_admin" ? "school_managers" : m.role === "teacher" ? "teachers" : "officials";
    const person = await db
      .selectFrom("people")
      .select("id")
      .where("unit_id", "=", m.unit_id)
      .where("category", "=", category)
      .where("user_id", "is", null)
      .orderBy("id")
      .executeTakeFirst();
    if (person)
      await db
        .updateTable("people")
        .set({ user_id: m.userId, full_name: m.full_name, name_key: nameKey(m.full_name) })
        .where("id", "=", person.id)
        .execute();
  }
}

function pick(r: Random, presentShare: number): AttendanceStatus {
  const x = r.next();
  if (x < presentShare) return "present";
  if (x < presentShare + (1 - presentShare) * 0.4) return "late";
  if (x < presentShare + (1 - presentShare) * 0.75) return "excused";
  return "absent";
}

/** Attendance for every activity already held, by its audiences. */
export async function insertAttendance(db: Tx, r: Random) {
  const now = new Date().toISOString();
  const activities = await db
    .selectFrom("activities")
    .innerJoin("units", "units.id", "activities.organizer_unit_id")
    .select([
      "activities.id",
      "activities.organizer_unit_id",
      "activities.club_id",
      "activities.starts_at",
      "activities.form",
      "units.kind",
    ])
    .where("activities.status", "=", "held")
    .where("activities.starts_at", "<", now)
    .execute();
  const audiences = await db.selectFrom("activity_audiences").select(["activity_id", "audience_code"]).execute();
  const invited = await db.selectFrom("activity_units").select(["activity_id", "unit_id"]).execute();
  const people = await db
    .selectFrom("people")
    .innerJoin("units", "units.id", "people.unit_id")
    .select(["people.id", "people.unit_id", "people.category", "units.kind"])
    .execute();
  const rows: Insertable<AttendanceTable>[] = [];
  const roster: { activity_id: number; person_id: number; added_at: string }[] = [];
  const add = (activityId: number, personIds: number[], share: number, at: string) => {
    for (const personId of personIds) {
      rows.push({
        activity_id: activityId,
        person_id: personId,
        status: pick(r, share),
        note: null,
        source: "roll_call",
        marked_by: null,
        marked_at: at,
      });
      roster.push({ activity_id: activityId, person_id: personId, added_at: at });
    }
  };
  for (const a of activities) {
    if (["banner", "website", "social_media", "e_board", "grassroots_info"].includes(a.form)) continue; // reach figures, no roster
    const aud = new Set(audiences.filter((x) => x.activity_id === a.id).map((x) => x.audience_code));
    if (a.club_id) {
      const members = await db
        .selectFrom("club_members")
        .select("person_id")
        .where("club_id", "=", a.club_id)
        .where("joined_on", "<=", a.starts_at.slice(0, 10))
        .execute();
      add(
        a.id,
        members.map((m) => m.person_id),
        0.82,
        a.starts_at,
      );
      continue;
    }
    if (a.kind === "school") {
      const own = people.filter((p) => p.unit_id === a.organizer_unit_id);
      const staff = own.filter(
        (p) =>
          (aud.has("teachers") && p.category === "teachers") ||
          (aud.has("school_managers") && p.category === "school_managers"),
      );
      add(
        a.id,
        staff.map((p) => p.id),
        0.9,
        a.starts_at,
      );
      if (aud.has("students") && !aud.has("teachers"))
        add(
          a.id,
          own.filter((p) => p.category === "students").map((p) => p.id),
          0.88,
          a.starts_at,
        );
      continue;
    }
    // Commune-level: the offices' officials, and invited schools' managers and teachers as the audience says.
    if (aud.has("officials"))
      add(
        a.id,
        people.filter((p) => p.kind !== "school" && p.category === "officials").map((p) => p.id),
        0.86,
        a.starts_at,
      );
    if (aud.has("communication_staff"))
      add(
        a.id,
        people.filter((p) => p.category === "communication_staff").map((p) => p.id),
        0.9,
        a.starts_at,
      );
    const schools = invited.filter((x) => x.activity_id === a.id).map((x) => x.unit_id);
    const fromSchools = people.filter(
      (p) =>
        schools.includes(p.unit_id) &&
        ((aud.has("school_managers") && p.category === "school_managers") ||
          (aud.has("teachers") && p.category === "teachers" && r.chance(0.3))),
    );
    add(
      a.id,
      fromSchools.map((p) => p.id),
      0.9,
      a.starts_at,
    );
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("attendance")
      .values(rows.slice(i, i + 500))
      .execute();
  for (let i = 0; i < roster.length; i += 500)
    await db
      .insertInto("activity_roster")
      .values(roster.slice(i, i + 500))
      .onConflict((oc) => oc.columns(["activity_id", "person_id"]).doNothing())
      .execute();
}
