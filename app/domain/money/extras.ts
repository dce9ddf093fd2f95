import type { ExtraUnit } from "~/generated/prisma/enums";
import { vatOf } from "./pricing";

/**
 * Extras on the bill (pure, integer cents): coffee and tea per person, a projector per
 * booking, the sound system per hour. See docs/decisions/093-extras-and-deposits.md.
 *
 * Per date that takes place, each chosen extra is one line:
 * - PER_BOOKING: the unit price once per date;
 * - PER_PERSON: the unit price × the booking's number of people, per date;
 * - PER_HOUR: the unit price × the date's minutes ÷ 60, rounded half up to a cent once.
 * VAT per line (9% or 21%), rounded half up once (as the room's price). A date that does not
 * take place has no lines and costs nothing. Totals are sums of lines.
 */

const EXTRA_VAT_RATES = [900, 2100] as const;
type ExtraVatBp = (typeof EXTRA_VAT_RATES)[number];

export function isExtraVatRate(vatBp: number): vatBp is ExtraVatBp {
  return (EXTRA_VAT_RATES as readonly number[]).includes(vatBp);
}

/** An extra as chosen, with its price for the booking's tier (excl. VAT, per unit). */
export interface PricedExtra {
  id: string;
  name: string;
  unit: ExtraUnit;
  /** 900 or 2100 */
  vatBp: number;
  unitPriceCents: number;
}

/** One extra on one date. */
export interface ExtraLine {
  extraId: string;
  name: string;
  unit: ExtraUnit;
  /** people for PER_PERSON, 1 otherwise */
  quantity: number;
  unitPriceCents: number;
  vatBp: number;
  exclCents: number;
  vatCents: number;
}

interface ExtrasDate {
  localStart: string;
  lines: ExtraLine[];
  exclCents: number;
  vatCents: number;
}

export interface ExtrasQuote {
  dates: ExtrasDate[];
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
  /** per VAT rate over all dates (for the review and the invoice) */
  vatByRate: { vatBp: number; exclCents: number; vatCents: number }[];
}

/** One extra's line for a date of `minutes` minutes with `people` people. */
export function extraLine(extra: PricedExtra, date: { minutes: number; people: number }): ExtraLine {
  const quantity = extra.unit === "PER_PERSON" ? date.people : 1;
  const exclCents =
    extra.unit === "PER_HOUR"
      ? Math.round((extra.unitPriceCents * date.minutes) / 60)
      : extra.unitPriceCents * quantity;
  return {
    extraId: extra.id,
    name: extra.name,
    unit: extra.unit,
    quantity,
    unitPriceCents: extra.unitPriceCents,
    vatBp: extra.vatBp,
    exclCents,
    vatCents: vatOf(exclCents, extra.vatBp),
  };
}

/**
 * The chosen extras priced for every date that takes place (`dates`: those only; a skipped,
 * blocked or cancelled date is left out by the caller and costs nothing).
 */
export function priceExtras(
  extras: PricedExtra[],
  input: { people: number; dates: { localStart: string; startsAt: Date; endsAt: Date }[] },
): ExtrasQuote {
  const dates = input.dates.map((date): ExtrasDate => {
    const minutes = Math.round((date.endsAt.getTime() - date.startsAt.getTime()) / 60_000);
    const lines = extras.map((extra) => extraLine(extra, { minutes, people: input.people }));
    return {
      localStart: date.localStart,
      lines,
      exclCents: lines.reduce((sum, line) => sum + line.exclCents, 0),
      vatCents: lines.reduce((sum, line) => sum + line.vatCents, 0),
    };
  });
  const rates = new Map<number, { vatBp: number; exclCents: number; vatCents: number }>();
  for (const line of dates.flatMap((date) => date.lines)) {
    const rate = rates.get(line.vatBp) ?? { vatBp: line.vatBp, exclCents: 0, vatCents: 0 };
    rate.exclCents += line.exclCents;
    rate.vatCents += line.vatCents;
    rates.set(line.vatBp, rate);
  }
  const totalExclCents = dates.reduce((sum, date) => sum + date.exclCents, 0);
  const totalVatCents = dates.reduce((sum, date) => sum + date.vatCents, 0);
  return {
    dates,
    totalExclCents,
    totalVatCents,
    totalInclCents: totalExclCents + totalVatCents,
    vatByRate: [...rates.values()].sort((a, b) => a.vatBp - b.vatBp),
  };
}

/**
 * The deposit (borg) of a booking: the highest deposit set for its tier on the space or any
 * room in it (a combination containing the large hall asks the hall's deposit). 0 = none.
 */
export function depositFor(deposits: { roomId: string; amountCents: number }[], roomIds: string[]): number {
  return deposits
    .filter((deposit) => roomIds.includes(deposit.roomId))
    .reduce((highest, deposit) => Math.max(highest, deposit.amountCents), 0);
}

/** An extra as kept on a booking: unit price, people (quantity) and VAT as when it was booked. */
export interface BookedExtra {
  id: string;
  name: string;
  unit: ExtraUnit;
  quantity: number;
  unitPriceCents: number;
  vatBp: number;
}

/** A booked extra's line on one date (per hour: that date's own length). */
export function bookedExtraLine(extra: BookedExtra, date: { startsAt: Date; endsAt: Date }): ExtraLine {
  const minutes = Math.round((date.endsAt.getTime() - date.startsAt.getTime()) / 60_000);
  return extraLine(extra, { minutes, people: extra.quantity });
}

/** Booked extras over the dates that take place now (after a date was cancelled or the series changed). */
export function priceBookedExtras(
  booked: BookedExtra[],
  dates: { startsAt: Date; endsAt: Date }[],
): { totalExclCents: number; totalVatCents: number } {
  const lines = dates.flatMap((date) => booked.map((extra) => bookedExtraLine(extra, date)));
  return {
    totalExclCents: lines.reduce((sum, line) => sum + line.exclCents, 0),
    totalVatCents: lines.reduce((sum, line) => sum + line.vatCents, 0),
  };
}
