import { anonymiseExpiredPersonalData } from "~/domain/residents/personal-data.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";
import { clock } from "~/lib/clock";

/** Every night: residents' details are removed the centre's retention period after each date. */
export const personalDataCleanup = defineJob({
  name: "personal-data-cleanup",
  cron: "17 3 * * *",
  queue: { policy: "singleton" },
  work: async () => {
    const removed = await anonymiseExpiredPersonalData(clock.now());
    if (removed.signups + removed.requests + removed.emails > 0) logInfo("Removed residents' personal data", removed);
  },
});
