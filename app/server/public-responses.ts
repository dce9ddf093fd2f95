import { createHash, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import { LRUCache } from "lru-cache";
import { combinedPublicVersion, publicVersionOf } from "~/domain/residents/agenda.server";
import { getLocale } from "~/i18n/locale.server";
import { clock } from "~/lib/clock";

/**
 * The public agenda's answers (a centre's agenda page, activity pages, the .ics and JSON feeds,
 * the widget, and the combined agenda of every centre), kept in memory and told to browsers how long they may keep them. Decision 100.
 *
 * - An answer is kept per address and language, together with the centre's public version that
 *   was current before it was made. Database triggers raise that version in the transaction of
 *   every change residents can see, so the next request after a change misses and sees it.
 * - Answers also depend on the time (today's agenda, dates that have ended), so one is used
 *   only in the minute of the app's clock it was made in (tests and CLOCK_START move that clock).
 * - A page holds values that belong to one response only: the CSP nonce, the request id and
 *   its forms' keys (`perResponseValues`). A copy gets the current request's nonce and id and
 *   fresh form keys, so two people never share a form key; such a page is `private` for HTTP
 *   caches. An answer without such values (feeds, the widget) is `public`.
 * - Someone signed in (a session cookie) is never served from or stored in the cache, and
 *   their answers are `no-store`. So are answers that set a cookie, and anything but a 200.
 * - An answer without per-response values is also kept gzipped: compressing a 236 KB feed for
 *   every request would cost more than everything else together.
 */

export type FetchHandler = (request: Request, context: AppLoadContext) => Promise<Response>;

/** A centre's public address: the centre (1) and, for an activity, its id. */
const PUBLIC_PATH =
  /^\/centres\/([a-z0-9][a-z0-9-]{0,79})(?:\/agenda\.ics|\/agenda\.json|\/widget|\/activities\/[0-9a-f-]{36}(?:\/agenda\.ics)?)?$/;
/** The combined agenda: it shows every centre. */
const COMBINED_PATH = "/agenda";

/** How long a kept answer may be used, and what browsers and proxies are told. */
const KEEP_MS = 60_000;
const SHARED_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";
// A browser may keep its own copy, but asks each time whether it is still right (304).
const PERSONAL_CACHE_CONTROL = "private, no-cache";
const SIGNED_IN_CACHE_CONTROL = "private, no-store";
// The language (the `lang` cookie) and being signed in (the session cookie) change the answer;
// Accept-Encoding says whether the gzipped copy may be sent.
const VARY = "Cookie, Accept-Encoding";
/** Below this, gzip gains little (the compression middleware's own threshold). */
const GZIP_FROM_BYTES = 1024;

/** A value shorter than this (a proxy's short request id) could occur in a page by chance. */
const MIN_REPLACEABLE_LENGTH = 16;

interface Kept {
  /** the centre's public version (of every centre, for the combined agenda) */
  version: string;
  /** the minute of the app's clock it was made in */
  minute: number;
  status: number;
  headers: [string, string][];
  etag: string;
  /** the body as text when it holds per-response values to replace, else its bytes */
  body: string | Buffer;
  /** the bytes gzipped, for an answer without per-response values */
  gzipped?: Buffer;
  /** the per-response values that are in `body` (and maybe the headers), with what each is */
  values: [string, PerResponse][];
}

type PerResponse = "nonce" | "requestId" | "formKey";

/** A memory-bounded LRU of kept answers; `maxBytes` counts bodies and headers. */
export class PublicResponseCache {
  private readonly entries: LRUCache<string, Kept>;
  hits = 0;
  misses = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.entries = new LRUCache<string, Kept>({
      maxSize: maxBytes,
      sizeCalculation: sizeOf,
      ttl: KEEP_MS,
      // a copy that would not fit is not kept, rather than emptying the cache for it
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    });
  }

  get(key: string): Kept | undefined {
    return this.entries.get(key);
  }

  set(key: string, kept: Kept): void {
    this.entries.set(key, kept);
  }

  /** Bytes held (as counted for maxBytes). */
  get size(): number {
    return this.entries.calculatedSize;
  }

  clear(): void {
    this.entries.clear();
  }
}

function sizeOf(kept: Kept): number {
  const body =
    (typeof kept.body === "string" ? kept.body.length * 2 : kept.body.byteLength) + (kept.gzipped?.byteLength ?? 0);
  return body + kept.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 200);
}

/** The one cache of this process. */
export const publicResponses = new PublicResponseCache();

/** Wraps Remix's handler: public GETs are answered from the cache when the centre has not changed. */
export function cachePublicResponses(handle: FetchHandler, cache: PublicResponseCache = publicResponses): FetchHandler {
  return async (request, context) => {
    const url = new URL(request.url);
    const slug = request.method === "GET" ? PUBLIC_PATH.exec(url.pathname)?.[1] : undefined;
    const combined = request.method === "GET" && url.pathname === COMBINED_PATH;
    if (!slug && !combined) return handle(request, context);
    if (isSignedIn(request))
      return withHeaders(await handle(request, context), { "Cache-Control": SIGNED_IN_CACHE_CONTROL });
    // The version first: data read after it is at least as new, never older.
    const version = slug ? (await publicVersionOf(slug))?.toString() : await combinedPublicVersion();
    if (version === undefined) return handle(request, context);
    const key = `${await getLocale(request)} ${url.pathname}${url.search}`;
    const minute = Math.floor(clock.now().getTime() / KEEP_MS);
    const kept = cache.get(key);
    if (kept && kept.version === version && kept.minute === minute) {
      cache.hits++;
      return answer(request, context, kept);
    }
    cache.misses++;
    const response = await handle(request, context);
    if (response.status !== 200 || response.headers.has("Set-Cookie") || !response.body) return response;
    const bytes = Buffer.from(await response.arrayBuffer());
    const made = keep(bytes, response, context, { version, minute });
    if (!made) return new Response(new Uint8Array(bytes), { status: response.status, headers: response.headers });
    cache.set(key, made);
    return answer(request, context, made, { fresh: true });
  };
}

function isSignedIn(request: Request): boolean {
  return /(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "");
}

/** The answer as kept (`bytes` is its body), with where its per-response values are; or undefined. */
function keep(
  bytes: Buffer,
  response: Response,
  context: AppLoadContext,
  made: Pick<Kept, "version" | "minute">,
): Kept | undefined {
  const text = bytes.toString("utf8");
  const values = (
    [
      [context.cspNonce, "nonce"],
      [context.requestId, "requestId"],
      ...(context.perResponseValues ?? []).map((key): [string, PerResponse] => [key, "formKey"]),
    ] as [string, PerResponse][]
  ).filter(([value]) => value.length > 0 && text.includes(value));
  if (values.some(([value]) => value.length < MIN_REPLACEABLE_LENGTH)) return undefined;
  const personal = values.length > 0;
  // The tag names what the page says, not this response's own values.
  const tagged = personal ? replaceAll(text, values, () => "") : bytes;
  const hash = createHash("sha256").update(tagged).digest("base64url").slice(0, 27);
  const headers: [string, string][] = [...response.headers].filter(
    ([name]) => !["cache-control", "etag", "vary", "content-length"].includes(name),
  );
  headers.push(
    ["Cache-Control", personal ? PERSONAL_CACHE_CONTROL : SHARED_CACHE_CONTROL],
    ["Vary", VARY],
    // Two copies of a page differ in their nonce and form keys, so the same page is only
    // weakly the same; a feed is the same bytes every time.
    ["ETag", personal ? `W/"${hash}"` : `"${hash}"`],
  );
  return {
    ...made,
    status: response.status,
    headers,
    etag: hash,
    body: personal ? text : bytes,
    gzipped: !personal && bytes.byteLength >= GZIP_FROM_BYTES ? gzipSync(bytes) : undefined,
    values,
  };
}

/** A copy of `kept` for this request: its own nonce, request id and form keys; or 304. */
function answer(request: Request, context: AppLoadContext, kept: Kept, options: { fresh?: boolean } = {}): Response {
  const gzipped = kept.gzipped && acceptsGzip(request) ? kept.gzipped : undefined;
  // the gzipped bytes are another representation, so another tag
  const headers = gzipped
    ? kept.headers.map(([name, value]): [string, string] => [name, name === "ETag" ? `"${kept.etag}-gzip"` : value])
    : kept.headers;
  if (matches(request.headers.get("If-None-Match"), kept.etag)) {
    const validators = headers.filter(([name]) => ["Cache-Control", "Vary", "ETag"].includes(name));
    return new Response(null, { status: 304, headers: validators });
  }
  if (gzipped) {
    // the compression middleware leaves an answer that says its encoding alone
    return new Response(new Uint8Array(gzipped), {
      status: kept.status,
      headers: [...headers, ["Content-Encoding", "gzip"]],
    });
  }
  if (typeof kept.body !== "string" || options.fresh) {
    // made for this request: its values are already this request's
    return new Response(typeof kept.body === "string" ? kept.body : new Uint8Array(kept.body), {
      status: kept.status,
      headers: kept.headers,
    });
  }
  const now: Record<PerResponse, () => string> = {
    nonce: () => context.cspNonce,
    requestId: () => context.requestId,
    formKey: () => randomUUID(),
  };
  const fresh = new Map(kept.values.map(([old, kind]) => [old, now[kind]()]));
  const swap = (text: string) => replaceAll(text, kept.values, (old) => fresh.get(old) ?? old);
  return new Response(swap(kept.body), {
    status: kept.status,
    headers: kept.headers.map(([name, value]): [string, string] => [name, swap(value)]),
  });
}

function replaceAll(text: string, values: Kept["values"], by: (old: string) => string): string {
  if (values.length === 0) return text;
  const pattern = new RegExp(values.map(([value]) => value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
  return text.replace(pattern, by);
}

/** If-None-Match against our tag (either encoding), compared weakly (RFC 9110 §13.1.2). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => [`"${etag}"`, `"${etag}-gzip"`].includes(tag.trim().replace(/^W\//, "")));
}

function acceptsGzip(request: Request): boolean {
  return (request.headers.get("Accept-Encoding") ?? "")
    .split(",")
    .some((coding) => /^\s*(gzip|\*)\s*(;\s*q=(0\.0*[1-9]\d*|1(\.0*)?))?\s*$/i.test(coding));
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
