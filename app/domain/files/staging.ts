/**
 * A file waiting for confirmation (an import between its preview and its commit): kept under
 * UPLOAD_DIR/.staging for an hour, readable only by the user and unit that uploaded it.
 */
import fs from "node:fs";
import path from "node:path";
import { uploadDir } from "../../../db/config";
import { randomToken } from "../auth/tokens";
import { storageError } from "./storage";

const LIFETIME_MS = 60 * 60_000;

export interface StagedMeta {
  userId: number;
  unitId: number;
  purpose: string;
  fileName: string;
  createdAt: string;
}

function dir(): string {
  const d = path.join(uploadDir(), ".staging");
  fs.mkdirSync(d, { recursive: true });
  return d;
}

function sweep(d: string) {
  const now = Date.now();
  for (const f of fs.readdirSync(d)) {
    const p = path.join(d, f);
    try {
      if (now - fs.statSync(p).mtimeMs > LIFETIME_MS) fs.rmSync(p, { force: true });
    } catch {
      /* removed meanwhile */
    }
  }
}

/** Removes staged files older than an hour; run at start-up and whenever a file is staged. */
export function sweepStaging(): void {
  sweep(dir());
}

export function stageFile(data: Uint8Array, meta: Omit<StagedMeta, "createdAt">): string {
  const d = dir();
  sweep(d);
  const id = randomToken(16);
  try {
    fs.writeFileSync(path.join(d, `${id}.bin`), data);
    fs.writeFileSync(path.join(d, `${id}.json`), JSON.stringify({ ...meta, createdAt: new Date().toISOString() }));
  } catch (e) {
    // A full disk: nothing half-written stays, and the user is told beside the file field.
    for (const ext of [".bin", ".json"]) fs.rmSync(path.join(d, id + ext), { force: true });
    throw storageError(e);
  }
  return id;
}

export function readStagedFile(
  id: string,
  expect: { userId: number; unitId: number; purpose: string },
): { data: Buffer; meta: StagedMeta } | null {
  if (!/^[a-z2-9]{20,40}$/.test(id)) return null;
  const d = dir();
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(d, `${id}.json`), "utf8")) as StagedMeta;
    if (meta.userId !== expect.userId || meta.unitId !== expect.unitId || meta.purpose !== expect.purpose) return null;
    if (Date.now() - Date.parse(meta.createdAt) > LIFETIME_MS) return null;
    return { data: fs.readFileSync(path.join(d, `${id}.bin`)), meta };
  } catch {
    return null;
  }
}

/** Drops a staged file, only for the user and unit that staged it. */
export function discardStagedFile(id: string, owner: { userId: number; unitId: number; purpose: string }): void {
  if (!readStagedFile(id, owner)) return;
  const d = dir();
  for (const ext of [".bin", ".json"]) fs.rmSync(path.join(d, id + ext), { force: true });
}
