import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation";

/** Every migration, in order. Listed statically so the bundled server and the scripts share one list. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
};
