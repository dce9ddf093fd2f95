import { dispatchBookingNotices, sendSeriesReminders } from "~/domain/bookings/notifications.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/**
 * Every minute: tell contacts about changes to their bookings that were not told yet (a page
 * tells them right away; this catches whatever a stopped process left behind).
 */
export const bookingNoticesJob = defineJob({
  name: "booking-notices",
  cron: "* * * * *",
  queue: { policy: "singleton", retryLimit: 3, retryDelay: 30 },
  work: async () => {
    const queued = await dispatchBookingNotices();
    if (queued > 0) logInfo("Queued booking change emails.", { queued });
  },
});

/** Every hour: remind contacts a few days before the first date of a series. */
export const seriesRemindersJob = defineJob({
  name: "series-reminders",
  cron: "7 * * * *",
  queue: { policy: "singleton", retryLimit: 3, retryDelay: 300 },
  work: async () => {
    const sent = await sendSeriesReminders();
    if (sent > 0) logInfo("Queued series reminders.", { sent });
  },
});
