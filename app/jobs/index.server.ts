import { emailDeliver, emailSweep } from "./email.server";
import { personalDataCleanup } from "./personal-data.server";
import type { JobDefinition } from "./registry.server";

/** Every background job of the app, started by app/server/jobs.server.ts. */
export const JOBS: JobDefinition<never>[] = [emailSweep, emailDeliver, personalDataCleanup] as JobDefinition<never>[];
