import { extendOpenSeries } from "~/domain/bookings/series-extension.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** Every night: materialise the dates of open series that came within their horizon. */
export const extendSeriesJob = defineJob({
  name: "series-extend",
  cron: "15 2 * * *",
  queue: { policy: "singleton", retryLimit: 3, retryDelay: 300 },
  work: async () => {
    const result = await extendOpenSeries();
    logInfo("Extended open series.", result);
  },
});
