/**
 * The web side of authentication: the session cookie, and the helpers every loader and action
 * starts with (requireActor, requirePermission, requireSchoolAccess).
 */
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { loadActor } from "~/domain/auth/actor";
import { can, type Actor, type Permission } from "~/domain/auth/permissions";
import { AccessDenied, FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "~/domain/auth/policies";
import { validateSessionToken } from "~/domain/auth/sessions";
import { db } from "./db.server";

export const sessionCookie = createCookie("tanan_session", { httpOnly: true, sameSite: "lax", path: "/" });

/**
 * The session cookie is Secure whenever the request came over HTTPS (behind a proxy: with TRUST_PROXY set,
 * so X-Forwarded-Proto counts), and always when COOKIE_SECURE=true. Over plain HTTP a Secure cookie would
 * simply not be stored: login would fail silently on a school LAN trial (docs/decisions/005).
 */
export function cookieIsSecure(request: Request): boolean {
  if (process.env.COOKIE_SECURE === "true") return true;
  if (process.env.COOKIE_SECURE === "false") return false;
  return new URL(request.url).protocol === "https:";
}

export function sessionCookieHeader(request: Request, token: string, expiresAt: string): Promise<string> {
  return sessionCookie.serialize(token, { expires: new Date(expiresAt), secure: cookieIsSecure(request) });
}

export function clearSessionCookieHeader(request: Request): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0, secure: cookieIsSecure(request) });
}

async function readActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  const result = await validateSessionToken(db, token);
  if (!result) {
    context.appendResponseHeader("Set-Cookie", await clearSessionCookieHeader(request));
    return null;
  }
  if (result.renewed)
    context.appendResponseHeader("Set-Cookie", await sessionCookieHeader(request, token, result.session.expiresAt));
  return loadActor(db, result.session.userId, result.session.id);
}

/** The signed-in user, or null. Loaders of one request share one lookup. */
export function getActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  let p = context.actorCache.get("actor") as Promise<Actor | null> | undefined;
  if (!p) {
    p = readActor(request, context);
    context.actorCache.set("actor", p);
  }
  return p;
}

export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await getActor(request, context);
  if (!actor) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return actor;
}

/** 403: the record is within the actor's reach, but their role may not do this (decision 003). */
export function forbidden(message = FORBIDDEN_MESSAGE): never {
  throw new AccessDenied(403, message);
}

/** 404: missing, or outside the actor's reach (its existence is private). */
export function notFound(message = NOT_FOUND_MESSAGE): never {
  throw new AccessDenied(404, message);
}

/** Signed in and allowed; otherwise 403 inside the shell. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
  unitId?: number,
): Promise<Actor> {
  const actor = await requireActor(request, context);
  if (!can(actor, permission, unitId)) forbidden();
  return actor;
}

/**
 * For pages about one school's records: another school's staff get 404 (the record's existence is not
 * revealed); the commune's readers pass.
 */
export function requireSchoolAccess(actor: Actor, schoolId: number, permission: Permission = "school.read"): void {
  if (!can(actor, permission, schoolId)) {
    if (can(actor, "school.read", schoolId)) forbidden();
    notFound();
  }
}

/** Only same-site relative paths are followed after login. */
export function safeRedirectPath(to: unknown, fallback = "/"): string {
  // Browsers drop tabs and newlines from URLs ("/\t/evil" becomes "//evil"): refuse any control character or backslash.
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://same.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // The URL parser collapses "/./" and "/../" — "/.//evil.example" becomes the path "//evil.example", which a
  // browser reads as another host. The path sent must start with exactly one slash, encoded forms included.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (/^\/[/\\]/.test(url.pathname) || /[\u0000-\u001f\u007f\\]/.test(decoded)) return fallback;
  // Read once more decoded (a proxy or a browser may decode "%2F"): still this site, still one leading slash.
  const again = new URL(decoded, base);
  if (again.origin !== base || /^\/\//.test(again.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}

/** The HTTP status of a 403/404 thrown by the helpers above (a Response or a `data()` with a status), else null. */
export function thrownStatus(e: unknown): number | null {
  if (e instanceof Response) return e.status;
  if (e && typeof e === "object" && "init" in e) {
    const init = (e as { init?: { status?: number } }).init;
    return typeof init?.status === "number" ? init.status : null;
  }
  return null;
}

// What the pages of this area call in the domain: routes import these from here, not from app/domain
// (decision 021: routes → area server modules → domain → db).
export { writeAudit } from "~/domain/audit/audit";
export { attemptLogin } from "~/domain/auth/login";
export { invalidateSession } from "~/domain/auth/sessions";
