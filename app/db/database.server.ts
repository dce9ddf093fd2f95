import pg from "pg";
import { ConfigError, type Env } from "~/env.server";
import {
  EMBEDDED_DB_NAME,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedServer,
} from "./embedded-postgres.server";

export interface DatabaseHandle {
  url: string;
  /** set when this process uses the embedded server */
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

/**
 * The database of this process: DATABASE_URL when set (nothing embedded is started),
 * otherwise the embedded server with its `buurtrooster` database.
 */
export async function openDatabase(env: Env, log: (line: string) => void): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT, log });
  try {
    await ensureDatabase(embedded.serverUrl, EMBEDDED_DB_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: withDatabase(embedded.serverUrl, EMBEDDED_DB_NAME), embedded, close: () => embedded.stop() };
}

/** Connects once; a failure becomes one sentence that says where and why. */
async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new ConfigError(describeConnectionError(url, error));
  } finally {
    await client.end().catch(() => {});
  }
}

function describeConnectionError(url: string, error: unknown): string {
  let where = "the database";
  try {
    const parsed = new URL(url);
    where = `the database at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL is not a valid address (expected postgresql://user:password@host:5432/database).";
  }
  const code = (error as { code?: string }).code;
  const reason =
    code === "ECONNREFUSED"
      ? "nothing answers on that port"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "that host name is unknown"
        : code === "28P01" || code === "28000"
          ? "the user name or password is not accepted"
          : code === "3D000"
            ? "that database does not exist"
            : /timeout/i.test(String((error as Error).message))
              ? "it did not answer within 5 seconds"
              : String((error as Error).message ?? error).replace(/\.$/, "");
  return `Cannot reach ${where} (DATABASE_URL): ${reason}.`;
}
