import { logError } from "./log.server";

/**
 * Work that runs after the answer has gone out, in this process: sending a sign-in link, for
 * one, so that /login answers in the same time whether the address has an account or not. A
 * failure is logged; nothing is retried (the person asks again). Lost if the process stops
 * in the milliseconds between the answer and the work, which is acceptable for such work and
 * nothing else should go here.
 */

const KEY = Symbol.for("buurtrooster.background");
// on globalThis: the server entry and the Remix build each load their own copy of this module
const pending: Set<Promise<void>> = ((globalThis as Record<symbol, Set<Promise<void>>>)[KEY] ??= new Set());

export function runInBackground(name: string, work: () => Promise<unknown>): void {
  const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => logError(error, { background: name }),
    )
    .finally(() => pending.delete(running));
  pending.add(running);
}

/** Waits until the work started so far has finished (tests, and a graceful stop). */
export async function settleBackgroundWork(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
