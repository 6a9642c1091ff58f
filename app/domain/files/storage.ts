/**
 * The object store: each content is stored once under UPLOAD_DIR/objects by its SHA-256 (never by the name the
 * user gave) and recorded in `stored_files`. The lifecycle of an object (who refers to it, when it goes) is in
 * lifecycle.ts and docs/decisions/018.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { uploadDir } from "../../../db/config";
import type { Executor } from "../audit/audit";
import { DomainError } from "../shared/errors";
import { nowIso } from "../shared/time";

export interface StoredFile {
  id: number;
  sha256: string;
  mime: string;
  size: number;
}

/**
 * A file-system error met while storing (a full disk, a quota, a read-only volume) as the message the user sees
 * beside the file field; anything else (a DomainError already, a bug) passes unchanged.
 */
export function storageError(e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG")
    return new DomainError(
      "Máy chủ không còn đủ dung lượng để lưu tệp này. Tệp chưa được lưu; vui lòng báo quản trị viên.",
      "file",
    );
  if (code === "EROFS" || code === "EACCES" || code === "EIO")
    return new DomainError(
      "Máy chủ không ghi được tệp lúc này. Tệp chưa được lưu; vui lòng thử lại sau hoặc báo quản trị viên.",
      "file",
    );
  return e;
}

export function storedPath(key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error("invalid file key");
  return path.join(uploadDir(), "objects", key.slice(0, 2), key);
}

/**
 * Puts a fully written temporary file into the store. The row is recorded (and touched) first, then the bytes
 * are moved into place: the sweep deletes only objects whose row is older than the grace period, and checks
 * again after setting the bytes aside (lifecycle.ts), so an upload of the same bytes at the same moment keeps them.
 */
export async function commitObject(
  db: Executor,
  temp: string,
  f: Omit<StoredFile, "id">,
): Promise<StoredFile & { touchedAt: string; claim: string }> {
  const at = nowIso();
  const claim = crypto.randomBytes(12).toString("base64url");
  await db
    .insertInto("stored_files")
    .values({ sha256: f.sha256, mime: f.mime, size: f.size, created_at: at, touched_at: at, claim })
    .onConflict((oc) => oc.column("sha256").doUpdateSet({ touched_at: at, claim, mime: f.mime, size: f.size }))
    .execute();
  const row = await db
    .selectFrom("stored_files")
    .select(["id", "mime"])
    .where("sha256", "=", f.sha256)
    .executeTakeFirstOrThrow();
  const target = storedPath(f.sha256);
  if (fs.existsSync(target)) await fs.promises.rm(temp, { force: true });
  else {
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(temp, target);
    } catch (e) {
      await fs.promises.rm(temp, { force: true });
      throw storageError(e);
    }
  }
  return { id: row.id, sha256: f.sha256, mime: f.mime, size: f.size, touchedAt: at, claim };
}
