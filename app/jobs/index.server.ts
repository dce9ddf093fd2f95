import { nightlyBackupJob } from "./backups.server";
import { directDebitJob } from "./direct-debit.server";
import { emailDeliver, emailSweep } from "./email.server";
import { bookingNoticesJob, seriesRemindersJob } from "./notifications.server";
import { remindInvoicesJob } from "./invoice-reminders.server";
import { remindRequestsJob } from "./request-reminders.server";
import { sendRefundsJob } from "./refunds.server";
import { extendSeriesJob } from "./series.server";
import { personalDataCleanup } from "./personal-data.server";
import { reconcileCheckoutsJob, releaseHoldsJob } from "./payments.server";
import type { JobDefinition } from "./registry.server";

/** Every background job of the app, started by app/server/jobs.server.ts. */
export const JOBS: JobDefinition<never>[] = [
  emailSweep,
  emailDeliver,
  extendSeriesJob,
  remindRequestsJob,
  remindInvoicesJob,
  directDebitJob,
  bookingNoticesJob,
  seriesRemindersJob,
  personalDataCleanup,
  releaseHoldsJob,
  reconcileCheckoutsJob,
  sendRefundsJob,
  nightlyBackupJob,
] as JobDefinition<never>[];
