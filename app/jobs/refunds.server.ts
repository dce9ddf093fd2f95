import { sendWaitingRefunds } from "~/domain/money/refunds.server";
import { sendDueSignupRefunds } from "~/domain/money/signup-payments.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** Every ten minutes: online refunds Stripe did not take yet are sent again (same idempotency key). */
export const sendRefundsJob = defineJob({
  name: "refunds-send",
  cron: "*/10 * * * *",
  queue: { policy: "singleton", retryLimit: 1, retryDelay: 300 },
  work: async () => {
    const sent = await sendWaitingRefunds();
    if (sent > 0) logInfo("Sent waiting refunds to Stripe.", { refunds: sent });
    // residents' payments for a place owed back (decision 096)
    const places = await sendDueSignupRefunds();
    if (places > 0) logInfo("Refunded sign-ups.", { signups: places });
  },
});
