import { afterAll, inject } from "vitest";
import { disconnectDatabase, connectDatabase } from "~/db/client.server";
import { withDatabase } from "~/db/embedded-postgres.server";
import { logger } from "~/lib/log.server";
import { cloneTemplate } from "./test-server";

// One database per worker, cloned from the migrated template; test files in a worker share
// it and keep apart by creating their own centres.
const name = `bt_test_${inject("runId")}_w${process.env.VITEST_POOL_ID ?? "0"}`;
const url = await cloneTemplate(inject("serverUrl"), inject("templateDatabase"), name);
await connectDatabase(url);
process.env.TEST_DATABASE_URL = url;
process.env.TEST_SERVER_URL = withDatabase(url, "postgres");

// The apps these tests serve in-process log every request; only warnings and errors are shown
// (tests about logging raise the level for themselves).
logger.level = process.env.LOG_LEVEL ?? "warn";

afterAll(async () => {
  await disconnectDatabase();
});
