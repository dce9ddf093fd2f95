import type PgBoss from "pg-boss";
import { MAX_DELIVERY_ATTEMPTS, deliverEmail, pendingEmailIds, smtpTransport } from "~/email/delivery.server";
import { defineJob } from "./registry.server";

/** Job states after which a job runs no more (its email may still wait: it is queued anew). */
const FINISHED = new Set(["completed", "failed", "cancelled"]);

/**
 * Queues one delivery job per pending email; its job id is the email's id, so a waiting or
 * retrying job is never doubled. A pending email whose job has finished (its retries ran out,
 * or a manager queued a failed email again) gets a fresh job.
 */
export async function queuePendingEmails(boss: PgBoss): Promise<number> {
  let queued = 0;
  for (const id of await pendingEmailIds()) {
    if (await boss.send(emailDeliver.name, { emailId: id }, { id })) {
      queued += 1;
      continue;
    }
    const job = await boss.getJobById(emailDeliver.name, id);
    if (job && FINISHED.has(job.state)) {
      await boss.deleteJob(emailDeliver.name, id);
      if (await boss.send(emailDeliver.name, { emailId: id }, { id })) queued += 1;
    }
  }
  return queued;
}

/** Every minute: queue each pending outbox email once. */
export const emailSweep = defineJob({
  name: "email-sweep",
  cron: "* * * * *",
  queue: { policy: "singleton" },
  enabled: (env) => Boolean(env.SMTP_URL),
  work: async (_jobs, { boss }) => {
    await queuePendingEmails(boss);
  },
});

/** Sends one email; a failure the server may get over is retried with growing pauses (about a day in all). */
export const emailDeliver = defineJob<{ emailId: string }>({
  name: "email-deliver",
  queue: { retryLimit: MAX_DELIVERY_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true },
  enabled: (env) => Boolean(env.SMTP_URL),
  work: async ([job], { env }) => {
    if (job) await deliverEmail(job.data.emailId, smtpTransport(env.SMTP_URL!), env.MAIL_FROM);
  },
});
