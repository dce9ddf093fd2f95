import { db } from "~/db/client.server";
import type { Facility } from "~/generated/prisma/client";
import { findConflicts, loadCentreCalendar, suggestAlternatives, type TimeAlternative } from "./conflicts.server";
import { listSpaces, spaceFits } from "../centre/rooms.server";

/**
 * "We need a room on Tuesday evenings": which rooms fit the group and are free on every date of
 * the pattern, and, for rooms that fit but are taken on some dates (near misses), the nearest
 * free start on those days.
 */

export interface AvailabilityQuery {
  /** RRULE for a repeating need, or null for one date */
  rrule: string | null;
  /** first start, wall clock "YYYY-MM-DDTHH:mm" */
  localStart: string;
  durationMinutes: number;
  attendees: number;
  facilities: Facility[];
  stepFree: boolean;
  /** how far a pattern without an end is checked */
  until?: Date;
}

export interface AvailableSpace {
  roomId: string;
  name: string;
  kind: "ROOM" | "COMBINATION";
  capacity: number;
  facilities: Facility[];
  stepFree: boolean;
  location: string;
  dates: number;
  /** dates (localStart) that are taken, closed or outside the hours; empty when free */
  unavailable: string[];
  /** the nearest free starts on the unavailable dates (same room) */
  nearest: TimeAlternative[];
}

export async function searchAvailability(
  centreId: string,
  query: AvailabilityQuery,
): Promise<{ free: AvailableSpace[]; nearMisses: AvailableSpace[] }> {
  const [spaces, calendar] = await Promise.all([
    listSpaces(db(), centreId).then((all) => all.filter((space) => spaceFits(space, query))),
    loadCentreCalendar(db(), centreId),
  ]);
  const results: AvailableSpace[] = [];
  for (const space of spaces) {
    const proposal = {
      roomId: space.id,
      rrule: query.rrule,
      localStart: query.localStart,
      durationMinutes: query.durationMinutes,
      until: query.until,
    };
    const { dates, conflicts } = await findConflicts(centreId, proposal, { seesDetails: false }, db(), {
      space,
      calendar,
    });
    // A series simply skips the days the house is closed; a single date on such a day is unavailable.
    const blocking = conflicts.filter((conflict) => !(query.rrule && conflict.reason === "closed"));
    const unavailable = [...new Set(blocking.map((conflict) => conflict.localStart))];
    const clashing = dates.filter((date) => unavailable.includes(date.originalLocalStart)).slice(0, 5);
    const nearest =
      clashing.length > 0
        ? (await suggestAlternatives(centreId, proposal, clashing, {}, db(), [], calendar)).times
        : [];
    results.push({
      roomId: space.id,
      name: space.name,
      kind: space.room.kind,
      capacity: space.capacity,
      facilities: space.facilities,
      stepFree: space.stepFree,
      location: space.room.location,
      dates: dates.length,
      unavailable,
      nearest,
    });
  }
  // Smallest room that fits first: big halls stay free for big groups.
  results.sort((a, b) => a.capacity - b.capacity || a.name.localeCompare(b.name));
  return {
    free: results.filter((result) => result.unavailable.length === 0 && result.dates > 0),
    nearMisses: results.filter(
      (result) =>
        result.unavailable.length > 0 && (result.unavailable.length < result.dates || result.nearest.length > 0),
    ),
  };
}
