/**
 * `npm start`: builds the app when the build is missing or older than the sources, then starts the
 * production server, which migrates the database and loads the demo of Tân An into an empty one.
 * For a clean instance without demo data see README ("Production").
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildFile = path.resolve("build/server/index.js");
const built = fs.existsSync(buildFile) ? fs.statSync(buildFile).mtimeMs : 0;
const sources = Math.max(
  newestMtime(path.resolve("app")),
  newestMtime(path.resolve("public")),
  fs.statSync("vite.config.ts").mtimeMs,
);
if (built < sources) {
  console.log("Đang build ứng dụng (lần đầu mất khoảng 30 giây)…");
  execSync("npx remix vite:build", { stdio: "inherit" });
}

process.env.NODE_ENV = "production";
process.env.SEED_DEMO ??= "1";
await import("../server");
