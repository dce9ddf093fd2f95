import { spawn } from "node:child_process";
import { fromRoot } from "~/lib/project-root.server";

/** Runs a TypeScript entry with tsx, as npm scripts do; resolves with its exit code and output. */
export function runTs(
  file: string,
  args: string[],
  env: Record<string, string | undefined>,
  options: { until?: RegExp; timeoutMs?: number } = {},
): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  pid: number;
  /** everything written so far, also after the promise resolved (`stdout` is what was written until then) */
  output: () => string;
  kill: (signal: NodeJS.Signals) => void;
  exited: Promise<number | null>;
}> {
  return new Promise((resolve, reject) => {
    // One process (node with tsx's loader), so a signal reaches the program itself.
    const child = spawn(process.execPath, ["--import", "tsx", fromRoot(file), ...args], {
      cwd: fromRoot(),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
    const done = (code: number | null) =>
      resolve({
        code,
        stdout,
        stderr,
        pid: child.pid!,
        output: () => stdout,
        kill: (signal) => child.kill(signal),
        exited,
      });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${file} did not finish in time.\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (options.until?.test(stdout)) {
        clearTimeout(timer);
        done(null);
      }
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      done(code);
    });
    child.on("error", reject);
  });
}
