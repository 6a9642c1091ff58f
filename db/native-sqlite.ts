/** Opening SQLite through better-sqlite3, refusing an unsupported Node first (db/node-support.ts). */
import SQLite from "better-sqlite3";
import { explainNativeLoadFailure, unsupportedNode } from "./node-support";

/** `new SQLite(file, options)`, refusing an unsupported Node and explaining a binary that cannot load. */
export function newSqlite(file: string, options?: SQLite.Options): SQLite.Database {
  const tooOld = unsupportedNode();
  if (tooOld) throw tooOld;
  try {
    return new SQLite(file, options);
  } catch (err) {
    throw explainNativeLoadFailure(err) ?? err;
  }
}
