import { releaseExpiredHolds, reconcileOpenCheckouts } from "~/domain/money/payment-sweeps.server";
import { releaseUnpaidSignups } from "~/domain/money/signup-payments.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** Every minute: slots and sign-up places held for a payment that did not come are released (decisions 091, 096). */
export const releaseHoldsJob = defineJob({
  name: "payments-release-holds",
  cron: "* * * * *",
  queue: { policy: "singleton", retryLimit: 2, retryDelay: 30 },
  work: async () => {
    const released = await releaseExpiredHolds();
    if (released > 0) logInfo("Released slots that were not paid in time.", { bookings: released });
    const places = await releaseUnpaidSignups();
    if (places > 0) logInfo("Released places that were not paid in time.", { signups: places });
  },
});

/** Every five minutes: checkouts still open are checked at Stripe, in case a webhook was lost (decision 092). */
export const reconcileCheckoutsJob = defineJob({
  name: "payments-reconcile",
  cron: "*/5 * * * *",
  queue: { policy: "singleton", retryLimit: 2, retryDelay: 60 },
  work: async () => {
    const changed = await reconcileOpenCheckouts();
    if (changed > 0) logInfo("Reconciled checkouts with Stripe.", { checkouts: changed });
  },
});
