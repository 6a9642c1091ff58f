/**
 * Stored files: the real type is read from the bytes (file-type), checked against an allow-list,
 * and the content is stored once under UPLOAD_DIR by its SHA-256 — never by the name the user gave.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { uploadDir } from "../../../db/config";
import { DomainError } from "../shared/errors";

export const EVIDENCE_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "ảnh JPEG",
  "image/png": "ảnh PNG",
  "image/webp": "ảnh WebP",
};

export interface StoredFile {
  key: string;
  mime: string;
  size: number;
}

export function storedPath(key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error("invalid file key");
  return path.join(uploadDir(), "objects", key.slice(0, 2), key);
}

/** Checks the bytes against the allowed types and stores them once; the key is the content's SHA-256. */
export async function storeSmallFile(data: Uint8Array, allowed: Record<string, string>): Promise<StoredFile> {
  const type = await fileTypeFromBuffer(data);
  if (!type || !allowed[type.mime]) {
    throw new DomainError(`Tệp không đúng loại cho phép (${Object.values(allowed).join(", ")}). Nội dung tệp được kiểm tra, không dựa vào tên tệp.`, "file");
  }
  const key = crypto.createHash("sha256").update(data).digest("hex");
  const target = storedPath(key);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.part`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  }
  return { key, mime: type.mime, size: data.length };
}

/**
 * Uploads in flight that hold an object not yet recorded in the database, by SHA-256. An object is only
 * deleted when no material refers to it *and* no upload is about to (two teachers posting the same video at
 * once must not delete each other's file). One server process owns the store, so an in-memory count suffices.
 */
const claims = new Map<string, number>();

export function claimObject(sha256: string): void {
  claims.set(sha256, (claims.get(sha256) ?? 0) + 1);
}

export function releaseClaim(sha256: string): void {
  const n = (claims.get(sha256) ?? 0) - 1;
  if (n > 0) claims.set(sha256, n);
  else claims.delete(sha256);
}

export function isClaimed(sha256: string): boolean {
  return (claims.get(sha256) ?? 0) > 0;
}
