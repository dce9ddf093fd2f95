import { MAX_DELIVERY_ATTEMPTS, deliverEmail, pendingEmailIds, smtpTransport } from "~/email/delivery.server";
import { defineJob } from "./registry.server";

/** Every minute: queue each pending outbox email once (its job id is the email's id). */
export const emailSweep = defineJob({
  name: "email-sweep",
  cron: "* * * * *",
  queue: { policy: "singleton" },
  enabled: (env) => Boolean(env.SMTP_URL),
  work: async (_jobs, { boss }) => {
    for (const id of await pendingEmailIds()) {
      await boss.send(emailDeliver.name, { emailId: id }, { id });
    }
  },
});

/** Sends one email; a failure is retried with back-off by the queue. */
export const emailDeliver = defineJob<{ emailId: string }>({
  name: "email-deliver",
  queue: { retryLimit: MAX_DELIVERY_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true },
  enabled: (env) => Boolean(env.SMTP_URL),
  work: async ([job], { env }) => {
    if (job) await deliverEmail(job.data.emailId, smtpTransport(env.SMTP_URL!), env.MAIL_FROM);
  },
});
