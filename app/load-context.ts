/** What the HTTP server passes to every loader and action (see app/server/http.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** shown on error pages and written to the log */
    requestId: string;
    /** the Content-Security-Policy nonce for this response's scripts */
    cspNonce: string;
    /** the client's address as Express sees it with `trust proxy` 1 (request.ip), for rate limits */
    clientIp?: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
