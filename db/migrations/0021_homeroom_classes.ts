import type { Kysely } from "kysely";
import { withId } from "./helpers";

/**
 * Issue 20: a homeroom teacher (giáo viên chủ nhiệm) opens a roll call for their class. The principal assigns one
 * teacher's account to each class of the school (a class is the `class_name` its pupils carry); a teacher may have
 * several classes. Removing the account removes its assignments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("homeroom_classes"))
    .addColumn("school_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("class_name", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assigned_at", "text", (c) => c.notNull())
    .addColumn("assigned_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addUniqueConstraint("homeroom_classes_class_uq", ["school_id", "class_name"])
    .execute();
  await db.schema.createIndex("homeroom_classes_user_idx").on("homeroom_classes").columns(["user_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("homeroom_classes").execute();
}
