import type { Kysely } from "kysely";

/*
 * Frozen copies of the folding this migration used when it was written (app/domain/shared/text.ts may change; a
 * migration must do on a fresh database exactly what it did then).
 */
function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function nameKey(fullName: string): string {
  const folded = foldVietnamese(fullName);
  const given = folded.split(" ").at(-1) ?? "";
  return `${given} ${folded}`;
}

/** Folded name keys on users and people, so searches ignore diacritics and lists sort the Vietnamese way. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["users", "people"]) {
    await db.schema
      .alterTable(table)
      .addColumn("name_key", "text", (c) => c.notNull().defaultTo(""))
      .execute();
    const rows = await db.selectFrom(table).select(["id", "full_name"]).execute();
    for (const r of rows)
      await db
        .updateTable(table)
        .set({ name_key: nameKey(r.full_name) })
        .where("id", "=", r.id)
        .execute();
    await db.schema.createIndex(`${table}_name_key_idx`).on(table).column("name_key").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["users", "people"]) {
    await db.schema.dropIndex(`${table}_name_key_idx`).execute();
    await db.schema.alterTable(table).dropColumn("name_key").execute();
  }
}
