import { remindOverdueRequests } from "~/domain/bookings/requests.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/** Every morning: remind managers of requests that wait longer than their centre allows. */
export const remindRequestsJob = defineJob({
  name: "requests-remind",
  cron: "0 7 * * *",
  queue: { policy: "singleton", retryLimit: 2, retryDelay: 600 },
  work: async () => {
    const reminded = await remindOverdueRequests();
    if (reminded > 0) logInfo("Reminded managers of waiting requests.", { requests: reminded });
  },
});
