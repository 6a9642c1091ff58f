/**
 * Which Node.js the app runs on. better-sqlite3 (SQLite's native module) needs Node.js 22 or later (on Node 20
 * its binary loads and then crashes the process with a segmentation fault) and a binary this Node can load.
 * Started on another Node (the machine's old one instead of the project's, or after a Node change), the
 * server says what happened and what to run instead of crashing (docs/decisions/016-node-runtime.md).
 * Imports nothing, so it can run before anything else is loaded.
 */
export const MIN_NODE_MAJOR = 22;

export class NativeModuleError extends Error {
  override name = "NativeModuleError";
}

const HOW_TO_FIX = [
  "Start the app through npm (npm start, npm run serve, npm test): scripts/with-node.sh runs it on a supported",
  "Node (the machine's when it is 22 or later, else Node.js 24 LTS brought into .runtime/) and rebuilds native",
  "modules that do not load on it. `npm run setup` does only that, for the Node on your PATH.",
];

/** Refuses a Node older than MIN_NODE_MAJOR before better-sqlite3's binary is loaded (it would crash). */
export function unsupportedNode(version: string = process.versions.node): NativeModuleError | undefined {
  if (Number(version.split(".")[0]) >= MIN_NODE_MAJOR) return undefined;
  return new NativeModuleError(
    [
      `Tân An STEM needs Node.js ${MIN_NODE_MAJOR} or later (24 LTS recommended); this is Node.js v${version}, on which SQLite's native module crashes.`,
      ...HOW_TO_FIX,
    ].join("\n"),
  );
}

const NOT_LOADABLE =
  /NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|wrong ELF class|undefined symbol|ERR_DLOPEN_FAILED/;

/** The explanation for an error thrown while loading better-sqlite3's binary, or undefined for any other error. */
export function explainNativeLoadFailure(err: unknown): NativeModuleError | undefined {
  const e = err as { code?: string; message?: string } | null;
  const message = String(e?.message ?? "");
  if (e?.code !== "ERR_DLOPEN_FAILED" && !NOT_LOADABLE.test(message)) return undefined;
  return new NativeModuleError(
    [
      `better-sqlite3 (SQLite's native module) cannot load on this Node.js ${process.version} (ABI ${process.versions.modules}): ${message.split("\n")[0]}`,
      ...HOW_TO_FIX,
    ].join("\n"),
  );
}
