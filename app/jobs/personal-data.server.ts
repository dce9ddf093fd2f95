import { deleteEndedSessions } from "~/auth/session.server";
import { deleteExpiredRegistrations } from "~/domain/workspace/organisations.server";
import { anonymiseExpiredPersonalData } from "~/domain/residents/personal-data.server";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";
import { clock } from "~/lib/clock";

/** Every night: residents' details are removed the centre's retention period after each date; ended sessions and unconfirmed registrations go. */
export const personalDataCleanup = defineJob({
  name: "personal-data-cleanup",
  cron: "17 3 * * *",
  queue: { policy: "singleton" },
  work: async () => {
    const removed = await anonymiseExpiredPersonalData(clock.now());
    if (removed.signups + removed.requests + removed.emails > 0) logInfo("Removed residents' personal data", removed);
    const sessions = await deleteEndedSessions(clock.now());
    if (sessions > 0) logInfo("Removed ended sessions", { sessions });
    const registrations = await deleteExpiredRegistrations(clock.now());
    if (registrations > 0) logInfo("Removed unconfirmed registrations", { registrations });
  },
});
