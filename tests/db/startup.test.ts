import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { withDatabase } from "~/db/embedded-postgres.server";
import { readMigrations } from "~/db/migrations.server";
import { describeStartUpFailure } from "~/db/start-up-failures.server";
import { DEMO_ACCOUNTS } from "../../prisma/demo";
import { runTs } from "../support/processes";
import { TEST_NOW } from "../support/test-clock";
import { databaseName, freePort, query } from "../support/test-server";

/** `npm start` with bad configuration stops with one sentence, not a stack trace. */
async function start(env: Record<string, string | undefined>) {
  const result = await runTs("app/server/start.ts", [], { DEMO_DATA: "off", ...env }, { timeoutMs: 60_000 });
  return { code: result.code, errorLines: result.stderr.trim().split("\n").filter(Boolean) };
}

describe("start-up with bad configuration", () => {
  it("an unreachable DATABASE_URL", async () => {
    const result = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nope" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      "Cannot reach the database at 127.0.0.1:1/nope (DATABASE_URL): nothing answers on that port.",
    ]);
  });

  it("a port that is not a number", async () => {
    const result = await start({ PORT: "abc" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual(["Configuration error: PORT must be a number between 1 and 65535 (PORT)."]);
  });

  it("production without a session secret", async () => {
    const result = await start({ NODE_ENV: "production", SESSION_SECRET: "" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      "Configuration error: SESSION_SECRET must be set to a long random value in production (SESSION_SECRET).",
    ]);
  });

  it.each(["1", "2"])("an HTTP port that is taken, with %s HTTP workers", async (workers) => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const result = await start({
        DATABASE_URL: process.env.TEST_DATABASE_URL,
        PORT: String(port),
        HOST: "127.0.0.1",
        WEB_CONCURRENCY: workers,
      });
      expect(result.code).toBe(1);
      expect(result.errorLines).toEqual([
        `Port ${port} is already in use; stop the other program or set PORT to a free port.`,
      ]);
    } finally {
      blocker.close();
    }
  });
});

/** A fresh, empty database on the test server (no migrations); dropped by the caller. */
async function emptyDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = databaseName(`${suffix}_w${process.env.VITEST_POOL_ID}`);
  await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await query(inject("serverUrl"), `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(inject("serverUrl"), name),
    drop: () => query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => {}),
  };
}

describe("two instances starting at once", () => {
  it("on one empty database both come up, and the migrations and the demo run once", async () => {
    const database = await emptyDatabase("two");
    const ports = [await freePort(), await freePort()];
    const instances = await Promise.all(
      ports.map((port) =>
        runTs(
          "app/server/start.ts",
          [],
          {
            DATABASE_URL: database.url,
            PORT: String(port),
            HOST: "127.0.0.1",
            NODE_ENV: "test",
            DEMO_DATA: "on",
            SMTP_URL: "",
            CLOCK_START: TEST_NOW.toISOString(),
          },
          { until: /Buurtrooster is running on|could not start/, timeoutMs: 120_000 },
        ),
      ),
    );
    try {
      expect(instances.map((instance) => instance.stderr)).toEqual(["", ""]);
      for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const outputs = instances.map((instance) => instance.stdout);
      // exactly one of them migrated and loaded the demo; the other waited and found it done
      expect(outputs.filter((output) => output.includes("Loaded the demo centres")).length).toBe(1);
      expect(outputs.filter((output) => output.includes("Applied migration")).length).toBe(1);
      expect(outputs.every((output) => output.includes("sanne@yoga-met-sanne.example"))).toBe(true);

      const count = async (sql: string) => Number((await query(database.url, sql)).rows[0].count);
      expect(await count("SELECT count(*) FROM centres")).toBe(2);
      expect(await count("SELECT count(*) FROM users")).toBe(DEMO_ACCOUNTS.length);
      expect(await count("SELECT count(*) FROM audit_events WHERE entity_type = 'demo' AND action = 'loaded'")).toBe(1);
      expect(await count("SELECT count(*) FROM _prisma_migrations")).toBe((await readMigrations()).length);
    } finally {
      for (const instance of instances) instance.kill("SIGTERM");
      await Promise.all(instances.map((instance) => instance.exited));
      await database.drop();
    }
  }, 180_000);
});

describe("start-up failures are one sentence, without a stack trace", () => {
  const scratch = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "buurtrooster-start-"));
    await fs.chmod(dir, 0o755); // reachable by the postgres user, as a checkout normally is
    return dir;
  };
  const embeddedStart = async (dataDir: string) =>
    start({ DATABASE_URL: undefined, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(await freePort()) });
  const advice =
    "set EMBEDDED_DB_DIR to a folder this user can write to, or set DATABASE_URL to use another PostgreSQL.";

  it("a file where the data folder should be", async () => {
    const dir = await scratch();
    await fs.writeFile(path.join(dir, "data"), "not a folder");
    const result = await embeddedStart(path.join(dir, "data", "postgres"));
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      `The embedded database cannot use the data folder ${dir}/data/postgres: a file stands where a folder should be (${dir}/data); ${advice}`,
    ]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("a data folder that cannot be made, even by root (under /proc)", async () => {
    const result = await embeddedStart("/proc/buurtrooster/postgres");
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      `The embedded database cannot use the data folder /proc/buurtrooster/postgres: that folder cannot be made (/proc/buurtrooster); ${advice}`,
    ]);
  });

  // Root writes anywhere chmod allows nothing; an immutable folder (chattr +i) refuses even root.
  const asRoot = process.getuid?.() === 0;
  const canLock = !asRoot || spawnSync("chattr", []).error === undefined;
  it.skipIf(!canLock)("a data folder this user may not write to", async () => {
    const dir = await scratch();
    const locked = path.join(dir, "locked");
    await fs.mkdir(locked);
    const lock = (on: boolean) =>
      asRoot ? spawnSync("chattr", [on ? "+i" : "-i", locked]) : spawnSync("chmod", [on ? "0555" : "0755", locked]);
    expect(lock(true).status).toBe(0);
    try {
      const result = await embeddedStart(path.join(locked, "postgres"));
      expect(result.code).toBe(1);
      expect(result.errorLines).toEqual([
        `The embedded database cannot use the data folder ${locked}/postgres: this user may not write there (${locked}/postgres.lock); ${advice}`,
      ]);
    } finally {
      lock(false);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("a demo that an earlier version left half loaded", async () => {
    const database = await emptyDatabase("half");
    try {
      await runTs("prisma/db.ts", ["migrate"], { DATABASE_URL: database.url });
      await query(
        database.url,
        "INSERT INTO users (id, email, name) VALUES (gen_random_uuid(), 'voorzitter@de-wilg.example', 'Ahmed El Amrani')",
      );
      const result = await start({ DATABASE_URL: database.url, DEMO_DATA: "on" });
      expect(result.code).toBe(1);
      expect(result.errorLines).toEqual([
        "This database holds a demo that was only partly loaded by an earlier start; run npm run db:reset to empty it and load the demo again.",
      ]);
    } finally {
      await database.drop();
    }
  });

  it("a database that refuses a step", async () => {
    const database = await emptyDatabase("broken");
    try {
      await runTs("prisma/db.ts", ["migrate"], { DATABASE_URL: database.url });
      await query(database.url, "DROP TABLE audit_events");
      const result = await start({ DATABASE_URL: database.url, DEMO_DATA: "on" });
      expect(result.code).toBe(1);
      expect(result.errorLines).toEqual([
        "Buurtrooster could not start: the database refused a step (SQLSTATE 42P01: The table `public.audit_events` does not exist in the current database); for a development database, npm run db:reset starts afresh.",
      ]);
    } finally {
      await database.drop();
    }
  });

  it("an unforeseen error is named in one line; its stack only with LOG_LEVEL=debug", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    const failure = describeStartUpFailure(error);
    expect(failure.sentence).toBe(
      "Buurtrooster could not start: TypeError: Cannot read properties of undefined (reading 'id') (LOG_LEVEL=debug shows where it happened).",
    );
    expect(failure.detail).toContain("startup.test.ts");
  });
});
