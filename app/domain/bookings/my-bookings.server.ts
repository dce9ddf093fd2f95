import { db } from "~/db/client.server";
import { clock } from "~/lib/clock";

/**
 * An organisation's bookings at a centre, for "my bookings": each booking (one-off or series)
 * with its coming and past dates. Only the organisations the person books for are read.
 */
export async function bookingsOfOrganisations(centreId: string, organisationIds: string[], now = clock.now()) {
  if (organisationIds.length === 0) return [];
  const bookings = await db().booking.findMany({
    where: { centreId, organisationId: { in: organisationIds } },
    include: {
      organisation: { select: { name: true } },
      room: { select: { name: true } },
      activity: { select: { kind: true } },
      occurrences: { orderBy: { startsAt: "asc" }, include: { room: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
  });
  return bookings.map((booking) => ({
    id: booking.id,
    title: booking.title,
    organisation: booking.organisation.name,
    room: booking.room.name,
    status: booking.status,
    rrule: booking.rrule,
    localStart: booking.localStart,
    durationMinutes: booking.durationMinutes,
    totalInclCents: booking.totalInclCents,
    /** a sign-up activity: the organiser can see who comes */
    takesSignUps: booking.activity?.kind === "SIGN_UP",
    upcoming: booking.occurrences
      .filter((occurrence) => occurrence.endsAt > now)
      .map((occurrence) => ({
        id: occurrence.id,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        status: occurrence.status,
        room: occurrence.room.name,
        cancelReason: occurrence.cancelReason,
        provisionalUntil: occurrence.firmAt && occurrence.firmAt > now ? occurrence.firmAt : null,
        priceInclCents: occurrence.priceExclCents + occurrence.vatCents,
      })),
    pastCount: booking.occurrences.filter((occurrence) => occurrence.endsAt <= now && occurrence.status === "ACTIVE")
      .length,
  }));
}
