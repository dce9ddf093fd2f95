import { expandOccurrences } from "../time/recurrence";
import { formatWallClock, fromWallClock, parseWallClock } from "../time/time-zone";

/**
 * From a booking's pattern to concrete dates and the room claims each date makes (pure).
 *
 * A booking targets a *space*: a physical room, or a combination that claims each of its
 * member rooms. Every date claims each physical room for the activity itself plus the
 * space's set-up buffer before and clean-up buffer after (the "block"); the database
 * refuses two active blocks that overlap in one room.
 */

export interface SpaceForPlanning {
  id: string;
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
  /** the physical rooms the space occupies: [id] for a room, the members for a combination */
  physicalRoomIds: string[];
}

export interface PlannedClaim {
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  blockStartsAt: Date;
  blockEndsAt: Date;
}

export interface PlannedOccurrence {
  /** the wall-clock start the pattern gives, "YYYY-MM-DDTHH:mm"; identifies the date in its series */
  originalLocalStart: string;
  startsAt: Date;
  endsAt: Date;
  claims: PlannedClaim[];
}

export interface BookingPattern {
  /** RRULE value, or null for a one-off booking */
  rrule: string | null;
  /** first start, wall clock "YYYY-MM-DDTHH:mm" in the centre's zone */
  localStart: string;
  durationMinutes: number;
  timeZone: string;
}

const MINUTE = 60_000;

/** The most dates one booking may have; planning a pattern looks one further, to know it has more. */
export const MAX_DATES_PER_BOOKING = 2000;

/** The claims one date of `space` makes, buffers included. */
export function claimsFor(space: SpaceForPlanning, startsAt: Date, endsAt: Date): PlannedClaim[] {
  const blockStartsAt = new Date(startsAt.getTime() - space.setupBufferMinutes * MINUTE);
  const blockEndsAt = new Date(endsAt.getTime() + space.cleanupBufferMinutes * MINUTE);
  return space.physicalRoomIds.map((roomId) => ({ roomId, startsAt, endsAt, blockStartsAt, blockEndsAt }));
}

/**
 * The dates of a pattern that start in [from, to), with their claims. A one-off booking
 * is its single date. `exdates` (wall-clock starts) are left out; `limit` bounds the work.
 */
export function planOccurrences(
  pattern: BookingPattern,
  space: SpaceForPlanning,
  window: { from?: Date; to?: Date; exdates?: string[]; limit?: number } = {},
): PlannedOccurrence[] {
  const dates = pattern.rrule
    ? expandOccurrences({
        rrule: pattern.rrule,
        start: pattern.localStart,
        durationMinutes: pattern.durationMinutes,
        timeZone: pattern.timeZone,
        exdates: window.exdates,
        from: window.from,
        to: window.to,
        limit: window.limit,
      })
    : oneOff(pattern, window);
  return dates.map((date) => ({
    originalLocalStart: date.localStart,
    startsAt: date.start,
    endsAt: date.end,
    claims: claimsFor(space, date.start, date.end),
  }));
}

function oneOff(pattern: BookingPattern, window: { from?: Date; to?: Date; exdates?: string[] }) {
  const wallClock = parseWallClock(pattern.localStart);
  if (!wallClock) return [];
  const localStart = formatWallClock(wallClock);
  if (window.exdates?.includes(localStart)) return [];
  const start = fromWallClock(wallClock, pattern.timeZone);
  if ((window.from && start < window.from) || (window.to && start >= window.to)) return [];
  return [{ start, end: new Date(start.getTime() + pattern.durationMinutes * MINUTE), localStart }];
}
