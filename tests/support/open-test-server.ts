// A test run's global setup in miniature, for tests/db/embedded-postgres.test.ts: it opens the
// run's server the way the global setups do and says where; with "fail" its setup then fails.
import fs from "node:fs/promises";
import path from "node:path";
import { openTestServer, setUpOn } from "./test-server";

const server = await openTestServer();
const postmasterPid = (await fs.readFile(path.join(server.embedded!.dataDir, "postmaster.pid"), "utf8")).split("\n")[0];
process.stdout.write(`ready ${server.serverUrl} ${postmasterPid}\n`);
if (process.argv[2] === "fail") {
  await setUpOn(server, async () => {
    throw new Error("the global setup failed");
  });
}
setInterval(() => {}, 1 << 30);
