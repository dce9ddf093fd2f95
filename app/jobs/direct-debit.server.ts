import { invoiceAndCollectLastMonth } from "~/domain/money/direct-debit.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** On the 1st of every month: last month's invoice for every organisation with a mandate, collected from it. */
export const directDebitJob = defineJob({
  name: "direct-debit-month",
  cron: "0 6 1 * *",
  queue: { policy: "singleton", retryLimit: 3, retryDelay: 900 },
  work: async () => {
    const collected = await invoiceAndCollectLastMonth();
    if (collected > 0) logInfo("Invoiced last month and started the direct debits.", { invoices: collected });
  },
});
