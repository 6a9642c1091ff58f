/**
 * One lifecycle for every stored object (docs/decisions/018).
 *
 * What refers to an object: a material (`materials.file_id`), a contest entry's evidence
 * (`contest_entries.evidence_file`), and a record in the recycle bin (`recycle_bin_files`). Anything that stores
 * a file later adds its reference to `REFERENCES` below, and nothing else changes.
 *
 * An object is released — its bytes deleted and its row removed — only when nothing refers to it and it was
 * last touched (stored, or a reference to it dropped) more than `RELEASE_GRACE_MS` ago. The grace period is longer
 * than the longest upload (a 500 MB video over a slow line) and the longest backup, so neither can find an
 * object gone that it had seen. The sweep runs from the job runner.
 */
import fs from "node:fs";
import path from "node:path";
import type { ExpressionBuilder } from "kysely";
import { uploadDir } from "../../../db/config";
import type { Database } from "../../../db/schema";
import type { Executor } from "../audit/audit";
import { nowIso } from "../shared/time";
import { storedPath } from "./storage";

/** 24 hours. */
export const RELEASE_GRACE_MS = 24 * 60 * 60_000;

/** An upload nothing has written to for this long is dead (killed, or its connection lost). */
export const STALLED_UPLOAD_MS = 60 * 60_000;

export const DEFAULT_QUOTA_BYTES =
  (Number(process.env.DEFAULT_QUOTA_MB) > 0 ? Number(process.env.DEFAULT_QUOTA_MB) : 2048) * 1024 * 1024;

type Files = ExpressionBuilder<Database, "stored_files">;

/** Every kind of record that refers to a stored object, as a condition on `stored_files`. */
const REFERENCES: ((eb: Files) => ReturnType<Files["exists"]>)[] = [
  (eb) =>
    eb.exists(eb.selectFrom("materials").select("materials.id").whereRef("materials.file_id", "=", "stored_files.id")),
  (eb) =>
    eb.exists(
      eb
        .selectFrom("contest_entries")
        .select("contest_entries.id")
        .whereRef("contest_entries.evidence_file", "=", "stored_files.sha256"),
    ),
  (eb) =>
    eb.exists(
      eb
        .selectFrom("recycle_bin_files")
        .select("recycle_bin_files.bin_id")
        .whereRef("recycle_bin_files.file_id", "=", "stored_files.id"),
    ),
];

function unreferenced(eb: Files) {
  return eb.not(eb.or(REFERENCES.map((r) => r(eb))));
}

/** Marks objects as having lost a reference now: they stay at least the grace period if nothing else holds them. */
export async function touchObjects(db: Executor, keys: { ids?: number[]; sha256?: (string | null)[] }): Promise<void> {
  const ids = keys.ids?.filter((i) => i !== null) ?? [];
  const shas = (keys.sha256 ?? []).filter((s): s is string => !!s);
  if (!ids.length && !shas.length) return;
  await db
    .updateTable("stored_files")
    .set({ touched_at: nowIso() })
    .where((eb) =>
      eb.or([...(ids.length ? [eb("id", "in", ids)] : []), ...(shas.length ? [eb("sha256", "in", shas)] : [])]),
    )
    .execute();
}

/**
 * Bytes a school stores and its quota: every object its materials, its entries' evidence and its records in the
 * recycle bin refer to, each counted once however many records share it (with `withFileId`: as if one more
 * record of the school referred to that object).
 */
export async function storageUse(
  db: Executor,
  schoolId: number,
  withFileId?: number,
): Promise<{ used: number; quota: number }> {
  const row = await db
    .selectFrom("stored_files")
    .select((eb) => eb.fn.sum<number>("size").as("bytes"))
    .where((eb) =>
      eb.or([
        eb(
          "id",
          "in",
          eb
            .selectFrom("materials")
            .select("file_id")
            .where("school_id", "=", schoolId)
            .where("file_id", "is not", null),
        ),
        eb(
          "sha256",
          "in",
          eb
            .selectFrom("contest_entries")
            .select("evidence_file")
            .where("school_id", "=", schoolId)
            .where("evidence_file", "is not", null),
        ),
        eb(
          "id",
          "in",
          eb
            .selectFrom("recycle_bin_files")
            .innerJoin("recycle_bin", "recycle_bin.id", "recycle_bin_files.bin_id")
            .select("recycle_bin_files.file_id")
            .where("recycle_bin.unit_id", "=", schoolId),
        ),
        ...(withFileId !== undefined ? [eb("id", "=", withFileId)] : []),
      ]),
    )
    .executeTakeFirst();
  const quota = await db
    .selectFrom("school_quotas")
    .select("bytes")
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return { used: Number(row?.bytes ?? 0), quota: quota ? Number(quota.bytes) : DEFAULT_QUOTA_BYTES };
}

export interface SweepResult {
  released: number;
  bytes: number;
  leftovers: number;
}

/**
 * Releases what nothing refers to once the grace period has passed: objects recorded in `stored_files`, and files
 * that no row records (a process killed between writing and recording) or unfinished uploads older than the grace.
 * Each object's bytes are first set aside, then its row is deleted only if it is still unreferenced and untouched;
 * if that fails (an upload of the same bytes, or a new reference, came meanwhile) the bytes are put back.
 */
export async function sweepStoredObjects(db: Executor, now = new Date()): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - RELEASE_GRACE_MS).toISOString();
  const stale = (eb: Files) =>
    eb.and([eb.or([eb("touched_at", "<", cutoff), eb("touched_at", "is", null)]), unreferenced(eb)]);
  const candidates = await db
    .selectFrom("stored_files")
    .select(["id", "sha256", "size"])
    .where(stale)
    .limit(1000)
    .execute();
  const result: SweepResult = { released: 0, bytes: 0, leftovers: 0 };
  for (const c of candidates) {
    if (!(await releaseObject(db, c, stale))) continue;
    result.released++;
    result.bytes += Number(c.size);
  }
  result.leftovers = await sweepLeftoverFiles(db, now.getTime() - RELEASE_GRACE_MS, now.getTime() - STALLED_UPLOAD_MS);
  return result;
}

/**
 * Releases one object if the condition still holds. Its bytes are first set aside, then its row is deleted under
 * the condition; if nothing was deleted (an upload of the same bytes, or a new reference, came meanwhile) the
 * bytes are put back — unless that upload has already put its own copy in place.
 */
async function releaseObject(
  db: Executor,
  c: { id: number; sha256: string },
  condition: (eb: Files) => ReturnType<Files["and"]>,
): Promise<boolean> {
  const file = storedPath(c.sha256);
  const aside = `${file}.release-${process.pid}-${Date.now()}`;
  const moved = await fs.promises.rename(file, aside).then(
    () => true,
    () => false,
  );
  const deleted = await db.deleteFrom("stored_files").where("id", "=", c.id).where(condition).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 1) {
    if (moved) await fs.promises.rm(aside, { force: true });
    return true;
  }
  if (moved) {
    if (fs.existsSync(file)) await fs.promises.rm(aside, { force: true });
    else await fs.promises.rename(aside, file);
  }
  return false;
}

/**
 * An upload that was refused after it was stored (over the school's quota, a form error, a locked period) is
 * released at once — not after the grace period, where it would take disk space no quota counts — provided
 * nothing refers to it and nobody has stored the same bytes since this upload did (its claim is still the one it wrote).
 */
export async function releaseUnclaimed(
  db: Executor,
  file: { id: number; sha256: string; claim: string } | undefined,
): Promise<void> {
  if (!file) return;
  await releaseObject(db, file, (eb) => eb.and([eb("claim", "=", file.claim), unreferenced(eb)]));
}

/**
 * Files under objects/ that no row records (older than the grace period), and unfinished uploads that nothing has
 * written to for an hour (a live upload writes as its bytes arrive; a killed one stops).
 */
async function sweepLeftoverFiles(db: Executor, cutoffMs: number, incomingCutoffMs: number): Promise<number> {
  let removed = 0;
  const old = async (p: string) => (await fs.promises.stat(p).catch(() => null))?.mtimeMs ?? Infinity;
  const incoming = path.join(uploadDir(), ".incoming");
  for (const f of await fs.promises.readdir(incoming).catch(() => [] as string[])) {
    const p = path.join(incoming, f);
    if ((await old(p)) < incomingCutoffMs) {
      await fs.promises.rm(p, { force: true });
      removed++;
    }
  }
  const objects = path.join(uploadDir(), "objects");
  for (const prefix of await fs.promises.readdir(objects).catch(() => [] as string[])) {
    const names = await fs.promises.readdir(path.join(objects, prefix)).catch(() => [] as string[]);
    const keys = names.filter((n) => /^[0-9a-f]{64}$/.test(n));
    const known = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom("stored_files")
        .select("sha256")
        .where("sha256", "in", keys.slice(i, i + 500))
        .execute();
      for (const r of rows) known.add(r.sha256);
    }
    for (const n of names) {
      const p = path.join(objects, prefix, n);
      // Unrecorded objects, and bytes set aside by a sweep that stopped half-way.
      if ((known.has(n) && /^[0-9a-f]{64}$/.test(n)) || (await old(p)) >= cutoffMs) continue;
      await fs.promises.rm(p, { force: true });
      removed++;
    }
  }
  return removed;
}
