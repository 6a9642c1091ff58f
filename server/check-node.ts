/**
 * Imported first by server.ts: on a Node too old for the app, say so and what to run, and exit before any
 * module that would crash on it is loaded (docs/decisions/016-node-runtime.md).
 */
import { unsupportedNode } from "../db/node-support";

const tooOld = unsupportedNode();
if (tooOld) {
  console.error(`\n${tooOld.message}\n`);
  process.exit(1);
}
