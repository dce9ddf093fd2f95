import { createHash } from "node:crypto";
import type { AppLoadContext, HeadersFunction } from "@remix-run/node";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { encodeMessage } from "~/lib/messages";
import { databaseUrl } from "~/db/client.server";
import { logError } from "./log.server";

/**
 * Rate limits on sign-in and the public forms (docs/decisions/078-rate-limits.md), counted by
 * rate-limiter-flexible in PostgreSQL (`rate_limits`), so every instance of the app shares them.
 * Each limit counts sendings per key (a client's address, an email address, a user) in a fixed
 * window. Windows are elapsed time, so they run on the machine's clock (the library's), not the
 * app's settable clock.
 *
 * All limits are here, in one place. Low enough to stop a script (200 sign-in requests, 20
 * registrations), high enough for a centre's evening on one wifi and for the test suite.
 */
export const RATE_LIMITS = {
  /** asking for a sign-in link, per client address */
  signInPerClient: { points: 30, windowMinutes: 15 },
  /** sign-in emails to one address; beyond it nothing is sent, and the page says the same as always */
  signInEmailsPerAddress: { points: 5, windowMinutes: 60 },
  /** registering an organisation, per client address */
  registerPerClient: { points: 10, windowMinutes: 60 },
  /** registration confirmations to one address; beyond it nothing is sent, silently */
  registerEmailsPerAddress: { points: 3, windowMinutes: 60 },
  /** signing up for a date, per client address (a volunteer may sign people up at the desk) */
  signupPerClient: { points: 60, windowMinutes: 60 },
  /** sign-ups with one email address or phone number */
  signupPerContact: { points: 10, windowMinutes: 60 },
  /** asking for company the first time, per client address */
  companionPerClient: { points: 10, windowMinutes: 60 },
  /** booking requests sent (not the reviews before them), per signed-in user */
  bookingRequestPerUser: { points: 20, windowMinutes: 60 },
  /** paying an invoice online from its pay link, per client address */
  payInvoicePerClient: { points: 20, windowMinutes: 60 },
  /** paying a sign-up online from its page, per client address */
  paySignupPerClient: { points: 20, windowMinutes: 60 },
} as const satisfies Record<string, { points: number; windowMinutes: number }>;

type RateLimitName = keyof typeof RATE_LIMITS;

export interface RateLimitCheck {
  limit: RateLimitName;
  /** what is counted: a client's address, an email address, a user id (stored only as a hash) */
  key: string;
}

export interface RateLimitRefusal {
  limit: RateLimitName;
  /** whole seconds until the window ends (for Retry-After) */
  retryAfterSeconds: number;
}

interface Store {
  url?: string;
  pool?: pg.Pool;
  limiters: Map<RateLimitName, RateLimiterPostgres>;
}

// on globalThis: the server entry and the Remix build each load their own copy of this module
const KEY = Symbol.for("buurtrooster.rate-limits");
const store: Store = ((globalThis as Record<symbol, Store>)[KEY] ??= { limiters: new Map() });

function limiter(name: RateLimitName): RateLimiterPostgres {
  const url = databaseUrl();
  if (store.url !== url) {
    void store.pool?.end().catch(() => {});
    // a small pool of its own: the library speaks node-postgres, Prisma keeps its pool to itself
    store.pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    store.pool.on("error", (error) => logError(error, { component: "rate-limits" }));
    store.url = url;
    store.limiters.clear();
  }
  let found = store.limiters.get(name);
  if (!found) {
    const { points, windowMinutes } = RATE_LIMITS[name];
    found = new RateLimiterPostgres({
      storeClient: store.pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true, // made by a migration
      keyPrefix: name,
      points,
      duration: windowMinutes * 60,
    });
    store.limiters.set(name, found);
  }
  return found;
}

/** Keys are hashed: the table never holds an email address or a client's address. */
function hashedKey(key: string): string {
  return createHash("sha256").update(key.trim().toLowerCase()).digest("base64url");
}

/**
 * Counts one sending against each check, in order; the first limit that is full refuses (the
 * checks after it are not counted). Undefined: go ahead. When the store cannot be reached the
 * sending goes ahead (logged): a broken counter must not lock residents out.
 */
export async function consumeRateLimits(checks: RateLimitCheck[]): Promise<RateLimitRefusal | undefined> {
  for (const check of checks) {
    try {
      await limiter(check.limit).consume(hashedKey(check.key));
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        return { limit: check.limit, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      }
      logError(outcome, { component: "rate-limits", limit: check.limit });
    }
  }
  return undefined;
}

/** Forgets the counts of one key (tests; an operator unblocking someone). */
export async function resetRateLimit(check: RateLimitCheck): Promise<void> {
  await limiter(check.limit).delete(hashedKey(check.key));
}

/**
 * The client's address as Express gives it (`request.ip` with `trust proxy` 1, which already
 * reads the nearest proxy's X-Forwarded-For), passed in the load context as clientIp. No
 * second reading of that header here: a client without a proxy could set it to anything.
 */
export function clientAddress(context: AppLoadContext): string {
  return context.clientIp ?? "unknown";
}

/** The answer's status and Retry-After header for a refusal (429). */
export function tooManyInit(refusal: RateLimitRefusal): ResponseInit {
  return { status: 429, headers: { "Retry-After": String(refusal.retryAfterSeconds) } };
}

/**
 * The `headers` export of a route whose action may refuse with 429: a page answer (not only a
 * data request) carries the action's Retry-After too.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** Minutes to wait, rounded up, for the message on the form. */
function minutesToWait(refusal: RateLimitRefusal): number {
  return Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
}

/** The refusal as conform's reply options: "try again in N minutes" above the form; what was typed stays. */
export function tooManyReply(refusal: RateLimitRefusal): { formErrors: string[] } {
  return { formErrors: [encodeMessage("forms.tooMany", { minutes: minutesToWait(refusal) })] };
}
