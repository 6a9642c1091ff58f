import { createDb, type DB } from "../../db/connection";

/** One Kysely instance per server process (kept across dev reloads). */
const g = globalThis as typeof globalThis & { __tananDb?: DB };
export const db: DB = (g.__tananDb ??= createDb());
