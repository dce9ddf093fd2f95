import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests (see README): domain tests without a server, run once per time zone;
 * database tests against a real PostgreSQL (a database per worker, cloned from a migrated
 * template); browser journeys in Chromium against the built app over real HTTP.
 */
const domainUnder = (name: string, timeZone: string) => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/domain/**/*.test.ts"],
    setupFiles: ["tests/support/clock-setup.ts", "tests/support/catalogues-setup.ts"],
    env: { TZ: timeZone, EXPECTED_TZ: timeZone },
  },
});

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    pool: "forks",
    projects: [
      domainUnder("domain-utc", "UTC"),
      domainUnder("domain-amsterdam", "Europe/Amsterdam"),
      domainUnder("domain-los-angeles", "America/Los_Angeles"),
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          globalSetup: ["tests/support/db-global-setup.ts"],
          setupFiles: [
            "tests/support/clock-setup.ts",
            "tests/support/catalogues-setup.ts",
            "tests/support/db-worker-setup.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/support/browser-global-setup.ts"],
          setupFiles: ["tests/support/clock-setup.ts", "tests/support/catalogues-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
