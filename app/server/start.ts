import cluster from "node:cluster";
import type { Server } from "node:http";
import { disconnectDatabase, connectDatabase } from "~/db/client.server";
import { openDatabase, type DatabaseHandle } from "~/db/database.server";
import { applyMigrations } from "~/db/migrations.server";
import { reportStartUpFailure } from "~/db/start-up-failures.server";
import { withStartUpLock } from "~/db/start-up-lock.server";
import { env as readEnv } from "~/env.server";
import { setClock } from "~/lib/clock";
import { logger } from "~/lib/log.server";
import { loadDemoIfEmpty } from "../../prisma/demo";
import { startJobs, type Jobs } from "./jobs.server";
import { closeHttp, requireBuild, serveHttp } from "./serve-http";
import { startWorkers, WorkerStartUpError, type Workers } from "./workers";

/**
 * `npm start`: configuration, database (embedded unless DATABASE_URL is set), migrations and
 * demo data on an empty database (once, under the start-up lock, however many instances start
 * at the same moment), background jobs, then HTTP. Any problem on the way stops start-up with
 * one sentence; the stack only with LOG_LEVEL=debug.
 *
 * With WEB_CONCURRENCY above 1 (production's default: one per core) this process is the
 * primary: it does all of the above except HTTP, which it leaves to that many workers
 * (app/server/workers.ts), each this file again, connecting to the primary's database.
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
  let workers: Workers | undefined;
  let stopping = false;

  // Workers first (they finish their requests), then the jobs, then the database they all use.
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await closeHttp(server);
    await workers?.stop();
    await jobs?.stop().catch(() => {});
    await disconnectDatabase().catch(() => {});
    await database?.close().catch(() => {});
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  // A failure outside the awaited steps (a dropped connection, say) is reported the same way.
  const failed = (error: unknown) => {
    if (!(error instanceof WorkerStartUpError)) reportStartUpFailure(error);
    void stop(1);
  };
  process.on("uncaughtException", failed);
  process.on("unhandledRejection", failed);
  logProcessWarnings();

  try {
    const env = readEnv();
    if (env.CLOCK_START) {
      setClock(env.CLOCK_START);
      if (cluster.isPrimary) say(`The clock starts at ${env.CLOCK_START.toISOString()} (CLOCK_START).`);
    }
    if (cluster.isWorker) {
      // A worker only serves HTTP, on the database its primary opened (passed as DATABASE_URL).
      // Without its primary (killed outright) it stops too, rather than hold the port on its own.
      process.once("disconnect", () => void stop(0));
      await connectDatabase(env.DATABASE_URL!);
      server = await serveHttp(env);
    } else {
      requireBuild();
      database = await openDatabase(env, say);
      const { url } = database;
      await withStartUpLock(
        url,
        async () => {
          await applyMigrations(url, { log: say });
          await connectDatabase(url);
          if (env.demoData) await loadDemoIfEmpty({ log: say });
          // One process per installation runs the jobs: the primary, which outlives its workers.
          // Under the lock too: two instances creating pg-boss's queues at once can deadlock.
          jobs = await startJobs(url, env);
        },
        { log: say },
      );
      if (env.WEB_CONCURRENCY === 1) {
        server = await serveHttp(env);
      } else {
        workers = startWorkers(env.WEB_CONCURRENCY, { DATABASE_URL: url }, say);
        await workers.ready;
      }
    }
    process.off("uncaughtException", failed);
    process.off("unhandledRejection", failed);
    if (cluster.isPrimary) {
      const how = workers ? ` with ${env.WEB_CONCURRENCY} HTTP workers` : "";
      say(
        `Buurtrooster is running on http://localhost:${env.PORT}${how} (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
    }
  } catch (error) {
    failed(error);
  }
}

void main();
