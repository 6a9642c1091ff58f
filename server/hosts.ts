/**
 * Which host names the server answers for (issue #15). Links in feeds, calendars and one-time links are built from
 * `PUBLIC_URL`, or — when it is unset — from the request's host; so a request naming another host (a forged `Host`,
 * or `X-Forwarded-Host` from a client) must never reach the app. Allowed: the host of `PUBLIC_URL`, the names in
 * `ALLOWED_HOSTS` (comma-separated), and by default `localhost`, `127.0.0.1`, `[::1]`, this machine's name and its
 * own addresses (so a trial on a school network works by IP). Ports are not compared.
 */
import os from "node:os";

function hostnameOf(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (!v || /[\s/\\@?#]/.test(v)) return null;
  try {
    return new URL(`http://${v}`).hostname; // "[::1]:3000" → "[::1]", "Example.VN:80" → "example.vn"
  } catch {
    return null;
  }
}

export function allowedHosts(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]", os.hostname().toLowerCase()]);
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? [])
      names.add(a.family === "IPv6" ? `[${a.address.split("%")[0].toLowerCase()}]` : a.address);
  if (env.PUBLIC_URL) {
    try {
      names.add(new URL(env.PUBLIC_URL).hostname.toLowerCase());
    } catch {
      /* a PUBLIC_URL that is not a URL adds nothing */
    }
  }
  for (const h of (env.ALLOWED_HOSTS ?? "").split(",")) {
    const name = h.trim() ? hostnameOf(h) : null;
    if (name) names.add(name);
  }
  return names;
}

/**
 * Whether a request's host headers name this server. `X-Forwarded-Host` counts only behind a trusted proxy
 * (`TRUST_PROXY`); from anyone else it is dropped before the app sees it (the caller deletes it).
 */
export function hostVerdict(
  headers: { host?: string; "x-forwarded-host"?: string | string[] },
  behindProxy: boolean,
  allowed: Set<string>,
): "ok" | "drop-forwarded" | "refuse" {
  const host = hostnameOf(headers.host ?? "");
  if (!host || !allowed.has(host)) return "refuse";
  const forwarded = headers["x-forwarded-host"];
  if (forwarded === undefined) return "ok";
  if (!behindProxy) return "drop-forwarded";
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded).split(",")[0];
  const name = hostnameOf(first);
  return name && allowed.has(name) ? "ok" : "refuse";
}
