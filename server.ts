/**
 * The HTTP server: Express in front of the Remix request handler.
 * It applies migrations on start, adds security headers and a CSP nonce to every response,
 * refuses cross-site state changes, logs one JSON line per request, and serves the built assets.
 * `NODE_ENV=production` serves build/ (made by `npm run build`); otherwise Vite runs in middleware mode.
 */
import "./server/check-node";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { createDb, migrateToLatest, waitForDatabase } from "./db/connection";
import { databaseLabel } from "./db/config";
import { NativeModuleError } from "./db/node-support";
import { startJobRunner } from "./server/jobs";
import { mailConfig } from "./app/lib/mail.server";
import { getLoadContext } from "./server/load-context";
import { log, loggablePath } from "./server/log";
import { allowedHosts, hostVerdict } from "./server/hosts";
import {
  bodyAllowed,
  frameableByAnyone,
  isCrossSiteRequest,
  newNonce,
  securityHeaders,
  trustProxySetting,
} from "./server/security";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT) || 3000;
const host = process.env.HOST || "0.0.0.0";

async function prepareDatabase() {
  const db = createDb();
  try {
    await waitForDatabase(db, { log: (msg) => log("warn", msg, { database: databaseLabel() }) });
    const applied = await migrateToLatest(db);
    if (applied.length) log("info", "migrations applied", { applied });
    if (process.env.SEED_DEMO === "1") {
      const { seedDemoIfEmpty } = await import("./scripts/seed/demo");
      if (await seedDemoIfEmpty(db)) log("info", "demo data loaded", { database: databaseLabel() });
    }
    // Reports approved before their figures were kept (or by the demo's seed) get them now (decision 012).
    const { ensureSignedFigures } = await import("./app/domain/reports/signed-figures");
    const signed = await ensureSignedFigures(db);
    if (signed) log("info", "signed figures stored for approved reports", { reports: signed });
  } finally {
    await db.destroy();
  }
  const { sweepStaging } = await import("./app/domain/files/staging");
  sweepStaging();
}

export async function startServer() {
  // With SMTP_URL set and no PUBLIC_URL the server refuses to start: e-mails would carry no working link.
  try {
    mailConfig();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log("error", "cannot start", { error: message });
    console.error(`\n${message}\n`);
    process.exit(1);
  }
  await prepareDatabase();
  const vite = production
    ? undefined
    : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");
  const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);
  const hosts = allowedHosts();

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log("info", "request", {
        method: req.method,
        path: loggablePath(req.path),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      });
    });
    // A request answered before its body was read (an upload refused part-way: wrong type, too large, a full
    // disk) has its remaining bytes read and dropped, so the browser sees the answer and the connection stays usable.
    res.on("finish", () => {
      if (req.complete || req.destroyed) return;
      // Remix's body stream stopped reading (and holds the request paused): detach it and drop the rest.
      req.removeAllListeners("data");
      req.on("data", () => {});
      req.resume();
    });
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, !production));
    if (frameableByAnyone(req.path)) {
      res.removeHeader("X-Frame-Options");
      res.set(
        "Content-Security-Policy",
        securityHeaders(nonce, !production)["Content-Security-Policy"].replace(
          "frame-ancestors 'none'",
          "frame-ancestors *",
        ),
      );
    }
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
    // Another host (a forged Host, a client's X-Forwarded-Host) never reaches the app: links are built from it.
    const verdict = hostVerdict(req.headers, trustProxy !== undefined, hosts);
    if (verdict === "drop-forwarded") delete req.headers["x-forwarded-host"];
    if (verdict === "refuse") {
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("Yêu cầu bị từ chối: máy chủ không phục vụ tên miền này (403). Xem ALLOWED_HOSTS trong README.");
      req.resume();
      return;
    }
    const body = bodyAllowed(req.method, req.path, req.get("content-length"), req.get("content-type") ?? "");
    if (!body.ok) {
      res
        .status(body.status)
        .type("text/plain; charset=utf-8")
        .send(body.status === 413 ? "Dữ liệu gửi lên quá lớn (413)." : "Yêu cầu thiếu độ dài nội dung (411).");
      req.resume();
      return;
    }
    // The site's own origin as the browser sees it: behind a trusted proxy, the forwarded host (checked above).
    const ownHost = (trustProxy !== undefined && req.get("x-forwarded-host")?.split(",")[0].trim()) || req.get("host");
    if (isCrossSiteRequest(req.method, req.headers as Record<string, string>, `${req.protocol}://${ownHost}`)) {
      res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu bị từ chối: gửi từ một trang web khác (403).");
      return;
    }
    next();
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static(path.resolve("build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.resolve("build/client"), { maxAge: "1h", index: false }));
  }

  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild);
  app.all("*", createRequestHandler({ build, getLoadContext, mode: production ? "production" : "development" }));

  const server = app.listen(port, host, () =>
    log("info", "listening", { url: `http://localhost:${port}`, database: databaseLabel() }),
  );
  const stopJobs = startJobRunner();
  const stop = () => {
    log("info", "shutting down");
    void stopJobs();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return server;
}

// Nothing ends the process unnoticed: a promise nobody awaited is logged and the server keeps serving; an exception
// that escaped every handler is logged before the process ends (its supervisor restarts it on a clean state).
process.on("unhandledRejection", (reason) => {
  log("error", "unhandled rejection", {
    error: reason instanceof Error ? reason.message : String(reason),
    stack: reason instanceof Error ? reason.stack : undefined,
  });
});
process.on("uncaughtException", (err) => {
  log("error", "uncaught exception: the process ends", { error: err.message, stack: err.stack });
  process.exit(1);
});

try {
  await startServer();
} catch (err) {
  // A native module built for another Node (decision 016): say how to rebuild, exit without a stack.
  if (err instanceof NativeModuleError) {
    log("error", "cannot start", { error: err.message });
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
