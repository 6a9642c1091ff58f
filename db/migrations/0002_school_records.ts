import type { Kysely } from "kysely";
import { withId } from "./helpers";

/** People, vocabularies, STEM clubs, contests and activities (issue #3). */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("vocab_terms"))
    .addColumn("kind", "text", (c) => c.notNull()) // topic | form | audience
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("parent_code", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("vocab_terms_kind_code_uq", ["kind", "code"])
    .execute();

  await withId(db, db.schema.createTable("people"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("category", "text", (c) => c.notNull()) // a headcount category
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("grade", "integer")
    .addColumn("class_name", "text")
    .addColumn("position", "text")
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("left_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("people_unit_code_uq", ["unit_id", "code"])
    .execute();
  await db.schema
    .createIndex("people_unit_category_idx")
    .on("people")
    .columns(["unit_id", "category", "full_name"])
    .execute();

  await withId(db, db.schema.createTable("clubs"))
    .addColumn("school_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("target_grades", "text", (c) => c.notNull()) // JSON array of grades
    .addColumn("schedule", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("founded_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clubs_school_idx").on("clubs").columns(["school_id", "name"]).execute();

  await withId(db, db.schema.createTable("club_members"))
    .addColumn("club_id", "integer", (c) => c.notNull().references("clubs.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull()) // member | advisor
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("left_on", "text")
    .execute();
  await db.schema.createIndex("club_members_club_idx").on("club_members").columns(["club_id", "left_on"]).execute();
  await db.schema.createIndex("club_members_person_idx").on("club_members").column("person_id").execute();

  await withId(db, db.schema.createTable("activities"))
    .addColumn("organizer_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("link", "text")
    .addColumn("commemoration", "text")
    .addColumn("planned_participants", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("club_id", "integer", (c) => c.references("clubs.id"))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("activities_organizer_start_idx")
    .on("activities")
    .columns(["organizer_unit_id", "starts_at"])
    .execute();
  await db.schema.createIndex("activities_start_idx").on("activities").column("starts_at").execute();
  await db.schema.createIndex("activities_club_idx").on("activities").column("club_id").execute();

  for (const [table, column] of [
    ["activity_topics", "topic_code"],
    ["activity_audiences", "audience_code"],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
      .addColumn(column, "text", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ["activity_id", column])
      .execute();
    await db.schema.createIndex(`${table}_code_idx`).on(table).columns([column, "activity_id"]).execute();
  }

  await db.schema
    .createTable("activity_units")
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("relation", "text", (c) => c.notNull()) // co_organizer | invited
    .addPrimaryKeyConstraint("activity_units_pk", ["activity_id", "unit_id"])
    .execute();
  await db.schema
    .createIndex("activity_units_unit_idx")
    .on("activity_units")
    .columns(["unit_id", "activity_id"])
    .execute();

  await db.schema
    .createTable("activity_reach")
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("audience_code", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_reach_pk", ["activity_id", "audience_code"])
    .execute();

  await withId(db, db.schema.createTable("budget_lines"))
    .addColumn("activity_id", "integer", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("estimate", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("actual", "integer")
    .addColumn("note", "text")
    .execute();
  await db.schema.createIndex("budget_lines_activity_idx").on("budget_lines").column("activity_id").execute();

  await withId(db, db.schema.createTable("contests"))
    .addColumn("organizer_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull()) // school | commune | province | national
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("rules", "text")
    .addColumn("link", "text")
    .addColumn("open_to_all", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contests_organizer_idx")
    .on("contests")
    .columns(["organizer_unit_id", "starts_on"])
    .execute();

  await withId(db, db.schema.createTable("contest_entries"))
    .addColumn("contest_id", "integer", (c) => c.notNull().references("contests.id"))
    .addColumn("school_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("result", "text") // first | second | third | consolation | participation; null = not yet
    .addColumn("evidence_file", "text")
    .addColumn("evidence_name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("contest_entries_contest_idx")
    .on("contest_entries")
    .columns(["contest_id", "school_id"])
    .execute();
  await db.schema.createIndex("contest_entries_school_idx").on("contest_entries").column("school_id").execute();

  await db.schema
    .createTable("contest_entry_members")
    .addColumn("entry_id", "integer", (c) => c.notNull().references("contest_entries.id").onDelete("cascade"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull()) // student | mentor
    .addPrimaryKeyConstraint("contest_entry_members_pk", ["entry_id", "person_id"])
    .execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("unit_id", "integer", (c) => c.primaryKey().references("units.id"))
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "calendar_feeds",
    "contest_entry_members",
    "contest_entries",
    "contests",
    "budget_lines",
    "activity_reach",
    "activity_units",
    "activity_audiences",
    "activity_topics",
    "activities",
    "club_members",
    "clubs",
    "people",
    "vocab_terms",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
