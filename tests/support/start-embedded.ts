// Starts an embedded server for tests/db/embedded-postgres.test.ts and waits to be killed.
import { startEmbeddedPostgres } from "~/db/embedded-postgres.server";

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port) });
process.stdout.write(`ready ${server.serverUrl}\n`);
setInterval(() => {}, 1 << 30);
