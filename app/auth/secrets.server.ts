import { randomBytes } from "node:crypto";
import { databaseUrl, db } from "~/db/client.server";
import { env } from "~/env.server";
import { clock } from "~/lib/clock";

/**
 * The server's secret for what it signs itself (sign-up cancel links). Production sets
 * SESSION_SECRET (env.server.ts refuses to start without it). Elsewhere an unset SESSION_SECRET
 * means a random secret made on first use and kept in the database (`app_secrets`), so every
 * development database has its own and no secret is ever written in the code. The sessions
 * themselves need no secret: the cookie carries a random id (session.server.ts).
 */

const NAME = "session-secret";

interface Cache {
  url?: string;
  secret?: Promise<string>;
}

// on globalThis: the server entry and the Remix build each load their own copy of this module
const KEY = Symbol.for("buurtrooster.server-secret");
const cache: Cache = ((globalThis as Record<symbol, Cache>)[KEY] ??= {});

export async function serverSecret(): Promise<string> {
  const { SESSION_SECRET: configured, production } = env();
  if (configured) return configured;
  // env.server.ts already refuses to start so; this keeps a database secret out of production for sure
  if (production) throw new Error("SESSION_SECRET is required in production.");
  const url = databaseUrl();
  if (cache.url !== url || !cache.secret) {
    cache.url = url;
    cache.secret = secretOfDatabase().catch((error: unknown) => {
      cache.secret = undefined;
      throw error;
    });
  }
  return cache.secret;
}

/** The database's own secret, made once: of two processes asking at once, the first one's is kept. */
async function secretOfDatabase(): Promise<string> {
  await db().appSecret.createMany({
    data: [{ name: NAME, value: randomBytes(32).toString("base64url"), createdAt: clock.now() }],
    skipDuplicates: true,
  });
  return (await db().appSecret.findUniqueOrThrow({ where: { name: NAME } })).value;
}
