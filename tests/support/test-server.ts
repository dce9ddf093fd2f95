import net from "node:net";
import pg from "pg";
import { ConfigError, parseEnv } from "~/env.server";
import { startEmbeddedPostgres, withDatabase, type EmbeddedServer } from "~/db/embedded-postgres.server";
import { applyMigrations } from "~/db/migrations.server";

/**
 * The PostgreSQL server the tests use: the one DATABASE_URL points at, or the embedded
 * server (started for the run, or shared with a running `npm start`). Test databases are
 * created beside the others and dropped afterwards; their names carry this run's process id,
 * so runs in parallel do not meet.
 *
 * A run leaves no PostgreSQL behind: it starts its embedded server on a free port of its own
 * (unless EMBEDDED_DB_PORT is set), so a server another folder's run left on the usual port is
 * never in the way; its teardown stops it, so does a failing global setup (setUpOn) and a
 * SIGINT or SIGTERM (embedded-postgres's own signal hook). After a SIGKILL, the next start on
 * the same data folder stops the server left behind (app/db/embedded-postgres.server.ts).
 */

export interface TestServer {
  /** admin connection (maintenance database) */
  serverUrl: string;
  embedded?: EmbeddedServer;
  /** stops the embedded server if this run started it (a shared or external one keeps running) */
  stop(): Promise<void>;
}

export async function openTestServer(): Promise<TestServer> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) {
    const serverUrl = env.DATABASE_URL;
    await query(serverUrl, "SELECT 1").catch((error: Error) => {
      throw new ConfigError(`The test database server (DATABASE_URL) does not answer: ${error.message}`);
    });
    return { serverUrl, stop: async () => {} };
  }
  const port = process.env.EMBEDDED_DB_PORT ? env.EMBEDDED_DB_PORT : await freePort();
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR, port });
  return { serverUrl: embedded.serverUrl, embedded, stop: () => embedded.stop() };
}

/**
 * Runs a global setup's work on the run's server. Vitest runs no teardown for a global setup
 * that failed, so when `work` fails this run's databases are dropped and the server is stopped
 * here, before the failure goes on.
 */
export async function setUpOn<T>(server: TestServer, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await dropRunDatabases(server.serverUrl).catch(() => {});
    await server.stop().catch(() => {});
    throw error;
  }
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

const RUN = `bt_test_${process.pid}`;

function templateName(): string {
  return `${RUN}_template`;
}

export function databaseName(suffix: string): string {
  return `${RUN}_${suffix}`;
}

/** A fresh database built by the migrations, to clone test databases from. */
export async function createTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await query(serverUrl, `CREATE DATABASE ${name}`);
  await applyMigrations(withDatabase(serverUrl, name));
  return name;
}

/** Creates `name` as a copy of the template unless it exists; returns its URL. */
export async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<string> {
  const exists = await query(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) {
    // Cloning needs the template to be idle; another worker cloning at the same moment is retried.
    for (let attempt = 0; ; attempt++) {
      try {
        await query(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  }
  return withDatabase(serverUrl, name);
}

/** Drops every database of this run (template included). */
export async function dropRunDatabases(serverUrl: string, pid = process.pid): Promise<void> {
  const { rows } = await query(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `bt_test_${pid}_%`,
  ]);
  for (const row of rows as { datname: string }[]) {
    await query(serverUrl, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  }
}
