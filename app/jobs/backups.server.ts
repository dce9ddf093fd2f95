import { backupDatabase, backupFolder, pruneBackups } from "~/db/backups.server";
import { clock } from "~/lib/clock";
import { logInfo } from "~/lib/log.server";
import { defineJob } from "./registry.server";

/**
 * Every night with BACKUP_NIGHTLY=on: a backup of the whole database, then only the newest
 * BACKUP_KEEP are kept. A singleton queue with a cron schedule, like the other nightly jobs,
 * so several app instances make one backup.
 */
export const nightlyBackupJob = defineJob({
  name: "database-backup",
  cron: "40 1 * * *",
  queue: { policy: "singleton", retryLimit: 2, retryDelay: 600 },
  enabled: (env) => env.BACKUP_NIGHTLY === "on",
  work: async (_jobs, { env, databaseUrl }) => {
    const folder = backupFolder(env.BACKUP_DIR);
    const file = await backupDatabase(databaseUrl, folder, clock.now());
    const removed = await pruneBackups(folder, env.BACKUP_KEEP);
    logInfo("Backed up the database.", { file, removed: removed.length, kept: env.BACKUP_KEEP });
  },
});
