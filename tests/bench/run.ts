/**
 * `npm run bench`: the speed figures the issues ask for, printed as tables. Each benchmark
 * lives in tests/bench/<name>.bench.ts and exports `run(context)`; pass names to run a subset
 * (npm run bench -- engine). Timings come from repeated runs: median and 95th percentile.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { disconnectDatabase } from "~/db/client.server";
import { fromRoot } from "~/lib/project-root.server";
import { openBenchDatabase, type BenchContext } from "./support";

async function main() {
  const only = process.argv.slice(2);
  const dir = fromRoot("tests", "bench");
  const files = (await readdir(dir)).filter((file) => file.endsWith(".bench.ts")).sort();
  const selected = files.filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)));
  const context: BenchContext = await openBenchDatabase();
  try {
    for (const file of selected) {
      const module = (await import(pathToFileURL(path.join(dir, file)).href)) as {
        run: (context: BenchContext) => Promise<void>;
      };
      process.stdout.write(`\n=== ${file.replace(".bench.ts", "")} ===\n`);
      await module.run(context);
    }
  } finally {
    await disconnectDatabase();
    await context.close();
  }
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
