import { db } from "~/db/client.server";
import type { BookingStatus, Tier } from "~/generated/prisma/client";
import { addWallClockDays, formatLocalDate, isoWeekday, parseLocalDate, startOfLocalDay } from "../time/time-zone";
import { clock } from "~/lib/clock";

/**
 * A week of a centre, room by room: every active claim of a confirmed or pending booking in
 * the physical rooms (a combination booking shows in each of its rooms). Managers see what each
 * block is; everyone else sees only that the room is busy. Used by the planner and by the
 * availability week grid.
 */

interface WeekBlock {
  occurrenceId: string;
  bookingId: string | null;
  roomId: string;
  title: string | null;
  organisation: string | null;
  tier: Tier | null;
  status: BookingStatus | null;
  provisional: boolean;
  startsAt: Date;
  endsAt: Date;
  blockStartsAt: Date;
  blockEndsAt: Date;
}

export interface WeekSchedule {
  /** "YYYY-MM-DD" of the Monday */
  weekStart: string;
  days: string[];
  rooms: { id: string; name: string }[];
  blocks: WeekBlock[];
}

/** The Monday (local date) of the week that holds `localDate`. */
function mondayOf(localDate: string): string {
  const date = parseLocalDate(localDate);
  if (!date) throw new Error(`"${localDate}" is not a date`);
  return formatLocalDate(addWallClockDays(date, 1 - isoWeekday(date)));
}

export async function weekSchedule(
  centreId: string,
  anyDayOfWeek: string,
  viewer: { seesDetails: boolean },
  now = clock.now(),
): Promise<WeekSchedule> {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const weekStart = mondayOf(anyDayOfWeek);
  const days = Array.from({ length: 7 }, (_, index) =>
    formatLocalDate(addWallClockDays(parseLocalDate(weekStart)!, index)),
  );
  const from = startOfLocalDay(weekStart, centre.timeZone);
  const to = startOfLocalDay(formatLocalDate(addWallClockDays(parseLocalDate(weekStart)!, 7)), centre.timeZone);
  const [rooms, claims] = await Promise.all([
    db().room.findMany({
      where: { centreId, kind: "ROOM", active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db().roomClaim.findMany({
      where: {
        centreId,
        active: true,
        blockStartsAt: { lt: to },
        blockEndsAt: { gt: from },
        occurrence: { status: "ACTIVE", booking: { status: { in: ["CONFIRMED", "PENDING"] } } },
      },
      include: { occurrence: { include: { booking: { include: { organisation: { select: { name: true } } } } } } },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  return {
    weekStart,
    days,
    rooms,
    blocks: claims.map((claim) => {
      const booking = claim.occurrence.booking;
      return {
        occurrenceId: claim.occurrenceId,
        bookingId: viewer.seesDetails ? booking.id : null,
        roomId: claim.roomId,
        title: viewer.seesDetails ? booking.title : null,
        organisation: viewer.seesDetails ? booking.organisation.name : null,
        tier: viewer.seesDetails ? booking.tier : null,
        status: viewer.seesDetails ? booking.status : null,
        provisional: claim.occurrence.firmAt !== null && claim.occurrence.firmAt > now,
        startsAt: claim.startsAt,
        endsAt: claim.endsAt,
        blockStartsAt: claim.blockStartsAt,
        blockEndsAt: claim.blockEndsAt,
      };
    }),
  };
}
