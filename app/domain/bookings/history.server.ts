import { db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

/**
 * A booking's history from the audit trail: who did what and when. A series split by "this
 * and following" has two bookings; the history of either shows both, so nothing that
 * happened to the series is out of sight.
 */
export async function bookingHistory(centreId: string, bookingId: string) {
  const booking = await db().booking.findFirst({
    where: { id: bookingId, centreId },
    select: { id: true, splitFromId: true },
  });
  if (!booking) return [];
  const related = new Set([booking.id]);
  // Walk back to the original series, then take every split made from any of them.
  let current: { id: string; splitFromId: string | null } | null = booking;
  while (current?.splitFromId && !related.has(current.splitFromId)) {
    related.add(current.splitFromId);
    current = await db().booking.findFirst({
      where: { id: current.splitFromId, centreId },
      select: { id: true, splitFromId: true },
    });
  }
  for (let round = 0; round < 10; round++) {
    const splits = await db().booking.findMany({
      where: { centreId, splitFromId: { in: [...related] } },
      select: { id: true },
    });
    const before = related.size;
    splits.forEach((split) => related.add(split.id));
    if (related.size === before) break;
  }
  const events = await db().auditEvent.findMany({
    where: { centreId, entityType: "booking", entityId: { in: [...related] } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { actor: { select: { name: true } } },
    take: 500,
  });
  const roomIds = new Set<string>();
  for (const event of events) {
    const details = event.details as Prisma.JsonObject;
    for (const value of [
      details.roomId,
      (details.to as Prisma.JsonObject | undefined)?.roomId,
      (details.from as Prisma.JsonObject | undefined)?.roomId,
      (details.pattern as Prisma.JsonObject | undefined)?.roomId,
    ]) {
      if (typeof value === "string") roomIds.add(value);
    }
  }
  const rooms = await db().room.findMany({
    where: { centreId, id: { in: [...roomIds] } },
    select: { id: true, name: true },
  });
  const roomName = Object.fromEntries(rooms.map((room) => [room.id, room.name]));
  return events.map((event) => ({
    id: event.id,
    bookingId: event.entityId,
    at: event.createdAt,
    actor: event.actor?.name ?? null,
    action: event.action,
    details: event.details as Prisma.JsonObject,
    roomName,
  }));
}
