import fs from "node:fs";
import path from "node:path";
import { fileTypeFromFile } from "file-type";
import { sql, type Kysely } from "kysely";
import { uploadDir } from "../config";
import { withId } from "./helpers";

/**
 * Issue #13 (docs/decisions/018): one lifecycle for stored files, a recycle bin, and a job runner.
 * - `stored_files.touched_at`: the last time an object was stored or lost a reference; an object nothing refers
 *   to is deleted only when this is older than the grace period.
 * - Contest evidence is recorded in `stored_files` like a material's file (it was only a key on the entry).
 * - `recycle_bin` holds deleted records (with what went with them) for 30 days; `recycle_bin_files` are the
 *   stored objects they refer to.
 * - `job_runs`: one row per periodic job, with the lease that lets one server process run it at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("stored_files").addColumn("touched_at", "text").execute();
  await db
    .updateTable("stored_files")
    .set({ touched_at: sql`created_at` })
    .execute();

  const evidence = await db
    .selectFrom("contest_entries")
    .select("evidence_file")
    .distinct()
    .where("evidence_file", "is not", null)
    .where("evidence_file", "not in", db.selectFrom("stored_files").select("sha256"))
    .execute();
  const at = new Date().toISOString();
  for (const { evidence_file: sha } of evidence) {
    const file = /^[0-9a-f]{64}$/.test(sha) ? path.join(uploadDir(), "objects", sha.slice(0, 2), sha) : null;
    const exists = file !== null && fs.existsSync(file);
    const type = exists ? await fileTypeFromFile(file) : undefined;
    await db
      .insertInto("stored_files")
      .values({
        sha256: sha,
        mime: type?.mime ?? "application/octet-stream",
        size: exists ? fs.statSync(file).size : 0,
        created_at: at,
        touched_at: at,
      })
      .execute();
  }

  await withId(db, db.schema.createTable("recycle_bin"))
    .addColumn("kind", "text", (c) => c.notNull()) // club | contest | activity | material | budget_line
    .addColumn("record_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull()) // what went with it, in words
    .addColumn("payload", "text", (c) => c.notNull()) // JSON: the rows, table by table, in insertion order
    .addColumn("deleted_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("deleted_at", "text", (c) => c.notNull())
    .addColumn("purge_after", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recycle_bin_unit_idx").on("recycle_bin").columns(["unit_id", "deleted_at"]).execute();
  await db.schema.createIndex("recycle_bin_purge_idx").on("recycle_bin").column("purge_after").execute();
  await db.schema
    .createTable("recycle_bin_files")
    .addColumn("bin_id", "integer", (c) => c.notNull().references("recycle_bin.id").onDelete("cascade"))
    .addColumn("file_id", "integer", (c) => c.notNull().references("stored_files.id"))
    .addPrimaryKeyConstraint("recycle_bin_files_pk", ["bin_id", "file_id"])
    .execute();
  await db.schema.createIndex("recycle_bin_files_file_idx").on("recycle_bin_files").column("file_id").execute();
  await db.schema.createIndex("contest_entries_evidence_idx").on("contest_entries").column("evidence_file").execute();

  await db.schema
    .createTable("job_runs")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("lease_holder", "text")
    .addColumn("lease_until", "text")
    .addColumn("next_run_at", "text", (c) => c.notNull())
    .addColumn("last_started_at", "text")
    .addColumn("last_finished_at", "text")
    .addColumn("last_result", "text")
    .addColumn("last_error", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["job_runs", "recycle_bin_files", "recycle_bin"]) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex("contest_entries_evidence_idx").execute();
  await db.schema.alterTable("stored_files").dropColumn("touched_at").execute();
}
