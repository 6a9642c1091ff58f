/** A small HTTP client for tests against the running server: real requests, cookies kept by hand. */
export const DEMO_PASSWORD = "TanAn@2025";

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export async function http(
  baseUrl: string,
  path: string,
  opts: {
    method?: string;
    cookie?: string;
    form?: Record<string, string> | [string, string][];
    headers?: Record<string, string>;
  } = {},
): Promise<HttpResult> {
  const send = () =>
    fetch(baseUrl + path, {
      method: opts.method ?? (opts.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        ...(opts.cookie ? { Cookie: opts.cookie } : {}),
        ...(opts.form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        ...opts.headers,
      },
      body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
    });
  // A kept-alive connection the server closed as this request went out ("other side closed"): a GET is sent again,
  // as a browser does; anything that changes data is not.
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    const method = opts.method ?? (opts.form ? "POST" : "GET");
    if (method !== "GET" || !String((e as { cause?: unknown }).cause ?? e).includes("other side closed")) throw e;
    res = await send();
  }
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
}

/** The session cookie ("name=value") from a response, or null. */
export function sessionCookieFrom(res: HttpResult): string | null {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("tanan_session="));
  if (!set) return null;
  const pair = set.split(";")[0];
  return pair === "tanan_session=" || pair.endsWith('=""') ? null : pair;
}

export async function loginAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await http(baseUrl, "/login", { form: { email, password } });
  const cookie = sessionCookieFrom(res);
  if (res.status !== 302 || !cookie) throw new Error(`login failed for ${email}: ${res.status}`);
  return cookie;
}
