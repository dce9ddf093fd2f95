import { db } from "~/db/client.server";

/**
 * What happens in a centre between two instants: every occurrence whose start lies in
 * [from, to), with its booking, organisation, room and activity. `publicOnly` keeps only
 * confirmed walk-in and sign-up activities (cancelled dates stay, marked as cancelled).
 */
export function occurrencesBetween(centreId: string, from: Date, to: Date, options: { publicOnly?: boolean } = {}) {
  return db().occurrence.findMany({
    where: {
      centreId,
      startsAt: { gte: from, lt: to },
      ...(options.publicOnly
        ? {
            status: { in: ["ACTIVE", "CANCELLED"] },
            booking: { status: "CONFIRMED", activity: { kind: { in: ["WALK_IN", "SIGN_UP"] } } },
          }
        : { status: "ACTIVE", booking: { status: { in: ["CONFIRMED", "PENDING"] } } }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: {
      room: { select: { id: true, name: true, location: true, stepFree: true } },
      booking: {
        select: {
          id: true,
          title: true,
          status: true,
          tier: true,
          organisation: { select: { name: true } },
          activity: true,
        },
      },
    },
  });
}
