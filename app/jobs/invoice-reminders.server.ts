import { remindOverdueInvoices } from "~/domain/money/invoice-reminders.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** Every morning: remind customers of invoices past their due date (at most once a week each). */
export const remindInvoicesJob = defineJob({
  name: "invoices-remind",
  cron: "30 7 * * *",
  queue: { policy: "singleton", retryLimit: 2, retryDelay: 600 },
  work: async () => {
    const reminded = await remindOverdueInvoices();
    if (reminded > 0) logInfo("Reminded customers of overdue invoices.", { invoices: reminded });
  },
});
