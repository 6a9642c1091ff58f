/**
 * Every route of the built app, read from the Remix build (build/server/index.js exports `routes`) in a child
 * process, so importing the app's modules touches nothing in the test process. Each route's URL pattern joins its
 * parents' paths ("/admin" + "accounts/:id" → "/admin/accounts/:id"; an index route has its parent's).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface ManifestRoute {
  id: string;
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
  /** A page (a default export): its loader also answers `<path>.data`. Without one it is a resource route. */
  hasPage: boolean;
  /** The route exports an ErrorBoundary (a page says what went wrong inside the shell). */
  hasErrorBoundary: boolean;
}

interface RawRoute {
  id: string;
  path: string | null;
  parentId: string | null;
  index: boolean;
  loader: boolean;
  action: boolean;
  page: boolean;
  errorBoundary: boolean;
}

export function routeManifest(buildFile = "build/server/index.js"): ManifestRoute[] {
  const script = `
    const m = await import(${JSON.stringify(pathToFileURL(path.resolve(buildFile)).href)});
    const out = Object.entries(m.routes).map(([id, r]) => ({
      id, path: r.path ?? null, parentId: r.parentId ?? null, index: !!r.index,
      loader: typeof r.module.loader === "function", action: typeof r.module.action === "function", page: !!r.module.default,
      errorBoundary: typeof r.module.ErrorBoundary === "function",
    }));
    process.stdout.write(JSON.stringify(out));
    process.exit(0);`;
  // The build opens its database lazily; point it at a scratch place all the same.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "route-manifest-"));
  try {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: path.join(dir, "unused.db"),
        UPLOAD_DIR: path.join(dir, "uploads"),
        JOBS: "off",
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const raw = JSON.parse(out) as RawRoute[];
    const byId = new Map(raw.map((r) => [r.id, r]));
    const patternOf = (r: RawRoute): string => {
      const segments: string[] = [];
      for (let c: RawRoute | undefined = r; c; c = c.parentId ? byId.get(c.parentId) : undefined)
        if (c.path) segments.unshift(c.path);
      return `/${segments.join("/")}`.replace(/\/+/g, "/");
    };
    return raw.map((r) => ({
      id: r.id,
      pattern: patternOf(r),
      hasLoader: r.loader,
      hasAction: r.action,
      hasPage: r.page,
      hasErrorBoundary: r.errorBoundary,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
