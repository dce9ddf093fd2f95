import cluster, { type Worker } from "node:cluster";
import { logInfo, logWarn } from "~/lib/log.server";

/**
 * The primary's side of `npm start` with several HTTP workers (WEB_CONCURRENCY > 1): it forks
 * them, restarts one that dies, and stops them all. Each worker runs app/server/start.ts again
 * (node:cluster) and serves HTTP on the same port; see docs/decisions/120-one-worker-per-core.md.
 */

/** A worker could not start; it has said why itself (one sentence on stderr), so nothing is added. */
export class WorkerStartUpError extends Error {
  override name = "WorkerStartUpError";
}

export interface Workers {
  /** resolves when every worker listens; rejects when one of them could not start */
  ready: Promise<void>;
  /** SIGTERM to every worker (they finish their requests), SIGKILL after `STOP_WAIT_MS` */
  stop(): Promise<void>;
}

/** A worker that dies is restarted after a pause that doubles while workers keep dying soon after starting. */
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 60_000;
/** A worker that lived this long was healthy: the next pause starts again from the first. */
const HEALTHY_AFTER_MS = 60_000;
const STOP_WAIT_MS = 20_000;

export function startWorkers(count: number, env: Record<string, string>, say: (line: string) => void): Workers {
  const live = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let stopping = false;
  let pauseMs = FIRST_PAUSE_MS;

  /** Forks one worker; resolves when it listens, rejects when it exits first. */
  const fork = (restart: boolean) =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork(env);
      const pid = worker.process.pid;
      const forkedAt = Date.now();
      let listening = false;
      live.add(worker);
      worker.once("listening", () => {
        listening = true;
        if (restart) logInfo("An HTTP worker started again.", { worker: pid });
        else say(`HTTP worker ${pid} is listening.`);
        resolve();
      });
      worker.once("exit", (code, signal) => {
        live.delete(worker);
        if (stopping) return reject(new WorkerStartUpError("stopped while starting"));
        // At start-up a worker that cannot listen stops everything: the next would fail the same way.
        if (!listening && !restart) return reject(new WorkerStartUpError(`HTTP worker ${pid} could not start.`));
        if (Date.now() - forkedAt >= HEALTHY_AFTER_MS) pauseMs = FIRST_PAUSE_MS;
        logWarn("An HTTP worker stopped; another one starts after a pause.", {
          worker: pid,
          code,
          signal,
          pauseSeconds: pauseMs / 1000,
        });
        const timer = setTimeout(() => {
          restarts.delete(timer);
          // a restart that fails is logged by the worker and met by this handler again
          fork(true).catch(() => {});
        }, pauseMs);
        restarts.add(timer);
        pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
      });
    });

  // The first worker alone, so a problem every worker would meet (a port in use) is said once.
  const ready = fork(false)
    .then(() => Promise.all(Array.from({ length: count - 1 }, () => fork(false))))
    .then(() => {});

  const stop = async () => {
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    const exits = [...live].map((worker) => new Promise((resolve) => worker.once("exit", resolve)));
    for (const worker of live) worker.process.kill("SIGTERM");
    const late = setTimeout(() => {
      for (const worker of live) worker.process.kill("SIGKILL");
    }, STOP_WAIT_MS);
    await Promise.all(exits);
    clearTimeout(late);
  };

  return { ready, stop };
}
