import type { DB } from "../../../db/connection";

/** How many communes the deployment holds (one by default; several when a province shares a server). */
export async function communeCount(db: DB): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", "commune")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
