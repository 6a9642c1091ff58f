import path from "node:path";

/** Settings read from the environment, with the defaults documented in the README. */
export function databaseFile(url = process.env.DATABASE_URL): string {
  if (!url) return path.resolve("data/tan-an.db");
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    throw new Error("DATABASE_URL trỏ tới PostgreSQL: chưa được hỗ trợ ở phiên bản này (xem README).");
  }
  const p = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  return path.resolve(p);
}

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR || "data/uploads");
}
