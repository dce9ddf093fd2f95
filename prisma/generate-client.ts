import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * `prisma generate`, runnable on machines that cannot download Prisma's native schema engine.
 * Generation itself runs on WebAssembly; the CLI only insists on having an engine binary
 * around, so we name an executable that exists (node) unless one is configured.
 */
const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
