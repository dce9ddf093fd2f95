import type { Tx } from "~/db/client.server";
import type { MonthUsage } from "./share-cap";

/**
 * What the community rules need from the database: the booked and commercial minutes per room
 * and local month, from the active claims of confirmed and pending bookings (pending requests
 * hold their slot, so they count). Buffers are not use: the claim's own start and end count.
 */
export async function monthUsage(
  client: Tx,
  centreId: string,
  roomIds: string[],
  from: Date,
  to: Date,
  timeZone: string,
  excludeBookingId?: string,
): Promise<Map<string, MonthUsage>> {
  if (roomIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ room_id: string; month: string; booked: number; commercial: number }[]>`
    SELECT c.room_id::text,
           to_char(c.starts_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month,
           sum(extract(epoch FROM c.ends_at - c.starts_at) / 60)::int AS booked,
           sum(CASE WHEN b.tier = 'COMMERCIAL' THEN extract(epoch FROM c.ends_at - c.starts_at) / 60 ELSE 0 END)::int AS commercial
    FROM room_claims c
    JOIN occurrences o ON o.id = c.occurrence_id
    JOIN bookings b ON b.id = o.booking_id
    WHERE c.centre_id = ${centreId}::uuid AND c.active AND c.room_id = ANY(${roomIds}::uuid[])
      AND b.status IN ('CONFIRMED', 'PENDING')
      AND c.starts_at >= ${from} AND c.starts_at < ${to}
      AND (${excludeBookingId ?? null}::uuid IS NULL OR b.id <> ${excludeBookingId ?? null}::uuid)
    GROUP BY 1, 2`;
  return new Map(
    rows.map((row) => [
      `${row.room_id}|${row.month}`,
      { bookedMinutes: Number(row.booked), commercialMinutes: Number(row.commercial) },
    ]),
  );
}
