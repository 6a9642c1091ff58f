/**
 * The site's address for absolute links (feeds, calendars, QR codes, one-time links): `PUBLIC_URL`, else the
 * request's own origin — whose host the server has checked against the names it answers for (server/hosts.ts).
 */
export function publicOrigin(request: Request): string {
  return process.env.PUBLIC_URL?.replace(/\/$/, "") || new URL(request.url).origin;
}

/** Absolute address of a one-time account link, for the administrator to hand over. */
export function accountLinkUrl(request: Request, token: string): string {
  return `${publicOrigin(request)}/account/setup/${token}`;
}
