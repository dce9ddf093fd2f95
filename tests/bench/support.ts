import { performance } from "node:perf_hooks";
import { connectDatabase } from "~/db/client.server";
import { openDatabase } from "~/db/database.server";
import { withDatabase } from "~/db/embedded-postgres.server";
import { applyMigrations } from "~/db/migrations.server";
import { parseEnv } from "~/env.server";
import { query } from "../support/test-server";

export interface BenchContext {
  /** admin URL of the server the benchmarks run on */
  serverUrl: string;
  /** a fresh, migrated database for one benchmark (dropped on close) */
  freshDatabase(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The same server as the app (DATABASE_URL or embedded); benchmarks get their own databases. */
export async function openBenchDatabase(): Promise<BenchContext> {
  const handle = await openDatabase(parseEnv(process.env), () => {});
  const serverUrl = withDatabase(handle.url, "postgres");
  const made: string[] = [];
  return {
    serverUrl,
    async freshDatabase(name) {
      const database = `bench_${name}_${process.pid}`;
      await query(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await query(serverUrl, `CREATE DATABASE ${database}`);
      made.push(database);
      const url = withDatabase(serverUrl, database);
      await applyMigrations(url);
      await connectDatabase(url);
      return url;
    },
    async close() {
      for (const database of made) await query(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await handle.close();
    },
  };
}

export interface Timing {
  label: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/** Runs `work` `runs` times (after `warmup` unmeasured runs); median and 95th percentile. */
export async function measure(
  label: string,
  work: (run: number) => Promise<unknown> | unknown,
  options: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  const runs = options.runs ?? 30;
  for (let run = 0; run < (options.warmup ?? 3); run++) await work(-1 - run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { label, runs, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function printTimings(timings: Timing[]): void {
  const width = Math.max(...timings.map((timing) => timing.label.length));
  for (const timing of timings) {
    process.stdout.write(
      `${timing.label.padEnd(width)}  median ${timing.medianMs.toFixed(2).padStart(9)} ms   p95 ${timing.p95Ms.toFixed(2).padStart(9)} ms   (${timing.runs} runs)\n`,
    );
  }
}
