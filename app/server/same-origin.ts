import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import { refuse } from "./refusals";

/**
 * Only our own pages may change something. Remix checks the origin for document and `.data`
 * requests only (a `?_data` post from another site went through), so every request that is
 * not GET, HEAD or OPTIONS is checked here, whatever its shape, before Remix sees it.
 * Reading stays open to everyone: the widget and the public feeds are fetched with GET.
 * Decision 072 explains the rules.
 */

export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request comes from a page of another origin. `Origin` decides when present
 * (browsers send it on every POST); without it, `Sec-Fetch-Site` and then `Referer`. A request
 * with none of the three is no browser page (curl, a script, a test) and passes: such a client
 * holds its own cookies, so a foreign site cannot act through it.
 */
export function comesFromAnotherOrigin(headers: IncomingHttpHeaders, appUrl: string): boolean {
  if (headers.origin !== undefined) return !isOwnAddress(headers.origin, headers, appUrl);
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return true;
  if (headers.referer !== undefined) return !isOwnAddress(headers.referer, headers, appUrl);
  return false;
}

/**
 * Our own origin is the configured APP_URL, or the host the request was sent to (its `Host`,
 * or `X-Forwarded-Host` behind a proxy: a page cannot set either on a cross-origin request).
 * "null", other schemes and unreadable values are never ours.
 */
function isOwnAddress(address: string, headers: IncomingHttpHeaders, appUrl: string): boolean {
  const url = parseUrl(address);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return false;
  if (url.origin === parseUrl(appUrl)?.origin) return true;
  const forwarded = headers["x-forwarded-host"];
  const hosts = [headers.host, ...(Array.isArray(forwarded) ? forwarded : (forwarded?.split(",") ?? []))];
  return hosts.some((host) => host !== undefined && parseUrl(`${url.protocol}//${host.trim()}`)?.host === url.host);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * The one address another origin may post to: a payment provider's webhook, which carries no
 * cookie and proves itself with a signature over the body instead (decision 092).
 */
const SIGNED_WEBHOOK = /^\/webhooks\/stripe\/[a-z0-9-]+$/;

function isSignedWebhook(method: string, path: string): boolean {
  return method === "POST" && SIGNED_WEBHOOK.test(path);
}

/** Refuses a state-changing request from another origin with 403 (the signed webhook aside). */
export function requireSameOrigin(appUrl: string): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isSignedWebhook(req.method, req.path)) return next();
    if (!comesFromAnotherOrigin(req.headers, appUrl)) return next();
    refuse(req, res, "crossOrigin", {
      detail: `origin ${req.headers.origin ?? req.headers.referer ?? req.headers["sec-fetch-site"]}`,
    });
  };
}
