import path from "node:path";

/** Settings read from the environment, with the defaults documented in the README. */
export function databaseFile(url = process.env.DATABASE_URL): string {
  if (!url) return path.resolve("data/tan-an.db");
  if (url.startsWith("postgres://") || url.startsWith("postgresql://"))
    throw new Error("DATABASE_URL trỏ tới PostgreSQL, không phải tệp SQLite.");
  const p = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  return path.resolve(p);
}

export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR || "data/uploads");
}

/** Where the data lives, for logs: the SQLite file, or the PostgreSQL address without its password. */
export function databaseLabel(url = process.env.DATABASE_URL): string {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  }
  return databaseFile(url);
}
