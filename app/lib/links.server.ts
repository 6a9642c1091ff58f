/**
 * The site's address for absolute links (feeds, calendars, QR codes, one-time links): `PUBLIC_URL`, else the
 * request's own origin — whose host the server has checked against the names it answers for (server/hosts.ts).
 */
export function publicOrigin(request: Request): string {
  return process.env.PUBLIC_URL?.replace(/\/$/, "") || new URL(request.url).origin;
}

/**
 * How long a feed (RSS, built with absolute links) may be kept: by shared caches only when its links come from
 * PUBLIC_URL; built from the request's host, no shared cache may hand it to a request for another name.
 */
export function feedCacheControl(maxAgeSeconds = 300): string {
  return `${process.env.PUBLIC_URL ? "public" : "private"}, max-age=${maxAgeSeconds}`;
}

/** Absolute address of a one-time account link, for the administrator to hand over. */
export function accountLinkUrl(request: Request, token: string): string {
  return `${publicOrigin(request)}/account/setup/${token}`;
}
