import { db } from "~/db/client.server";
import type { Prisma, Tier } from "~/generated/prisma/client";
import { TIERS_BY_PRIORITY } from "../rules/tiers";
import { clock } from "~/lib/clock";

/**
 * The manager's queue of requests waiting for approval, oldest first. Requests compete when
 * any of their dates overlap in time, whatever the room (the building, its hosts and the
 * commercial share are shared): they are shown side by side with their tiers in priority
 * order, so the rule that resident initiatives come first is in view when the manager decides.
 * Approving and declining are in booking-requests.server.ts.
 */

export interface RequestSummary {
  id: string;
  title: string;
  notes: string;
  createdAt: Date;
  overdue: boolean;
  tier: Tier;
  /** 1 = goes first */
  priority: number;
  attendees: number;
  totalInclCents: number;
  bookedOnBehalf: boolean;
  organisation: {
    id: string;
    name: string;
    tier: Tier;
    verified: boolean;
    contactName: string;
    contactEmail: string | null;
    contactPhone: string | null;
  };
  room: string;
  rrule: string | null;
  dateCount: number;
  firstDates: { startsAt: Date; endsAt: Date; room: string }[];
  /** the community rules the request met, as recorded when it was made */
  rules: { rule: string; effect: string }[];
  competitors: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN_DATES = 4;

function priorityOf(tier: Tier): number {
  return TIERS_BY_PRIORITY.indexOf(tier) + 1;
}

export async function pendingRequests(centreId: string, now = clock.now()): Promise<RequestSummary[]> {
  const centre = await db().centre.findUniqueOrThrow({
    where: { id: centreId },
    select: { requestReminderDays: true },
  });
  const bookings = await db().booking.findMany({
    where: { centreId, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      room: { select: { name: true } },
      organisation: true,
      occurrences: {
        where: { status: "ACTIVE" },
        orderBy: { startsAt: "asc" },
        take: SHOWN_DATES,
        include: { room: { select: { name: true } } },
      },
      _count: { select: { occurrences: { where: { status: "ACTIVE" } } } },
    },
  });
  if (bookings.length === 0) return [];
  const ids = bookings.map((booking) => booking.id);
  const [overlaps, requested] = await Promise.all([
    db().$queryRaw<{ booking_id: string; other_id: string }[]>`
      SELECT DISTINCT a.booking_id::text AS booking_id, b.booking_id::text AS other_id
      FROM occurrences a
      JOIN occurrences b ON b.centre_id = a.centre_id AND b.booking_id <> a.booking_id AND b.status = 'ACTIVE'
        AND b.starts_at < a.ends_at AND a.starts_at < b.ends_at
      WHERE a.centre_id = ${centreId}::uuid AND a.status = 'ACTIVE'
        AND a.booking_id = ANY(${ids}::uuid[]) AND b.booking_id = ANY(${ids}::uuid[])`,
    db().auditEvent.findMany({
      where: { centreId, entityType: "booking", entityId: { in: ids }, action: "requested" },
      select: { entityId: true, details: true },
    }),
  ]);
  const competitors = new Map<string, string[]>();
  for (const row of overlaps)
    competitors.set(row.booking_id, [...(competitors.get(row.booking_id) ?? []), row.other_id]);
  const rulesOf = new Map(
    requested.map((event) => {
      const findings = ((event.details as Prisma.JsonObject)?.findings ?? []) as { rule: string; effect: string }[];
      return [event.entityId, Array.isArray(findings) ? findings : []];
    }),
  );
  return bookings.map((booking) => ({
    id: booking.id,
    title: booking.title,
    notes: booking.notes,
    createdAt: booking.createdAt,
    overdue: booking.createdAt.getTime() <= now.getTime() - centre.requestReminderDays * DAY_MS,
    tier: booking.tier,
    priority: priorityOf(booking.tier),
    attendees: booking.attendees,
    totalInclCents: booking.totalInclCents,
    bookedOnBehalf: booking.bookedOnBehalf,
    organisation: {
      id: booking.organisation.id,
      name: booking.organisation.name,
      tier: booking.organisation.tier,
      verified: booking.organisation.tierVerifiedAt !== null,
      contactName: booking.organisation.contactName,
      contactEmail: booking.organisation.contactEmail,
      contactPhone: booking.organisation.contactPhone,
    },
    room: booking.room.name,
    rrule: booking.rrule,
    dateCount: booking._count.occurrences,
    firstDates: booking.occurrences.map((date) => ({
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      room: date.room.name,
    })),
    rules: rulesOf.get(booking.id) ?? [],
    competitors: competitors.get(booking.id) ?? [],
  }));
}
