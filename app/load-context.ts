/** What the HTTP server passes to every loader and action (see app/server/http.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** shown on error pages and written to the log */
    requestId: string;
    /** the Content-Security-Policy nonce for this response's scripts */
    cspNonce: string;
    /** the client's address as Express sees it with `trust proxy` 1 (request.ip), for rate limits */
    clientIp?: string;
    /**
     * Values a page holds that must differ from one response to the next (its forms' keys,
     * besides the nonce and request id above); a cached copy of a public page gets fresh ones
     * (app/server/public-responses.ts). Filled by `newSubmissionKey`.
     */
    perResponseValues?: string[];
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
