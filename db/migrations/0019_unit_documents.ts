import type { Kysely } from "kysely";

/**
 * Issue #18: each unit sets who signs its documents (name and title, NĐ 30/2020: "HIỆU TRƯỞNG", "TRƯỞNG PHÒNG"…)
 * and its document abbreviation (the "BC-THCSTA" of "Số: …/BC-THCSTA"). Empty = the defaults by kind of unit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ["signer_name", "signer_title", "doc_abbreviation"])
    await db.schema.alterTable("units").addColumn(column, "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["signer_name", "signer_title", "doc_abbreviation"])
    await db.schema.alterTable("units").dropColumn(column).execute();
}
