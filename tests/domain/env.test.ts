import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, PUBLISHED_SECRETS, parseEnv } from "~/env.server";

describe("environment", () => {
  it("development works with nothing set: embedded database, port 3000, dev tools on", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_DB_PORT).toBe(54329);
    expect(env.devTools).toBe(true);
    expect(env.demoData).toBe(true);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("backups: no nightly backup unless asked, 14 kept, and a count below one is refused in one sentence", () => {
    expect(parseEnv({})).toMatchObject({ BACKUP_NIGHTLY: "off", BACKUP_KEEP: 14 });
    expect(parseEnv({}).BACKUP_DIR).toBeUndefined();
    expect(parseEnv({ BACKUP_NIGHTLY: "on", BACKUP_KEEP: "3" })).toMatchObject({
      BACKUP_NIGHTLY: "on",
      BACKUP_KEEP: 3,
    });
    expect(() => parseEnv({ BACKUP_KEEP: "0" })).toThrowError(
      new ConfigError("Configuration error: BACKUP_KEEP must be a whole number of at least 1 (BACKUP_KEEP)."),
    );
    expect(() => parseEnv({ BACKUP_NIGHTLY: "1" })).toThrow(ConfigError);
  });

  it("production refuses to start without a session secret, in one sentence", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      new ConfigError(
        "Configuration error: SESSION_SECRET must be set to a long random value in production (SESSION_SECRET).",
      ),
    );
  });

  it("production refuses the development secret that was once published in the code", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: PUBLISHED_SECRETS[0] })).toThrow(ConfigError);
  });

  it("outside production no secret is made up from the code: without SESSION_SECRET there is none in the environment", () => {
    expect(parseEnv({}).SESSION_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).SESSION_SECRET).toBeUndefined();
  });

  it("production with a real secret turns the demo shortcuts off", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(env.devTools).toBe(false);
    expect(env.demoData).toBe(false);
    expect(env.HOST).toBe("0.0.0.0");
  });

  it("HTTP workers: one per core in production, one elsewhere, and a count of none is refused in one sentence", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ NODE_ENV: "test" }).WEB_CONCURRENCY).toBe(1);
    const production = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) };
    expect(parseEnv(production).WEB_CONCURRENCY).toBe(availableParallelism());
    expect(parseEnv({ ...production, WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
    expect(() => parseEnv({ WEB_CONCURRENCY: "0" })).toThrowError(
      new ConfigError(
        "Configuration error: WEB_CONCURRENCY must be a whole number between 1 and 64 (WEB_CONCURRENCY).",
      ),
    );
    expect(() => parseEnv({ WEB_CONCURRENCY: "two" })).toThrow(ConfigError);
  });

  it("a port that is not a number is named in the error", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrowError(/PORT must be a number between 1 and 65535 \(PORT\)\./);
    expect(() => parseEnv({ EMBEDDED_DB_PORT: "70000" })).toThrowError(/EMBEDDED_DB_PORT must be between 1 and 65535/);
  });

  it("a database address that is not PostgreSQL is refused", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrowError(
      /DATABASE_URL must start with postgres/,
    );
  });

  it("empty variables count as not set", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });
});
