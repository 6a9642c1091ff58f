/** Absolute address of a one-time account link, for the administrator to hand over. */
export function accountLinkUrl(request: Request, token: string): string {
  const base = process.env.PUBLIC_URL?.replace(/\/$/, "") || new URL(request.url).origin;
  return `${base}/account/setup/${token}`;
}
