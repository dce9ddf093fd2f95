import PgBoss from "pg-boss";
import type { Env } from "~/env.server";
import { JOBS } from "~/jobs/index.server";
import { logError, logInfo } from "~/lib/log.server";

/**
 * Background work on a Postgres-backed queue (pg-boss): safe with several app instances,
 * because each job is locked by one worker and a scheduled job runs once per slot.
 */

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(databaseUrl: string, env: Env): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: "pgboss" });
  boss.on("error", (error) => logError(error, { component: "jobs" }));
  await boss.start();
  for (const job of JOBS) {
    if (job.enabled && !job.enabled(env)) continue;
    await boss.createQueue(job.name, { name: job.name, ...job.queue });
    if (job.cron) await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async (batch) => {
      try {
        return await job.work(batch as never, { boss, env, databaseUrl });
      } catch (error) {
        logError(error, { job: job.name });
        throw error;
      }
    });
  }
  if (!env.SMTP_URL && env.production) logInfo("SMTP_URL is not set: emails stay in the outbox and are not sent.");
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
