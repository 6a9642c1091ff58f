/** HTTP-level protections applied to every response and every state-changing request. */
import crypto from "node:crypto";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that a browser says came from another site.
 * Browsers send Sec-Fetch-Site and/or Origin on cross-site POSTs; a request with neither is not
 * a browser form from elsewhere (curl, scripts) and the SameSite=Lax session cookie is absent there anyway.
 */
export function isCrossSiteRequest(
  method: string,
  headers: { origin?: string; "sec-fetch-site"?: string },
  ownOrigin: string,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers["sec-fetch-site"];
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.origin;
  if (origin) {
    try {
      return new URL(origin).origin !== new URL(ownOrigin).origin;
    } catch {
      return true; // "null" and anything unparsable
    }
  }
  return false;
}

/**
 * TRUST_PROXY, read for Express: a number is the count of proxy hops in front of the app ("1" for one
 * nginx); otherwise a list of trusted proxy addresses/subnets. "true" is refused: it would let any client
 * choose its own address through X-Forwarded-For and so escape login throttling.
 */
export function trustProxySetting(value: string | undefined): number | string | undefined {
  const v = value?.trim();
  if (!v || v === "false" || v === "0") return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === "true")
    throw new Error("TRUST_PROXY=true is unsafe: give the number of proxy hops (e.g. 1) or the proxies' addresses.");
  return v;
}

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

export function securityHeaders(nonce: string, dev: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-inline'" : ""}`,
    // React and recharts set style attributes; no inline <script> is allowed without the nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** Largest request bodies accepted: file uploads on the few routes that take them, small forms elsewhere. */
export const BODY_LIMITS = { form: 1024 * 1024, upload: 12 * 1024 * 1024, media: 520 * 1024 * 1024 } as const;
// With JavaScript, Remix posts a form to the route's path plus ".data" (single fetch): both take the same body.
const UPLOAD_PATHS = [
  /^\/people\/\d+\/import(\.data)?$/,
  /^\/contests\/\d+(\.data)?$/,
  /^\/attendance\/\d+\/import(\.data)?$/,
];
/** Learning materials take video (the per-kind limits are enforced while streaming, see upload-stream.ts). */
const MEDIA_PATHS = [/^\/materials\/new(\.data)?$/, /^\/materials\/upload$/];

/**
 * Whether a request body may be read: browsers always send Content-Length with a form, so a state-changing
 * request without one (or over the route's limit) is refused before anything buffers it in memory.
 */
export function bodyAllowed(
  method: string,
  path: string,
  contentLength: string | undefined,
  contentType = "multipart/form-data",
): { ok: true } | { ok: false; status: 411 | 413 } {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) return { ok: false, status: 411 };
  const multipart = contentType.startsWith("multipart/form-data");
  const limit = !multipart
    ? BODY_LIMITS.form
    : MEDIA_PATHS.some((r) => r.test(path))
      ? BODY_LIMITS.media
      : UPLOAD_PATHS.some((r) => r.test(path))
        ? BODY_LIMITS.upload
        : BODY_LIMITS.form;
  return Number(contentLength) > limit ? { ok: false, status: 413 } : { ok: true };
}

/**
 * The public progress table may be framed by any site (the commune website embeds it): it is public, read-only and
 * has nothing to click on but links, so framing it can trick no one into an action.
 */
export function frameableByAnyone(path: string): boolean {
  return path === "/public/progress/embed";
}
