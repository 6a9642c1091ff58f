import { sql, type Kysely } from "kysely";
import { engineOf, withId } from "./helpers";

/** Learning materials (issue #5): stored files (content-addressed), materials, topics, and a full-text index. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("stored_files"))
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("materials"))
    .addColumn("school_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("author_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("grades", "text", (c) => c.notNull()) // JSON array
    .addColumn("integrates_topics", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("visibility", "text", (c) => c.notNull()) // school | commune | public
    .addColumn("file_id", "integer", (c) => c.references("stored_files.id"))
    .addColumn("file_name", "text")
    .addColumn("link_url", "text")
    .addColumn("views", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("downloads", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("materials_school_idx").on("materials").columns(["school_id", "created_at"]).execute();
  await db.schema
    .createIndex("materials_visibility_idx")
    .on("materials")
    .columns(["visibility", "created_at"])
    .execute();
  await db.schema.createIndex("materials_file_idx").on("materials").column("file_id").execute();

  await db.schema
    .createTable("material_topics")
    .addColumn("material_id", "integer", (c) => c.notNull().references("materials.id").onDelete("cascade"))
    .addColumn("topic_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("material_topics_pk", ["material_id", "topic_code"])
    .execute();

  await db.schema
    .createTable("school_quotas")
    .addColumn("school_id", "integer", (c) => c.primaryKey().references("units.id"))
    .addColumn("bytes", "integer", (c) => c.notNull())
    .execute();

  // Full-text search over folded text (no diacritics: "chuyen doi so" finds "Chuyển đổi số").
  // SQLite: an FTS5 index kept in step by triggers. PostgreSQL: its own full-text search over the same folded
  // text ('simple' configuration: no stemming, the text has no diacritics already), indexed by GIN.
  if (engineOf(db) === "postgres")
    await sql`create index materials_search_idx on materials using gin (to_tsvector('simple', search_text))`.execute(
      db,
    );
  if (engineOf(db) === "sqlite") {
    await sql`create virtual table materials_fts using fts5(search_text, content='materials', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger materials_fts_ai after insert on materials begin insert into materials_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
    await sql`create trigger materials_fts_ad after delete on materials begin insert into materials_fts(materials_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
      db,
    );
    await sql`create trigger materials_fts_au after update of search_text on materials begin insert into materials_fts(materials_fts, rowid, search_text) values ('delete', old.id, old.search_text); insert into materials_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "sqlite") await sql`drop table if exists materials_fts`.execute(db);
  for (const t of ["school_quotas", "material_topics", "materials", "stored_files"])
    await db.schema.dropTable(t).execute();
}
