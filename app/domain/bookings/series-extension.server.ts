import { db, transaction } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import {
  decideDates,
  horizonDaysFor,
  insertOccurrences,
  lockBooking,
  lockBookingWrites,
  materialiseUntil,
} from "./create.server";
import { findConflicts } from "./conflicts.server";
import { loadSpace } from "../centre/rooms.server";
import { formatWallClock } from "../time/time-zone";
import { clock } from "~/lib/clock";

/**
 * Series without an end are materialised up to the booking horizon of their tier; this runs
 * every night (app/jobs/series.server.ts) and adds the dates that came within reach. A new
 * date that cannot take place (the room was given to someone else, a closure, outside the
 * opening hours) is stored as a cancelled exception with the reason, so it is visible, and the
 * series goes on. Safe to run on several app instances at once: each booking is locked.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export async function extendOpenSeries(
  now = clock.now(),
): Promise<{ bookings: number; added: number; unavailable: number }> {
  const candidates = await db().booking.findMany({
    where: { rrule: { not: null }, materialisedUntil: { not: null }, status: { in: ["CONFIRMED", "PENDING"] } },
    select: { id: true, centreId: true, tier: true, materialisedUntil: true },
  });
  let bookings = 0;
  let added = 0;
  let unavailable = 0;
  for (const candidate of candidates) {
    const horizon = await horizonDaysFor(db(), candidate.centreId, candidate.tier);
    if (candidate.materialisedUntil!.getTime() >= now.getTime() + (horizon - 1) * DAY_MS) continue;
    const result = await extendSeries(candidate.centreId, candidate.id, now);
    if (result.added + result.unavailable > 0) bookings += 1;
    added += result.added;
    unavailable += result.unavailable;
  }
  return { bookings, added, unavailable };
}

/** Adds the dates of one open series from where it was materialised up to its tier's horizon. */
export async function extendSeries(centreId: string, bookingId: string, now = clock.now()) {
  return transaction(async (tx) => {
    await lockBookingWrites(tx, centreId);
    const booking = await lockBooking(tx, centreId, bookingId);
    if (!booking.rrule || !booking.materialisedUntil) return { added: 0, unavailable: 0 };
    const until = materialiseUntil(booking.rrule, now, await horizonDaysFor(tx, centreId, booking.tier));
    if (!until || until <= booking.materialisedUntil) return { added: 0, unavailable: 0 };
    const centre = await tx.centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
    const space = await loadSpace(tx, centreId, booking.roomId);
    const { dates, conflicts } = await findConflicts(
      centreId,
      {
        roomId: space.id,
        rrule: booking.rrule,
        localStart: formatWallClock(booking.localStart),
        durationMinutes: booking.durationMinutes,
        until,
        excludeBookingId: booking.id,
      },
      { seesDetails: true },
      tx,
    );
    const existing = new Set(
      (
        await tx.occurrence.findMany({
          where: { bookingId, startsAt: { gte: booking.materialisedUntil } },
          select: { originalLocalStart: true },
        })
      ).map((occurrence) => formatWallClock(occurrence.originalLocalStart)),
    );
    const fresh = dates.filter(
      (date) => date.startsAt >= booking.materialisedUntil! && !existing.has(date.originalLocalStart),
    );
    const blocked = new Map(conflicts.map((conflict) => [conflict.localStart, conflict]));
    const decided = decideDates(fresh, space, {
      timeZone: centre.timeZone,
      skipPublicHolidays: booking.skipPublicHolidays,
      skipSchoolHolidays: booking.skipSchoolHolidays,
    }).map((date) => {
      const conflict = blocked.get(date.originalLocalStart);
      if (date.cancelReason || !conflict) return date;
      const reason =
        conflict.reason === "room-taken"
          ? "Niet beschikbaar: de ruimte is bezet"
          : conflict.reason === "closed"
            ? `Niet beschikbaar: ${conflict.closure?.reason ?? "gesloten"}`
            : "Niet beschikbaar: buiten de openingstijden";
      return { ...date, claims: [], cancelReason: reason };
    });
    const sample = await tx.occurrence.findFirst({
      where: { bookingId, firmAt: { not: null } },
      select: { firmAt: true, startsAt: true },
    });
    await insertOccurrences(tx, booking.id, centreId, decided, {
      cutoffDays: sample?.firmAt ? Math.round((sample.startsAt.getTime() - sample.firmAt.getTime()) / DAY_MS) : null,
      cancelledAt: now,
    });
    await tx.booking.update({ where: { id: booking.id }, data: { materialisedUntil: until } });
    const unavailable = decided.filter((date) => date.cancelReason && blocked.has(date.originalLocalStart)).length;
    if (decided.length > 0) {
      await recordAudit(tx, {
        centreId,
        actorId: null,
        entityType: "booking",
        entityId: booking.id,
        action: "series-extended",
        details: {
          added: decided.length,
          until: until.toISOString(),
          unavailable: decided
            .filter((date) => date.cancelReason && blocked.has(date.originalLocalStart))
            .map((date) => date.originalLocalStart),
        },
      });
    }
    return { added: decided.length - unavailable, unavailable };
  });
}
