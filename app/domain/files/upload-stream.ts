/**
 * Streaming an upload into the store: the bytes go to a temporary file as they arrive (never held whole in
 * memory), hashed on the way; the real type is read from the first bytes (file-type) and checked against
 * an allow-list; a size limit per kind stops an oversized upload early and leaves nothing behind; identical
 * content is stored once, under its SHA-256.
 */
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { fileTypeFromBuffer } from "file-type";
import { uploadDir } from "../../../db/config";
import type { Executor } from "../audit/audit";
import { DomainError } from "../shared/errors";
import { commitObject, storageError, type StoredFile } from "./storage";

export type FileGroup = "document" | "image" | "video" | "audio";

const MB = 1024 * 1024;
/** Limits per kind, in MB, configurable: MAX_DOCUMENT_MB, MAX_IMAGE_MB, MAX_VIDEO_MB, MAX_AUDIO_MB. */
export function sizeLimits(): Record<FileGroup, number> {
  const env = (name: string, fallback: number) =>
    (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback) * MB;
  return {
    document: env("MAX_DOCUMENT_MB", 20),
    image: env("MAX_IMAGE_MB", 10),
    video: env("MAX_VIDEO_MB", 500),
    audio: env("MAX_AUDIO_MB", 100),
  };
}

export const MATERIAL_FILE_TYPES: Record<string, { label: string; group: FileGroup }> = {
  "application/pdf": { label: "PDF", group: "document" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    label: "Word (DOCX)",
    group: "document",
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    label: "PowerPoint (PPTX)",
    group: "document",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "Excel (XLSX)", group: "document" },
  "image/jpeg": { label: "ảnh JPEG", group: "image" },
  "image/png": { label: "ảnh PNG", group: "image" },
  "image/webp": { label: "ảnh WebP", group: "image" },
  "video/mp4": { label: "video MP4", group: "video" },
  "video/webm": { label: "video WebM", group: "video" },
  "audio/mpeg": { label: "âm thanh MP3", group: "audio" },
  "audio/x-m4a": { label: "âm thanh M4A", group: "audio" },
  "audio/mp4": { label: "âm thanh M4A", group: "audio" },
};

/** A contest entry's evidence: a certificate or a photo. */
export const EVIDENCE_TYPES: Record<string, { label: string; group: FileGroup }> = {
  "application/pdf": { label: "PDF", group: "document" },
  "image/jpeg": { label: "ảnh JPEG", group: "image" },
  "image/png": { label: "ảnh PNG", group: "image" },
  "image/webp": { label: "ảnh WebP", group: "image" },
};

/** A stored upload, with the moment this upload touched it and its claim on it (see `releaseUnclaimed`). */
export type StreamedFile = StoredFile & { touchedAt: string; claim: string };

const SNIFF_BYTES = 4100;

function incomingDir(): string {
  const d = path.join(uploadDir(), ".incoming");
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/**
 * Consumes an upload stream into the store and records it (touched now: nothing refers to it yet, and the
 * grace period keeps it until a record does), or throws a DomainError (type, size) having removed every byte written.
 */
export async function streamIntoStore(
  db: Executor,
  data: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  types: Record<string, { label: string; group: FileGroup }> = MATERIAL_FILE_TYPES,
): Promise<StreamedFile> {
  const limits = sizeLimits();
  const overall = Math.max(...Object.values(limits));
  const temp = path.join(incomingDir(), `${crypto.randomBytes(12).toString("hex")}.part`);
  const out = fs.createWriteStream(temp);
  // A write error (a full disk) is emitted on the stream: kept here and met below, never an unhandled event.
  let writeError: Error | null = null;
  out.on("error", (e) => (writeError ??= e));
  const hash = crypto.createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  let mime: string | null = null;
  let limit = overall;
  const fail = async (e: unknown): Promise<never> => {
    // The file may not be open yet (a refusal on the first bytes): wait for the stream to close, or the late open
    // would create the file after it was removed.
    await new Promise<void>((resolve) => {
      if (out.closed) return resolve();
      out.once("close", () => resolve());
      out.destroy();
    });
    await fs.promises.rm(temp, { force: true });
    throw storageError(e);
  };
  const sniff = async () => {
    const type = await fileTypeFromBuffer(head);
    const allowed = type ? types[type.mime] : undefined;
    if (!type || !allowed) {
      return fail(
        new DomainError(
          `Tệp không đúng loại cho phép (${[...new Set(Object.values(types).map((t) => t.label))].join(", ")}). Nội dung tệp được kiểm tra, không dựa vào tên tệp.`,
          "file",
        ),
      );
    }
    mime = type.mime;
    limit = limits[allowed.group];
  };
  try {
    for await (const chunk of data) {
      if (writeError) throw writeError;
      size += chunk.length;
      if (mime === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) await sniff();
      }
      if (size > limit)
        return fail(new DomainError(`Tệp quá lớn: tối đa ${Math.round(limit / MB)} MB cho loại tệp này.`, "file"));
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    if (mime === null) await sniff();
    out.end();
    await finished(out);
    if (writeError) throw writeError;
  } catch (e) {
    return fail(writeError ?? e);
  }
  try {
    return await commitObject(db, temp, { sha256: hash.digest("hex"), mime: mime!, size });
  } catch (e) {
    return fail(e);
  }
}

/** A small file already in memory (contest evidence), through the same checks and the same store. */
export async function storeSmallFile(db: Executor, data: Uint8Array, types = EVIDENCE_TYPES): Promise<StreamedFile> {
  return streamIntoStore(db, [data], types);
}
