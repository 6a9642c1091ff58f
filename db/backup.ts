import fs from "node:fs";
import path from "node:path";
import { databaseFile, uploadDir } from "./config";
import { newSqlite } from "./native-sqlite";

export interface BackupResult {
  dir: string;
  databaseFile: string;
  pages: number;
  uploadsDir: string;
  uploadsCopied: boolean;
}

/** Folder name like 2026-11-26T07-32-11Z: sortable, and safe on every file system. */
function stamp(d = new Date()): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

export async function backup(opts: { outRoot: string; dbFile?: string; uploads?: string; now?: Date }): Promise<BackupResult> {
  const source = opts.dbFile ?? databaseFile();
  if (!fs.existsSync(source)) throw new Error(`Không tìm thấy cơ sở dữ liệu: ${source}`);
  let dir = path.resolve(opts.outRoot, stamp(opts.now));
  for (let i = 2; fs.existsSync(dir); i++) dir = path.resolve(opts.outRoot, `${stamp(opts.now)}-${i}`);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, path.basename(source));
  const db = newSqlite(source, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const { totalPages } = await db.backup(target);
    const uploads = opts.uploads ?? uploadDir();
    const uploadsTarget = path.join(dir, "uploads");
    const copied = fs.existsSync(uploads);
    if (copied) fs.cpSync(uploads, uploadsTarget, { recursive: true });
    return { dir, databaseFile: target, pages: totalPages, uploadsDir: uploadsTarget, uploadsCopied: copied };
  } finally {
    db.close();
  }
}
