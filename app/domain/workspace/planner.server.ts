import { db } from "~/db/client.server";
import { loadCentreCalendar } from "../bookings/conflicts.server";
import { addDays, layoutWeek, mondayOf, type PlannerClaim } from "./planner";
import { localDateAt, startOfLocalDay } from "../time/time-zone";
import { weekSchedule } from "./week-schedule.server";
import { clock } from "~/lib/clock";

/**
 * The planner's week for one centre, for the centre's team: the week schedule (every active
 * claim of a confirmed or pending booking, room by room; see week-schedule.server.ts) laid out
 * per day and physical room with the opening hours, closures and the free time between.
 * `anyDate` ("YYYY-MM-DD") picks the week; without it, this week.
 */
export async function plannerWeek(centreId: string, anyDate: string | null, now = clock.now()) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const monday = mondayOf(anyDate ?? localDateAt(now, centre.timeZone));
  const [schedule, calendar, capacities] = await Promise.all([
    weekSchedule(centreId, monday, { seesDetails: true }, now),
    loadCentreCalendar(db(), centreId, startOfLocalDay(monday, centre.timeZone)),
    db().room.findMany({ where: { centreId, kind: "ROOM", active: true }, select: { id: true, capacity: true } }),
  ]);
  // A combination's booking shows in each of its rooms; say which space was booked.
  const spaces = await db().occurrence.findMany({
    where: { centreId, id: { in: [...new Set(schedule.blocks.map((block) => block.occurrenceId))] } },
    select: { id: true, room: { select: { id: true, name: true } } },
  });
  const spaceOf = new Map(spaces.map((occurrence) => [occurrence.id, occurrence.room]));
  const claims: PlannerClaim[] = schedule.blocks.map((block) => ({
    occurrenceId: block.occurrenceId,
    bookingId: block.bookingId ?? "",
    roomId: block.roomId,
    spaceId: spaceOf.get(block.occurrenceId)?.id ?? block.roomId,
    spaceName: spaceOf.get(block.occurrenceId)?.name ?? "",
    title: block.title ?? "",
    organisation: block.organisation ?? "",
    tier: block.tier ?? "COMMERCIAL",
    bookingStatus: block.status ?? "CONFIRMED",
    provisional: block.provisional,
    startsAt: block.startsAt,
    endsAt: block.endsAt,
    blockStartsAt: block.blockStartsAt,
    blockEndsAt: block.blockEndsAt,
  }));
  const capacity = new Map(capacities.map((room) => [room.id, room.capacity]));
  const rooms = schedule.rooms.map((room) => ({ ...room, capacity: capacity.get(room.id) ?? 0 }));
  const days = layoutWeek({
    monday,
    timeZone: centre.timeZone,
    rooms,
    claims,
    openingHours: calendar.openingHours,
    closures: calendar.closures,
  });
  return {
    monday,
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
    today: localDateAt(now, centre.timeZone),
    timeZone: centre.timeZone,
    rooms,
    days,
    openingHours: calendar.openingHours,
  };
}
