/**
 * The one clock of the product: every "what time is it now" in the domain, the jobs and the
 * demo reads `clock.now()`, never `new Date()`. Tests set it (`setClock`); the app can be
 * started at another moment with CLOCK_START (development and tests only), and runs on from
 * there. Elapsed-time measurements (timings, timeouts, log stamps) keep the machine's clock.
 *
 * The state lives on globalThis because the server entry and the Remix build each load their
 * own copy of this module (see app/db/client.server.ts).
 */

interface ClockState {
  /** milliseconds added to the machine's clock */
  offsetMs: number;
  /** a stopped clock: always this instant */
  frozenAt?: number;
}

const KEY = Symbol.for("buurtrooster.clock");
const state: ClockState = ((globalThis as Record<symbol, ClockState>)[KEY] ??= { offsetMs: 0 });

export const clock = {
  /** The current instant. */
  now(): Date {
    return new Date(state.frozenAt ?? Date.now() + state.offsetMs);
  },
};

/**
 * Moves the clock to `at`. It runs on from there, unless `frozen`, when every reading gives
 * `at` until the clock is set again.
 */
export function setClock(at: Date, options: { frozen?: boolean } = {}): void {
  if (Number.isNaN(at.getTime())) throw new Error("setClock needs a valid instant");
  state.frozenAt = options.frozen ? at.getTime() : undefined;
  state.offsetMs = options.frozen ? 0 : at.getTime() - Date.now();
}
