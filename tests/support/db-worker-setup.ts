import { afterAll, inject } from "vitest";
import { disconnectDatabase, connectDatabase } from "~/db/client.server";
import { withDatabase } from "~/db/embedded-postgres.server";
import { cloneTemplate } from "./test-server";

// One database per worker, cloned from the migrated template; test files in a worker share
// it and keep apart by creating their own centres.
const name = `bt_test_${inject("runId")}_w${process.env.VITEST_POOL_ID ?? "0"}`;
const url = await cloneTemplate(inject("serverUrl"), inject("templateDatabase"), name);
await connectDatabase(url);
process.env.TEST_DATABASE_URL = url;
process.env.TEST_SERVER_URL = withDatabase(url, "postgres");

afterAll(async () => {
  await disconnectDatabase();
});
