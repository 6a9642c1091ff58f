import type { Executor } from "../../../db/connection";

/**
 * Called first in a transaction that must not run beside another about the same unit (two saves of its headcounts,
 * an approval and a cut-off change in its commune): holds the unit's row with a no-op update. PostgreSQL keeps the
 * row lock until the transaction ends; SQLite's write transactions already run one at a time.
 */
export async function holdUnit(trx: Executor, unitId: number): Promise<void> {
  await trx
    .updateTable("units")
    .set((eb) => ({ name: eb.ref("name") }))
    .where("id", "=", unitId)
    .execute();
}
