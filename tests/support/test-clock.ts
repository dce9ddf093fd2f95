import { setClock } from "~/lib/clock";

/**
 * The moment every test run starts at, so no test depends on the real date: an ordinary
 * Wednesday morning unless TEST_NOW says otherwise (e.g. TEST_NOW=2027-12-24T17:00:00Z npm test
 * runs the whole suite on Christmas Eve). The clock runs on from there.
 */
export const TEST_NOW = new Date(process.env.TEST_NOW ?? "2027-03-10T08:30:00Z");
if (Number.isNaN(TEST_NOW.getTime())) throw new Error(`TEST_NOW is not an instant: ${process.env.TEST_NOW}`);

/** Sets this process's clock to the run's moment (a setup file of every test project). */
export function startTestClock(): void {
  setClock(TEST_NOW);
}
