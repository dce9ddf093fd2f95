/**
 * The cancellation policy (pure): cancelling at least `minDaysBefore` whole days before a date
 * costs `feeBp` of that date's price (incl. VAT). The step with the largest minDaysBefore that
 * the notice still reaches applies; exactly 14 days before counts as 14 days. A date without a
 * matching step (no steps at all) is free to cancel.
 */

export interface CancellationStep {
  minDaysBefore: number;
  feeBp: number;
}

export interface CancellationOutcome {
  /** whole days between now and the start (0 on the day itself, negative afterwards) */
  daysBefore: number;
  feeBp: number;
  feeCents: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function cancellationOutcome(steps: CancellationStep[], startsAt: Date, priceInclCents: number, now: Date): CancellationOutcome {
  const daysBefore = Math.floor((startsAt.getTime() - now.getTime()) / DAY_MS);
  const step = [...steps]
    .sort((a, b) => b.minDaysBefore - a.minDaysBefore)
    .find((candidate) => daysBefore >= candidate.minDaysBefore) ?? (daysBefore < 0 ? { minDaysBefore: 0, feeBp: 10_000 } : undefined);
  const feeBp = step?.feeBp ?? 0;
  return { daysBefore, feeBp, feeCents: Math.round((priceInclCents * feeBp) / 10_000) };
}

/** The outcome for several dates at once (cancelling the rest of a series, or all of it). */
export function cancellationOutcomes(
  steps: CancellationStep[],
  dates: { id: string; startsAt: Date; priceInclCents: number }[],
  now: Date,
): { dates: (CancellationOutcome & { id: string })[]; totalFeeCents: number } {
  const outcomes = dates.map((date) => ({ id: date.id, ...cancellationOutcome(steps, date.startsAt, date.priceInclCents, now) }));
  return { dates: outcomes, totalFeeCents: outcomes.reduce((sum, outcome) => sum + outcome.feeCents, 0) };
}
