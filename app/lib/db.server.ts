import { createDb, pingDatabase, type DB } from "../../db/connection";

/**
 * The database cannot be reached right now (PostgreSQL restarting, SQLite held past the busy timeout): the request
 * answers 503 with a message and a Retry-After, through the page's error boundary or as is for a data request.
 */
function unavailable(): Response {
  return new Response(
    JSON.stringify({
      message:
        "Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây; dữ liệu đã lưu không bị mất.",
    }),
    {
      status: 503,
      headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": "5" },
    },
  );
}

/** Whether the database answers now (the health check). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}

/** One Kysely instance per server process (kept across dev reloads). */
const g = globalThis as typeof globalThis & { __tananDb?: DB };
export const db: DB = (g.__tananDb ??= createDb(undefined, { unavailable }));
