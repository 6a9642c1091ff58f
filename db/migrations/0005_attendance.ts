import type { Kysely } from "kysely";
import { withId } from "./helpers";

/** Attendance per person and activity (one record each, enforced here), rosters, QR check-in, period locks. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("attendance"))
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("status", "text", (c) => c.notNull()) // present | late | excused | absent
    .addColumn("note", "text")
    .addColumn("source", "text", (c) => c.notNull()) // roll_call | import | qr
    .addColumn("marked_by", "integer", (c) => c.references("users.id"))
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attendance_activity_person_uq", ["activity_id", "person_id"])
    .execute();
  await db.schema.createIndex("attendance_person_idx").on("attendance").columns(["person_id", "status"]).execute();

  await db.schema
    .createTable("activity_roster")
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_roster_pk", ["activity_id", "person_id"])
    .execute();

  await db.schema
    .createTable("activity_checkin")
    .addColumn("activity_id", "integer", (c) => c.primaryKey().references("activities.id").onDelete("cascade"))
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("pin", "text", (c) => c.notNull())
    .addColumn("opened_by", "integer", (c) => c.references("users.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();

  // Approved half-year reports lock a unit's records of that period (issue #6 fills this table).
  await db.schema
    .createTable("period_locks")
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date_exclusive", "text", (c) => c.notNull())
    .addColumn("locked_at", "text", (c) => c.notNull())
    .addColumn("locked_by", "integer", (c) => c.references("users.id"))
    .addPrimaryKeyConstraint("period_locks_pk", ["unit_id", "period_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["period_locks", "activity_checkin", "activity_roster", "attendance"])
    await db.schema.dropTable(t).execute();
}
