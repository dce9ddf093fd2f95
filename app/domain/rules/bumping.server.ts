import type { Tx } from "~/db/client.server";
import { bookingBumpedEmail } from "~/email/booking-emails.server";
import type { Centre } from "~/generated/prisma/client";
import { isOnline, refundForDates } from "../money/refunds.server";
import { suggestAlternatives } from "../bookings/conflicts.server";
import { notifySignupsOfCancelledDate } from "../residents/signups.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError } from "../shared/errors";
import { localDateTimeAt } from "../time/time-zone";
import { isBumpable } from "./provisional";

/**
 * Rule 3: provisional commercial dates a resident initiative takes over. In the caller's
 * transaction: each date is given up (status BUMPED, rooms freed), a booking left without dates
 * is BUMPED as a whole, what was paid for the dates is refunded in full (reserved here; the
 * caller sends online refunds to Stripe once the transaction is committed, `refundIds`), and the
 * contact is told why, with other free rooms and times near the original and the refund.
 */
export async function bumpProvisionalDates(
  tx: Tx,
  by: { centre: Centre; actorId: string | null; initiative: string },
  request: {
    /** the provisional dates the initiative's dates overlap */
    bumps: { occurrenceId: string; bookingId: string }[];
    /** the initiative's dates that take them over (no alternative may overlap these) */
    taken: { startsAt: Date; endsAt: Date }[];
  },
  now: Date,
): Promise<{ bookingId: string; dates: string[]; refundIds: string[] }[]> {
  const { centre, actorId, initiative } = by;
  const centreId = centre.id;
  if (request.bumps.length === 0) return [];
  const byBooking = new Map<string, string[]>();
  for (const bump of request.bumps)
    byBooking.set(bump.bookingId, [...(byBooking.get(bump.bookingId) ?? []), bump.occurrenceId]);
  const done: { bookingId: string; dates: string[]; refundIds: string[] }[] = [];
  for (const [bookingId, occurrenceIds] of byBooking) {
    await tx.$queryRaw`SELECT id FROM bookings WHERE id = ${bookingId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
    const occurrences = await tx.occurrence.findMany({
      where: { id: { in: occurrenceIds }, centreId },
      orderBy: { startsAt: "asc" },
    });
    // Re-check under the lock: still provisional and still taking place.
    const stillBumpable = occurrences.filter(
      (occurrence) => occurrence.status === "ACTIVE" && isBumpable(occurrence.firmAt, now),
    );
    if (stillBumpable.length !== occurrences.length) {
      throw new DomainError("room-already-booked", "The room was confirmed for someone else meanwhile.", {}, 409);
    }
    const reason = `Vervallen: de ruimte gaat naar bewonersinitiatief ${initiative} (regel: bewonersinitiatieven gaan voor)`;
    await tx.roomClaim.updateMany({ where: { occurrenceId: { in: occurrenceIds } }, data: { active: false } });
    await tx.occurrence.updateMany({
      where: { id: { in: occurrenceIds } },
      data: { status: "BUMPED", cancelledAt: now, cancelReason: reason },
    });
    for (const id of occurrenceIds) await notifySignupsOfCancelledDate(tx, centreId, id);
    const left = await tx.occurrence.count({ where: { bookingId, status: "ACTIVE" } });
    const booking = await tx.booking.update({
      where: { id: bookingId },
      data: left === 0 ? { status: "BUMPED", cancelledAt: now, cancelReason: reason } : {},
      include: { organisation: true, room: true },
    });
    const refunds = await refundForDates(
      tx,
      { centreId, actorId },
      {
        bookingId,
        creditCents: occurrences.reduce((sum, o) => sum + o.priceExclCents + o.vatCents, 0),
        reason: { key: "bumped", values: { title: booking.title, initiative } },
      },
      now,
    );
    const refundCents = refunds.reduce((sum, refund) => sum - refund.amountCents, 0);
    const localDates = occurrences.map((occurrence) => localDateTimeAt(occurrence.startsAt, centre.timeZone));
    const alternatives = await suggestAlternatives(
      centreId,
      {
        roomId: booking.roomId,
        rrule: null,
        localStart: localDates[0]!,
        durationMinutes: booking.durationMinutes,
        excludeOccurrenceIds: occurrenceIds,
      },
      occurrences.map((occurrence) => ({
        originalLocalStart: localDateTimeAt(occurrence.startsAt, centre.timeZone),
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        claims: [],
      })),
      { attendees: booking.attendees },
      tx,
    );
    // The dates just taken by the initiative are not free: drop alternatives that overlap them.
    const times = alternatives.times.filter(
      (time) => !request.taken.some((date) => time.startsAt < date.endsAt && date.startsAt < time.endsAt),
    );
    await recordAudit(tx, {
      centreId,
      actorId,
      entityType: "booking",
      entityId: bookingId,
      action: "bumped",
      details: { dates: localDates, by: initiative, refundCents, wholeBooking: left === 0 },
    });
    await bookingBumpedEmail(tx, {
      booking,
      organisation: booking.organisation,
      centre,
      roomName: booking.room.name,
      dates: occurrences.map((o) => o.startsAt),
      initiative,
      rooms: alternatives.rooms,
      times,
      refundCents,
      refundOnline: refunds.some(isOnline),
    });
    done.push({ bookingId, dates: localDates, refundIds: refunds.map((refund) => refund.id) });
  }
  return done;
}
