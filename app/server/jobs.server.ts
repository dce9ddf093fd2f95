import PgBoss from "pg-boss";
import { MAX_DELIVERY_ATTEMPTS, deliverEmail, pendingEmailIds, smtpTransport } from "~/email/delivery.server";
import type { Env } from "~/env.server";
import { logError, logInfo } from "~/lib/log.server";

/**
 * Background work on a Postgres-backed queue (pg-boss): safe with several app instances,
 * because each job is locked by one worker and scheduled jobs run once per slot.
 */

const EMAIL_SWEEP = "email-sweep";
const EMAIL_DELIVER = "email-deliver";

export interface Jobs {
  stop(): Promise<void>;
}

export async function startJobs(databaseUrl: string, env: Env): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: "pgboss" });
  boss.on("error", (error) => logError(error, { component: "jobs" }));
  await boss.start();

  if (env.SMTP_URL) {
    const transport = smtpTransport(env.SMTP_URL);
    await boss.createQueue(EMAIL_SWEEP, { name: EMAIL_SWEEP, policy: "singleton" });
    await boss.createQueue(EMAIL_DELIVER, {
      name: EMAIL_DELIVER,
      retryLimit: MAX_DELIVERY_ATTEMPTS - 1,
      retryDelay: 30,
      retryBackoff: true,
    });
    await boss.schedule(EMAIL_SWEEP, "* * * * *");
    await boss.work(EMAIL_SWEEP, { pollingIntervalSeconds: 2 }, async () => {
      for (const id of await pendingEmailIds()) {
        await boss.send(EMAIL_DELIVER, { emailId: id }, { id });
      }
    });
    await boss.work<{ emailId: string }>(EMAIL_DELIVER, { pollingIntervalSeconds: 2 }, async ([job]) => {
      if (job) await deliverEmail(job.data.emailId, transport, env.MAIL_FROM);
    });
    logInfo("Emails are sent over SMTP.");
  } else if (env.production) {
    logInfo("SMTP_URL is not set: emails stay in the outbox and are not sent.");
  }

  return {
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
