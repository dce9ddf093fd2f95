import { emailDeliver, emailSweep } from "./email.server";
import { bookingNoticesJob, seriesRemindersJob } from "./notifications.server";
import { remindRequestsJob } from "./request-reminders.server";
import { sendRefundsJob } from "./refunds.server";
import { extendSeriesJob } from "./series.server";
import { personalDataCleanup } from "./personal-data.server";
import type { JobDefinition } from "./registry.server";

/** Every background job of the app, started by app/server/jobs.server.ts. */
export const JOBS: JobDefinition<never>[] = [
  emailSweep,
  emailDeliver,
  extendSeriesJob,
  remindRequestsJob,
  bookingNoticesJob,
  seriesRemindersJob,
  personalDataCleanup,
  sendRefundsJob,
] as JobDefinition<never>[];
