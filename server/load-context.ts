import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy; every inline script carries it. */
    cspNonce: string;
    /** The client's address (behind a proxy only when TRUST_PROXY is set). */
    clientIp: string;
    /** Adds a header to the response whatever the route returns (session cookie renewal). */
    appendResponseHeader: (name: string, value: string) => void;
    /** Memo of this request's signed-in user, shared by the loaders of one request. */
    actorCache: Map<string, Promise<unknown>>;
  }
}

export function getLoadContext(req: ExpressRequest, res: ExpressResponse) {
  return {
    cspNonce: res.locals.cspNonce as string,
    clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    appendResponseHeader: (name: string, value: string) => {
      if (!res.headersSent) res.append(name, value);
    },
    actorCache: new Map<string, Promise<unknown>>(),
  };
}
