import fs from "node:fs/promises";
import path from "node:path";
import { existsSync } from "node:fs";
import { backupDatabase, backupFolder, newestBackup, restoreDatabase } from "~/db/backups.server";
import { disconnectDatabase, connectDatabase } from "~/db/client.server";
import { openDatabase, type DatabaseHandle } from "~/db/database.server";
import { withDatabase } from "~/db/embedded-postgres.server";
import { MIGRATIONS_DIR, applyMigrations, dropEverything } from "~/db/migrations.server";
import { reportStartUpFailure } from "~/db/start-up-failures.server";
import { withStartUpLock } from "~/db/start-up-lock.server";
import { ConfigError, env as readEnv } from "~/env.server";
import { demoState, loadDemo, loadDemoIfEmpty } from "./demo";
import { diffMigrationsToSchema, isEmptyDiff } from "./tools/schema-engine";
import { clock, setClock } from "~/lib/clock";

/**
 * Database commands (npm run db:<command>). They work on the same database as `npm start`:
 * DATABASE_URL when set, otherwise the embedded server; under the same start-up lock, so they
 * never run while an instance migrates or loads the demo.
 *
 *   migrate               apply the migrations that have not been applied yet
 *   reset                 drop everything, migrate, load the demo (never in production)
 *   seed                  load the demo into an empty database
 *   new-migration <name>  write the SQL that brings the migrations up to schema.prisma
 *   backup                write a backup (pg_dump, custom format) into BACKUP_DIR (default backups/)
 *   restore [file]        replace the data by a backup, the newest unless a file is named;
 *                         in production only with --confirm
 */

const say = (line: string) => process.stdout.write(`${line}\n`);

const commands: Record<string, (database: DatabaseHandle, args: string[]) => Promise<void>> = {
  async migrate(database) {
    const applied = await withStartUpLock(database.url, () => applyMigrations(database.url, { log: say }), {
      log: say,
    });
    say(applied.length === 0 ? "The database is up to date." : `Applied ${applied.length} migration(s).`);
  },

  async reset(database) {
    if (readEnv().production) throw new ConfigError("db:reset is refused in production.");
    await withStartUpLock(
      database.url,
      async () => {
        await dropEverything(database.url);
        await applyMigrations(database.url, { log: say });
        await connectDatabase(database.url);
        await loadDemo(clock.now());
      },
      { log: say },
    );
    say("The database was emptied, migrated and filled with the demo.");
  },

  async seed(database) {
    await withStartUpLock(
      database.url,
      async () => {
        await applyMigrations(database.url, { log: say });
        await connectDatabase(database.url);
        if ((await demoState()) === "other-data") {
          say("The database already holds data; the demo is only loaded into an empty database (use db:reset).");
          return;
        }
        await loadDemoIfEmpty({ log: say });
      },
      { log: say },
    );
  },

  async backup(database) {
    const env = readEnv();
    const file = await withStartUpLock(
      database.url,
      () => backupDatabase(database.url, backupFolder(env.BACKUP_DIR), clock.now()),
      { log: say },
    );
    say(`Wrote the backup ${shown(file)}.`);
  },

  async restore(database, args) {
    const env = readEnv();
    const confirmed = args.includes("--confirm");
    const named = args.find((arg) => !arg.startsWith("--"));
    const folder = backupFolder(env.BACKUP_DIR);
    const file = named ? backupFile(named, folder) : await newestBackup(folder);
    if (!file) throw new ConfigError(`There is no backup in ${folder}; name a file: npm run db:restore -- <file>.`);
    if (env.production && !confirmed) {
      throw new ConfigError(
        `Restoring replaces all data in the production database by ${path.basename(file)}; stop the app, then run npm run db:restore -- ${named ?? path.basename(file)} --confirm.`,
      );
    }
    await withStartUpLock(database.url, () => restoreDatabase(database.url, file), { log: say });
    say(`Restored ${shown(file)}. Start the app: it applies any migrations newer than the backup.`);
  },

  async "new-migration"(database, args) {
    const name = (args[0] ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "");
    if (!name) throw new ConfigError("Give the migration a name: npm run db:migration:new -- add_room_colour");
    const serverUrl = withDatabase(database.url, "postgres");
    const sql = await diffMigrationsToSchema(serverUrl);
    if (isEmptyDiff(sql)) {
      say("schema.prisma and the migrations already agree; no migration written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, "migration.sql"), sql);
    say(
      `Wrote ${path.relative(process.cwd(), folder)}/migration.sql. Read it, add hand-written SQL if needed, then run npm run db:migrate.`,
    );
  },
};

/** A path as short as it can be said: relative inside the current folder, absolute elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** A named backup: a path, or the name of a file in the backup folder. */
function backupFile(named: string, folder: string): string {
  const inFolder = path.join(folder, named);
  return !existsSync(path.resolve(named)) && existsSync(inFolder) ? inFolder : path.resolve(named);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) {
    process.stderr.write(`Unknown command "${command ?? ""}"; use one of: ${Object.keys(commands).join(", ")}.\n`);
    process.exit(2);
  }
  let database: DatabaseHandle | undefined;
  let code = 0;
  try {
    const env = readEnv();
    // the demo is planned for the app's "now": CLOCK_START=2027-12-24T17:00:00Z npm run db:reset
    if (env.CLOCK_START) setClock(env.CLOCK_START);
    database = await openDatabase(env, say);
    await run(database, args);
  } catch (error) {
    code = 1;
    reportStartUpFailure(error, `db:${command} failed`);
  } finally {
    await disconnectDatabase().catch(() => {});
    await database?.close().catch(() => {});
  }
  process.exit(code);
}

void main();
