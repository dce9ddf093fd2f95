import type { BookingReview } from "~/domain/bookings/requests.server";
import { clock } from "~/lib/clock";

/**
 * What a booking form (the organisation's and the team's "for someone else") may show of a
 * review: the dates with their state, price and conflicts, the rules that apply, the other
 * rooms and times, the totals. Who holds a clashing date is in `other` only where the domain
 * tells the reader (the team).
 */
export function reviewView(review: BookingReview) {
  return {
    tier: review.tier,
    outcome: review.outcome,
    space: review.space,
    quote: {
      totalExclCents: review.quote.totalExclCents,
      totalVatCents: review.quote.totalVatCents,
      totalInclCents: review.quote.totalInclCents,
      vatBp: review.quote.vatBp,
      hourlyCents: review.quote.hourlyCents,
    },
    extras: {
      /** each chosen extra as charged on one date (a per-hour extra: on a date of the booking's length) */
      lines: (review.extras.dates[0]?.lines ?? []).map((line) => ({
        extraId: line.extraId,
        name: line.name,
        unit: line.unit,
        quantity: line.quantity,
        vatBp: line.vatBp,
        exclCents: line.exclCents,
      })),
      perDate: Object.fromEntries(
        review.extras.dates.map((date) => [date.localStart, date.exclCents + date.vatCents]),
      ) as Record<string, number>,
      totalExclCents: review.extras.totalExclCents,
      vatByRate: review.extras.vatByRate,
    },
    total: review.total,
    depositCents: review.depositCents,
    findings: review.findings.map(({ rule, effect, params }) => ({ rule, effect, params })),
    alternatives: review.alternatives,
    outsideCommunityHours: review.outsideCommunityHours,
    dates: review.dates.map((date) => ({
      localStart: date.localStart,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      roomId: date.roomId,
      state: date.state,
      skipReason: date.skipReason,
      // only a date that is still provisional says until when
      firmAt: date.firmAt && date.firmAt > clock.now() ? date.firmAt : null,
      price: date.price
        ? {
            exclCents: date.price.exclCents,
            inclCents: date.price.inclCents,
            freeMinutes: date.price.freeMinutes,
            basis: date.price.basis,
          }
        : null,
      conflicts: date.conflicts.map((conflict) => ({
        reason: conflict.reason,
        other: conflict.other ?? null,
        closure: conflict.closure ?? null,
      })),
    })),
  };
}

export type ReviewView = ReturnType<typeof reviewView>;

/** The choices made for clashing dates ("choice:<local start>" → skip, room:<id> or time:<instant>). */
export function choicesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter(([name, value]) => name.startsWith("choice:") && typeof value === "string"),
  ) as Record<string, string>;
}
