import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domain/shared/errors";
import { isOverloaded, isRetryableConflict } from "./errors.server";

/**
 * The one Prisma client of this process.
 *
 * The server entry (run by tsx) and the Remix build (bundled by esbuild) each load their own
 * copy of this module; the client lives on globalThis so both share one connection pool.
 * The server calls `connectDatabase(url)` once the database is known (embedded or DATABASE_URL).
 */

interface Holder {
  url?: string;
  client?: PrismaClient;
}

const KEY = Symbol.for("buurtrooster.database");
const holder: Holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= {});

/** A Prisma client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

/** Points this process at `url`; an existing client for another URL is closed. */
export async function connectDatabase(url: string): Promise<void> {
  if (holder.url === url) return;
  const previous = holder.client;
  holder.client = undefined;
  holder.url = url;
  await previous?.$disconnect();
}

export function databaseUrl(): string {
  const url = holder.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("The database has not been configured for this process.");
  return url;
}

export function db(): PrismaClient {
  holder.client ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: 20 }),
  });
  return holder.client;
}

export async function disconnectDatabase(): Promise<void> {
  const client = holder.client;
  holder.client = undefined;
  await client?.$disconnect();
}

/** How often a transaction is tried when PostgreSQL gives it up for a deadlock or a serialisation failure. */
const ATTEMPTS = 4;

/**
 * Runs `work` in one transaction; every multi-row change goes through here. A transaction that
 * PostgreSQL broke off to resolve a deadlock or a serialisation failure changed nothing, so it
 * is simply run again (a few times, after a short random pause); `work` must not have effects
 * outside the database.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { timeout: options?.timeoutMs ?? 15_000, maxWait: 10_000 });
    } catch (error) {
      // Too busy to finish in time: nothing was written; say so plainly (503) instead of failing.
      if (isOverloaded(error)) throw new DomainError("busy", "The database is too busy; nothing was saved.", {}, 503);
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}

/**
 * Independent reads on `client`: at the same time on the pool, one after the other inside a
 * transaction. A transaction is one connection, where node-postgres queues them anyway (and
 * will refuse overlapping queries from pg 9 on).
 */
export async function readTogether<T extends readonly unknown[]>(
  client: Tx,
  reads: readonly [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if ("$transaction" in client) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
