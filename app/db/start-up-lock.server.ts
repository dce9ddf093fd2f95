import pg from "pg";
import { ConfigError } from "~/env.server";

/**
 * Preparing a database (migrations, then the demo on an empty one) happens once, however many
 * instances start at the same moment: each takes this PostgreSQL advisory lock first, on a
 * connection of its own that lives exactly as long as the work. The others wait, then find the
 * work done. A session lock, not a transaction lock, because the migrations and the demo run in
 * transactions of their own on other connections. See docs/decisions/071-start-up-once.md.
 */

/** The lock's fixed key; one above Prisma Migrate's (72707369), which the migration runner takes inside. */
const START_UP_LOCK_ID = 72707370;

/** How long an instance waits for another one's start-up before it gives up. */
const WAIT_AT_MOST = "5min";

export async function withStartUpLock<T>(
  databaseUrl: string,
  work: () => Promise<T>,
  options: { log?: (line: string) => void } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A connection lost while waiting or working shows up as the failure of the query or the work.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(`SET lock_timeout = '${WAIT_AT_MOST}'`);
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      START_UP_LOCK_ID,
    ]);
    if (!rows[0]?.locked) {
      options.log?.("Another instance is preparing the database; waiting until it is done.");
      await client.query("SELECT pg_advisory_lock($1)", [START_UP_LOCK_ID]).catch((error: { code?: string }) => {
        if (error.code === "55P03") {
          throw new ConfigError(
            `Another instance has been preparing the database for more than ${WAIT_AT_MOST.replace("min", " minutes")}; stop it or wait until it is done, then start again.`,
          );
        }
        throw error;
      });
    }
    return await work();
  } finally {
    // Ending the session releases the lock even when the unlock itself cannot be sent.
    await client.query("SELECT pg_advisory_unlock($1)", [START_UP_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
}
