/**
 * The recycle bin (docs/decisions/018): a deleted club, contest, activity, material or budget line leaves the live
 * tables at once — so every figure drops it — and its rows, with every row that went with it (meetings, marks,
 * members, entries, reach figures, budget lines, topics), are kept here for 30 days as a snapshot. Restoring puts
 * the same rows back with the same ids; after 30 days the job runner purges the snapshot and releases its files.
 */
import type { Transaction } from "kysely";
import type { DB } from "../../../db/connection";
import type { BinKind, Database, RecycleBinTable } from "../../../db/schema";
import type { Executor } from "../audit/audit";
import { touchObjects } from "../files/lifecycle";
import { BIN_DAYS } from "./vocabulary";

export { BIN_DAYS, BIN_KIND_LABELS } from "./vocabulary";

const DAY_MS = 24 * 60 * 60_000;

export type SnapshotRow = Record<string, unknown>;
/** Rows by table, in the order they are inserted back (parents first). */
export type Snapshot = { table: keyof Database; rows: SnapshotRow[] }[];

const CHUNK = 500;

/** Every row of a table whose column is one of the values (read in chunks: a meeting series can hold 30,000 marks). */
export async function rowsWhere(
  db: Executor,
  table: keyof Database,
  column: string,
  values: readonly (number | string)[],
): Promise<SnapshotRow[]> {
  const out: SnapshotRow[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const part = values.slice(i, i + CHUNK);
    // The table and column come from this module's callers, never from a request.
    const rows = await (db as DB)
      .selectFrom(table as "activities")
      .selectAll()
      .where(column as "id", "in", part as number[])
      .execute();
    out.push(...(rows as SnapshotRow[]));
  }
  return out;
}

/** Tables that hang off an activity and go with it. */
const ACTIVITY_PARTS = [
  "activity_topics",
  "activity_audiences",
  "activity_units",
  "activity_reach",
  "budget_lines",
  "attendance",
  "activity_roster",
  "activity_checkin",
] as const satisfies readonly (keyof Database)[];

/** The activities and everything that hangs off them. */
export async function activitiesSnapshot(db: Executor, ids: number[]): Promise<Snapshot> {
  const snapshot: Snapshot = [{ table: "activities", rows: await rowsWhere(db, "activities", "id", ids) }];
  for (const table of ACTIVITY_PARTS) snapshot.push({ table, rows: await rowsWhere(db, table, "activity_id", ids) });
  return snapshot;
}

const PART_LABELS: Partial<Record<keyof Database, string>> = {
  activities: "buổi sinh hoạt",
  club_members: "lượt thành viên",
  attendance: "lượt điểm danh",
  budget_lines: "dòng kinh phí",
  activity_reach: "số liệu đối tượng tham gia",
  contest_entries: "bài dự thi",
};

/** What went with a record, in words ("31 lượt điểm danh, 2 dòng kinh phí"), the record itself (the first row) left out. */
export function describeParts(snapshot: Snapshot): string {
  const counts = new Map<string, number>();
  snapshot.forEach((part, i) => {
    const label = PART_LABELS[part.table];
    const n = part.rows.length - (i === 0 ? 1 : 0);
    if (label && n > 0) counts.set(label, (counts.get(label) ?? 0) + n);
  });
  return [...counts].map(([label, n]) => `${n.toLocaleString("vi-VN")} ${label}`).join(", ");
}

/** How many rows of a table a snapshot holds. */
export function rowCount(snapshot: Snapshot, table: keyof Database): number {
  return snapshot.filter((p) => p.table === table).reduce((n, p) => n + p.rows.length, 0);
}

export interface BinEntryInput {
  kind: BinKind;
  recordId: number;
  unitId: number;
  title: string;
  summary: string;
  snapshot: Snapshot;
  fileIds: number[];
  actorUserId: number | null;
}

/**
 * Called first in the transaction that deletes a record: takes the record's row (a no-op update, which holds the
 * row in PostgreSQL until the transaction ends; SQLite's write transactions run one at a time) and says whether it
 * is still there. A second click on "Xóa", or a colleague deleting the same record, then finds nothing and stops —
 * one deletion, one entry in the bin.
 */
export async function claimRecord(
  trx: Transaction<Database>,
  table: "clubs" | "contests" | "materials" | "budget_lines",
  id: number,
): Promise<boolean> {
  // A plain column (never the key: SQLite would check the rows that refer to it).
  const column = ({ clubs: "name", contests: "name", materials: "title", budget_lines: "category" } as const)[table];
  const done = await trx
    .updateTable(table as "clubs")
    .set((eb) => ({ [column]: eb.ref(column as "name") }))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Keeps a deleted record's snapshot (its first part holds the record itself); called inside the transaction that deletes it. */
export async function moveToBin(trx: Transaction<Database>, e: BinEntryInput): Promise<number> {
  if (e.snapshot[0]?.rows.length !== 1)
    throw new Error(`recycle bin: the snapshot of ${e.kind} ${e.recordId} does not hold the record`);
  const at = new Date();
  const row = await trx
    .insertInto("recycle_bin")
    .values({
      kind: e.kind,
      record_id: e.recordId,
      unit_id: e.unitId,
      title: e.title.slice(0, 300),
      summary: e.summary,
      payload: JSON.stringify(e.snapshot),
      deleted_by_user_id: e.actorUserId,
      deleted_at: at.toISOString(),
      purge_after: new Date(at.getTime() + BIN_DAYS * DAY_MS).toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const files = [...new Set(e.fileIds)];
  if (files.length)
    await trx
      .insertInto("recycle_bin_files")
      .values(files.map((file_id) => ({ bin_id: row.id, file_id })))
      .execute();
  return row.id;
}

export type BinEntry = Omit<RecycleBinTable, "id" | "payload"> & { id: number };

export async function getBinEntry(db: Executor, id: number): Promise<(BinEntry & { snapshot: Snapshot }) | undefined> {
  const row = await db.selectFrom("recycle_bin").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const { payload, ...rest } = row;
  return { ...rest, snapshot: JSON.parse(payload) as Snapshot };
}

/** Entries in the given units, or deleted by the given user, newest first. */
export async function listBin(
  db: Executor,
  where: { unitIds: number[] | null; deletedBy: number },
  opts: { page: number; pageSize: number },
) {
  const q = db
    .selectFrom("recycle_bin")
    .where((eb) =>
      eb.or([
        ...(where.unitIds === null ? [eb.lit(true)] : where.unitIds.length ? [eb("unit_id", "in", where.unitIds)] : []),
        eb("deleted_by_user_id", "=", where.deletedBy),
      ]),
    );
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .leftJoin("users", "users.id", "recycle_bin.deleted_by_user_id")
    .innerJoin("units", "units.id", "recycle_bin.unit_id")
    .select([
      "recycle_bin.id",
      "recycle_bin.kind",
      "recycle_bin.record_id",
      "recycle_bin.unit_id",
      "recycle_bin.title",
      "recycle_bin.summary",
      "recycle_bin.deleted_at",
      "recycle_bin.purge_after",
      "recycle_bin.deleted_by_user_id",
      "users.full_name as deleted_by",
      "units.name as unit_name",
    ])
    .orderBy("recycle_bin.deleted_at", "desc")
    .orderBy("recycle_bin.id", "desc")
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total, rows };
}

/**
 * Takes the entry out of the bin and puts its rows back, table by table, with their ids (its files are referenced
 * live again). The entry is removed first: of two restores at once, the second finds nothing (false) and stops.
 */
export async function putBack(trx: Transaction<Database>, entry: { id: number; snapshot: Snapshot }): Promise<boolean> {
  await trx.deleteFrom("recycle_bin_files").where("bin_id", "=", entry.id).execute();
  const taken = await trx.deleteFrom("recycle_bin").where("id", "=", entry.id).executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1) return false;
  for (const part of entry.snapshot) {
    if (!part.rows.length) continue;
    const width = Object.keys(part.rows[0]).length || 1;
    const size = Math.max(1, Math.floor(900 / width));
    for (let i = 0; i < part.rows.length; i += size)
      await trx
        .insertInto(part.table as "activities")
        .values(part.rows.slice(i, i + size) as never)
        .execute();
  }
  return true;
}

/** Removes one entry for good; its files lose a reference (and go after the grace period). False if it was gone. */
export async function purgeEntry(trx: Transaction<Database>, id: number): Promise<boolean> {
  const files = await trx.selectFrom("recycle_bin_files").select("file_id").where("bin_id", "=", id).execute();
  await trx.deleteFrom("recycle_bin_files").where("bin_id", "=", id).execute();
  const gone = await trx.deleteFrom("recycle_bin").where("id", "=", id).executeTakeFirst();
  if (Number(gone.numDeletedRows) !== 1) return false;
  await touchObjects(trx, { ids: files.map((f) => f.file_id) });
  return true;
}

/** Purges entries older than 30 days (the job runner). */
export async function purgeBin(db: DB, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom("recycle_bin")
    .select("id")
    .where("purge_after", "<=", now.toISOString())
    .limit(500)
    .execute();
  let purged = 0;
  for (const { id } of due) if (await db.transaction().execute((trx) => purgeEntry(trx, id))) purged++;
  return purged;
}
