import { tz } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";

/**
 * The cancellation policy (pure). See docs/decisions/075-cancellation-fee-in-calendar-days.md.
 *
 * - Notice is counted in calendar days in the centre's zone: from today's local date to the
 *   date's local date. 14 days before is the whole local day 14 days earlier, at any hour, and a
 *   clock change in between does not make it 13. On the day itself the notice is 0 days; a date
 *   that has started counts as 0 days too (there is no later than on the day).
 * - Cancelling with at least `minDaysBefore` days' notice costs `feeBp` of the date's price
 *   (incl. VAT): the step with the largest minDaysBefore the notice reaches applies. Notice
 *   shorter than every step gets the step with the smallest minDaysBefore (the strictest one
 *   the centre set): less notice never costs less.
 * - Without any steps cancelling is always free, as the settings page says.
 */

export interface CancellationStep {
  minDaysBefore: number;
  feeBp: number;
}

export interface CancellationOutcome {
  /** calendar days of notice in the centre's zone (0 on the day itself and after the start) */
  daysBefore: number;
  feeBp: number;
  feeCents: number;
}

/** The fee for cancelling the date that starts at `startsAt` at the moment `now`, in `timeZone`. */
export function cancellationOutcome(
  steps: CancellationStep[],
  startsAt: Date,
  priceInclCents: number,
  now: Date,
  timeZone: string,
): CancellationOutcome {
  const daysBefore = startsAt <= now ? 0 : Math.max(0, differenceInCalendarDays(startsAt, now, { in: tz(timeZone) }));
  const byNotice = [...steps].sort((a, b) => b.minDaysBefore - a.minDaysBefore);
  const step = byNotice.find((candidate) => daysBefore >= candidate.minDaysBefore) ?? byNotice.at(-1);
  const feeBp = step?.feeBp ?? 0;
  return { daysBefore, feeBp, feeCents: Math.round((priceInclCents * feeBp) / 10_000) };
}

/** The outcome for several dates at once (cancelling the rest of a series, or all of it). */
export function cancellationOutcomes(
  steps: CancellationStep[],
  dates: { id: string; startsAt: Date; priceInclCents: number }[],
  now: Date,
  timeZone: string,
): { dates: (CancellationOutcome & { id: string })[]; totalFeeCents: number } {
  const outcomes = dates.map((date) => ({
    id: date.id,
    ...cancellationOutcome(steps, date.startsAt, date.priceInclCents, now, timeZone),
  }));
  return { dates: outcomes, totalFeeCents: outcomes.reduce((sum, outcome) => sum + outcome.feeCents, 0) };
}
