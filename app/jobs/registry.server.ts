import type PgBoss from "pg-boss";
import type { Env } from "~/env.server";

/**
 * A background job: a named pg-boss queue, an optional cron schedule (centre-independent,
 * in UTC), and the work. Each concept keeps its jobs in app/jobs/<concept>.server.ts and is
 * listed once in app/jobs/index.server.ts; app/server/jobs.server.ts starts them all.
 */
export interface JobDefinition<Data extends object = object> {
  name: string;
  /** five-field cron, e.g. "17 3 * * *" */
  cron?: string;
  queue?: Omit<PgBoss.Queue, "name">;
  /** whether this job runs in this configuration (e.g. only with SMTP) */
  enabled?: (env: Env) => boolean;
  work: (
    jobs: PgBoss.Job<Data>[],
    /** `databaseUrl`: the database the app runs on (the embedded one has no DATABASE_URL) */
    context: { boss: PgBoss; env: Env; databaseUrl: string },
  ) => Promise<unknown>;
}

export function defineJob<Data extends object>(job: JobDefinition<Data>): JobDefinition<Data> {
  return job;
}
