import type { DayPart } from "~/generated/prisma/enums";
import { daySegments } from "../centre/opening-hours";
import { toWallClock } from "../time/time-zone";

/**
 * The price of a booking (pure, deterministic, integer cents).
 *
 * Per date ("line"):
 * - billable minutes = the booked time, at least the rate's minimum;
 * - hourly price = billable minutes × hourly rate, rounded to a cent once;
 * - if the rate has a price for every day part (dagdeel) the date touches, the sum of those
 *   day-part prices is the alternative; the hirer pays whichever is lower;
 * - free hours per month (resident initiatives) are taken first from the month's free hours
 *   not used yet, valued at the hourly rate, never below zero;
 * - VAT on the line: basis points of the tier, rounded once; null = exempt (vrijgesteld).
 * Totals are sums of lines. See docs/decisions/010-pricing.md.
 */

export interface RateForQuote {
  id: string | null;
  hourlyCents: number;
  minimumMinutes: number;
  freeHoursPerMonth: number;
  dayParts: { dayPart: DayPart; priceCents: number }[];
}

export interface DayPartWindowForQuote {
  dayPart: DayPart;
  startMinute: number;
  endMinute: number;
}

interface DateForQuote {
  localStart: string;
  startsAt: Date;
  endsAt: Date;
}

export interface QuoteInput {
  rate: RateForQuote;
  dayPartWindows: DayPartWindowForQuote[];
  /** VAT in basis points; null = exempt */
  vatBp: number | null;
  timeZone: string;
  dates: DateForQuote[];
  /** free minutes the organisation used already, per local month "YYYY-MM" */
  freeMinutesUsed?: Record<string, number>;
}

export interface QuoteLine {
  localStart: string;
  minutes: number;
  billableMinutes: number;
  freeMinutes: number;
  basis: "hourly" | "day-parts";
  dayParts: DayPart[];
  exclCents: number;
  vatCents: number;
  inclCents: number;
}

export interface Quote {
  rateId: string | null;
  vatBp: number | null;
  hourlyCents: number;
  lines: QuoteLine[];
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
  freeMinutes: number;
}

/** VAT of an amount excl. VAT, rounded half up to a cent. */
export function vatOf(exclCents: number, vatBp: number | null): number {
  return vatBp === null ? 0 : Math.round((exclCents * vatBp) / 10_000);
}

/** The day parts a wall-clock interval touches (per day it spans), in order. */
export function dayPartsTouched(windows: DayPartWindowForQuote[], startWall: Date, endWall: Date): DayPart[] {
  const touched: DayPart[] = [];
  for (const segment of daySegments(startWall, endWall)) {
    for (const window of [...windows].sort((a, b) => a.startMinute - b.startMinute)) {
      if (segment.from < window.endMinute && window.startMinute < segment.to) touched.push(window.dayPart);
    }
  }
  return touched;
}

export function quote(input: QuoteInput): Quote {
  const { rate } = input;
  const freeUsed = { ...(input.freeMinutesUsed ?? {}) };
  const freePerMonth = rate.freeHoursPerMonth * 60;
  const dayPartPrice = new Map(rate.dayParts.map((part) => [part.dayPart, part.priceCents]));
  const lines: QuoteLine[] = [];
  const sorted = [...input.dates].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const date of sorted) {
    const minutes = Math.round((date.endsAt.getTime() - date.startsAt.getTime()) / 60_000);
    const billableMinutes = Math.max(minutes, rate.minimumMinutes);
    const hourly = Math.round((billableMinutes * rate.hourlyCents) / 60);

    const startWall = toWallClock(date.startsAt, input.timeZone);
    const endWall = toWallClock(date.endsAt, input.timeZone);
    const parts = dayPartsTouched(input.dayPartWindows, startWall, endWall);
    const block =
      parts.length > 0 && parts.every((part) => dayPartPrice.has(part))
        ? parts.reduce((sum, part) => sum + dayPartPrice.get(part)!, 0)
        : null;
    const useBlock = block !== null && block < hourly;
    const base = useBlock ? block : hourly;

    const month = date.localStart.slice(0, 7);
    const freeLeft = Math.max(0, freePerMonth - (freeUsed[month] ?? 0));
    const freeMinutes = Math.min(freeLeft, billableMinutes);
    freeUsed[month] = (freeUsed[month] ?? 0) + freeMinutes;
    const discount = Math.min(base, Math.round((freeMinutes * rate.hourlyCents) / 60));

    const exclCents = base - discount;
    const vatCents = vatOf(exclCents, input.vatBp);
    lines.push({
      localStart: date.localStart,
      minutes,
      billableMinutes,
      freeMinutes,
      basis: useBlock ? "day-parts" : "hourly",
      dayParts: parts,
      exclCents,
      vatCents,
      inclCents: exclCents + vatCents,
    });
  }
  const totalExclCents = lines.reduce((sum, line) => sum + line.exclCents, 0);
  const totalVatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  return {
    rateId: rate.id,
    vatBp: input.vatBp,
    hourlyCents: rate.hourlyCents,
    lines,
    totalExclCents,
    totalVatCents,
    totalInclCents: totalExclCents + totalVatCents,
    freeMinutes: lines.reduce((sum, line) => sum + line.freeMinutes, 0),
  };
}
