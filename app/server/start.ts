import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { disconnectDatabase, connectDatabase } from "~/db/client.server";
import { openDatabase, type DatabaseHandle } from "~/db/database.server";
import { applyMigrations } from "~/db/migrations.server";
import { reportStartUpFailure } from "~/db/start-up-failures.server";
import { withStartUpLock } from "~/db/start-up-lock.server";
import { ConfigError, env as readEnv } from "~/env.server";
import { setClock } from "~/lib/clock";
import { logger } from "~/lib/log.server";
import { fromRoot } from "~/lib/project-root.server";
import { loadDemoIfEmpty } from "../../prisma/demo";
import { createHttpApp } from "./http";
import { startJobs, type Jobs } from "./jobs.server";

/**
 * `npm start`: configuration, database (embedded unless DATABASE_URL is set), migrations and
 * demo data on an empty database (once, under the start-up lock, however many instances start
 * at the same moment), background jobs, then HTTP. Any problem on the way stops start-up with
 * one sentence; the stack only with LOG_LEVEL=debug.
 */

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Warnings of Node and of libraries (pg-boss warns when this machine's clock and the
 * database's differ by more than a minute) become log lines like everything else, instead of
 * text on stderr, which start-up keeps for a reason it cannot go on.
 */
function logProcessWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (warning: Error & { code?: string }) =>
    logger.warn({ warning: warning.name, code: warning.code }, warning.message),
  );
}

async function main() {
  const started = Date.now();
  let database: DatabaseHandle | undefined;
  let jobs: Jobs | undefined;
  let server: Server | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await jobs?.stop().catch(() => {});
    await disconnectDatabase().catch(() => {});
    await database?.close().catch(() => {});
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  // A failure outside the awaited steps (a dropped connection, say) is reported the same way.
  const failed = (error: unknown) => {
    reportStartUpFailure(error);
    void stop(1);
  };
  process.on("uncaughtException", failed);
  process.on("unhandledRejection", failed);
  logProcessWarnings();

  try {
    const env = readEnv();
    if (env.CLOCK_START) {
      setClock(env.CLOCK_START);
      say(`The clock starts at ${env.CLOCK_START.toISOString()} (CLOCK_START).`);
    }
    const buildPath = fromRoot("build", "index.js");
    if (!existsSync(buildPath)) throw new ConfigError("The app has not been built; run npm run build first.");
    database = await openDatabase(env, say);
    const { url } = database;
    await withStartUpLock(
      url,
      async () => {
        await applyMigrations(url, { log: say });
        await connectDatabase(url);
        if (env.demoData) await loadDemoIfEmpty({ log: say });
      },
      { log: say },
    );
    jobs = await startJobs(url, env);

    const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
    const app = createHttpApp(build, env.production ? "production" : "development");
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
      listening.once("error", reject);
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        throw new ConfigError(`Port ${env.PORT} is already in use; stop the other program or set PORT to a free port.`);
      }
      if (error.code === "EACCES") {
        throw new ConfigError(`Port ${env.PORT} may not be used by this user; set PORT to a number above 1024.`);
      }
      throw error;
    });
    process.off("uncaughtException", failed);
    process.off("unhandledRejection", failed);
    say(
      `Buurtrooster is running on http://localhost:${env.PORT} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  } catch (error) {
    failed(error);
  }
}

void main();
