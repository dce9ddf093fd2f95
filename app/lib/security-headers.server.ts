/**
 * Headers every HTML page gets. Pages may not be framed (the embeddable agenda widget
 * overrides frame-ancestors for itself); scripts run only with this response's nonce.
 * `X-Content-Type-Options: nosniff` is not here: app/server/http.ts adds it to every response.
 */
export function securityHeaders(nonce: string, options: { allowFraming?: boolean } = {}): Record<string, string> {
  const frameAncestors = options.allowFraming ? "*" : "'none'";
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
      `frame-ancestors ${frameAncestors}`,
    ].join("; "),
    ...(options.allowFraming ? {} : { "X-Frame-Options": "DENY" }),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
