import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "~/env.server";
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedServer } from "~/db/embedded-postgres.server";
import { freePort } from "../support/test-server";
import { runTs } from "../support/processes";

const started: EmbeddedServer[] = [];
const folders: string[] = [];

async function tempDataDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "buurtrooster-pg-"));
  await fs.chmod(dir, 0o755);
  folders.push(dir);
  return path.join(dir, "postgres");
}

async function answers(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the server may be stopped by the test afterwards
  await client.connect();
  const { rows } = await client.query("SELECT 1 AS one");
  await client.end();
  return rows[0].one === 1;
}

afterEach(async () => {
  for (const server of started.splice(0)) await server.stop().catch(() => {});
  for (const dir of folders.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("starts on a fresh folder, survives a restart and keeps its data", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await new pg.Client({ connectionString: first.serverUrl }).connect().then(async (client) => {
      await client.query("CREATE TABLE kept (id int)");
      await client.end();
    });
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, port });
    started.push(second);
    const client = new pg.Client({ connectionString: second.serverUrl });
    await client.connect();
    const { rows } = await client.query("SELECT to_regclass('public.kept') AS kept");
    await client.end();
    expect(rows[0].kept).toBe("kept");
  }, 60_000);

  it("after the app is killed with SIGKILL, the next start cleans up the server left behind", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const child = await runTs("tests/support/start-embedded.ts", [dataDir, String(port)], {}, { until: /ready/ });
    child.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pidFile = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8");
    const orphan = Number(pidFile.split("\n")[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow(); // still running without its parent

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, port, log: (line) => lines.push(line) });
    started.push(server);
    expect(lines.join("\n")).toMatch(/left behind by a stopped process/);
    expect(server.shared).toBe(false);
    expect(await answers(server.serverUrl)).toBe(true);
    expect(() => process.kill(orphan, 0)).toThrow();
  }, 60_000);

  it("a second process shares the server of a live first one instead of starting another", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const child = await runTs("tests/support/start-embedded.ts", [dataDir, String(port)], {}, { until: /ready/ });
    try {
      const shared = await startEmbeddedPostgres({ dataDir, port });
      expect(shared.shared).toBe(true);
      expect(await answers(shared.serverUrl)).toBe(true);
      await shared.stop(); // leaves the owner's server running
      expect(await answers(shared.serverUrl)).toBe(true);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  }, 60_000);

  it("a port that is taken gives one plain sentence", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const error = await startEmbeddedPostgres({ dataDir: await tempDataDir(), port }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(
        `Port ${port} is already in use by another program; set EMBEDDED_DB_PORT to a free port.`,
      );
    } finally {
      blocker.close();
    }
  }, 60_000);
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms = 10_000) {
  for (let waited = 0; waited < ms && !condition(); waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("a test run leaves no PostgreSQL behind", () => {
  /** What a global setup of a test run started (see tests/support/open-test-server.ts). */
  const openLikeATestRun = async (dataDir: string, args: string[] = []) => {
    const child = await runTs(
      "tests/support/open-test-server.ts",
      args,
      { DATABASE_URL: undefined, EMBEDDED_DB_PORT: undefined, EMBEDDED_DB_DIR: dataDir },
      { until: /ready/ },
    );
    const [, serverUrl, pid] = /ready (\S+) (\d+)/.exec(child.stdout)!;
    return { child, port: Number(new URL(serverUrl!).port), postmasterPid: Number(pid) };
  };

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`starts on a free port of its own and stops its server on ${signal}`, async () => {
      const { child, port, postmasterPid } = await openLikeATestRun(await tempDataDir());
      expect(port).not.toBe(54329);
      expect(await answers(embeddedUrl(port, "postgres"))).toBe(true);
      child.kill(signal);
      await child.exited;
      await until(() => !isAlive(postmasterPid));
      expect(isAlive(postmasterPid)).toBe(false);
    }, 60_000);
  }

  it("stops its server when its global setup fails", async () => {
    const run = await openLikeATestRun(await tempDataDir(), ["fail"]);
    expect(await run.child.exited).toBe(1);
    expect(isAlive(run.postmasterPid)).toBe(false);
  }, 60_000);

  it("a server that a killed run left on a port is named, with what to do, when another folder wants that port", async () => {
    const leftBehindDir = await tempDataDir();
    const port = await freePort();
    const child = await runTs("tests/support/start-embedded.ts", [leftBehindDir, String(port)], {}, { until: /ready/ });
    const orphan = Number((await fs.readFile(path.join(leftBehindDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    child.kill("SIGKILL");
    await child.exited;
    try {
      const error = await startEmbeddedPostgres({ dataDir: await tempDataDir(), port }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(
        `Port ${port} is held by an embedded database that a stopped process left running (PostgreSQL process ${orphan}, data folder ${leftBehindDir}); stop it with "kill ${orphan}" or set EMBEDDED_DB_PORT to a free port.`,
      );
    } finally {
      process.kill(orphan, "SIGINT");
      await until(() => !isAlive(orphan));
    }
  }, 60_000);

  it("a port used by the embedded server of a running instance is named as such", async () => {
    const ownerDir = await tempDataDir();
    const port = await freePort();
    const owner = await runTs("tests/support/start-embedded.ts", [ownerDir, String(port)], {}, { until: /ready/ });
    try {
      const error = await startEmbeddedPostgres({ dataDir: await tempDataDir(), port }).catch(
        (caught: unknown) => caught,
      );
      expect((error as Error).message).toBe(
        `Port ${port} is used by the embedded database of another running Buurtrooster (process ${owner.pid}, data folder ${ownerDir}); stop that one or set EMBEDDED_DB_PORT to a free port.`,
      );
    } finally {
      owner.kill("SIGTERM");
      await owner.exited;
    }
  }, 60_000);
});
