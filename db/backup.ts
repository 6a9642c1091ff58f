/**
 * `npm run backup` (SQLite): a whole backup while the app serves.
 * - The database: `VACUUM INTO` writes a consistent snapshot in one read transaction. Unlike the online backup API
 *   (which restarts its copy whenever the app writes, so it finished only once writes stopped), it completes
 *   under sustained writes.
 * - The files: exactly the stored objects the snapshot names (`stored_files`), read after the snapshot. An object
 *   the snapshot names cannot have been released meanwhile: release waits for a grace period of 24 hours after its
 *   last reference went (docs/decisions/018), far longer than a backup. Leftovers, uploads in flight and staged
 *   imports are not copied.
 */
import fs from "node:fs";
import path from "node:path";
import { databaseFile, uploadDir } from "./config";
import { newSqlite } from "./native-sqlite";

export interface BackupResult {
  dir: string;
  databaseFile: string;
  uploadsDir: string;
  /** Objects copied, and those the snapshot names that were not on disk (should be none). */
  files: number;
  missing: string[];
}

/** Folder name like 2026-11-26T07-32-11Z: sortable, and safe on every file system. */
function stamp(d = new Date()): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

const objectPath = (root: string, sha: string) => path.join(root, "objects", sha.slice(0, 2), sha);

export async function backup(opts: {
  outRoot: string;
  dbFile?: string;
  uploads?: string;
  now?: Date;
}): Promise<BackupResult> {
  const source = opts.dbFile ?? databaseFile();
  if (!fs.existsSync(source)) throw new Error(`Không tìm thấy cơ sở dữ liệu: ${source}`);
  let dir = path.resolve(opts.outRoot, stamp(opts.now));
  for (let i = 2; fs.existsSync(dir); i++) dir = path.resolve(opts.outRoot, `${stamp(opts.now)}-${i}`);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, path.basename(source));
  const db = newSqlite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("vacuum into ?").run(target);
  } finally {
    db.close();
  }
  const snapshot = newSqlite(target, { readonly: true, fileMustExist: true });
  let keys: string[];
  try {
    const hasFiles = snapshot
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'stored_files'")
      .get();
    keys = hasFiles
      ? (snapshot.prepare("select sha256 from stored_files").all() as { sha256: string }[]).map((r) => r.sha256)
      : [];
  } finally {
    snapshot.close();
  }
  const uploads = opts.uploads ?? uploadDir();
  const uploadsTarget = path.join(dir, "uploads");
  fs.mkdirSync(uploadsTarget, { recursive: true });
  const missing: string[] = [];
  for (const sha of keys) {
    if (!/^[0-9a-f]{64}$/.test(sha)) continue;
    const from = objectPath(uploads, sha);
    const to = objectPath(uploadsTarget, sha);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      fs.copyFileSync(from, to);
    } catch {
      missing.push(sha);
    }
  }
  return { dir, databaseFile: target, uploadsDir: uploadsTarget, files: keys.length - missing.length, missing };
}
