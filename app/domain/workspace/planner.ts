import type { BookingStatus, Tier } from "~/generated/prisma/enums";
import {
  closuresHit,
  openWindowsOn,
  windowsForRoom,
  type ClosureRange,
  type OpeningWindow,
} from "../centre/opening-hours";
import {
  addWallClockDays,
  formatLocalDate,
  isoWeekday,
  minuteOfDay,
  parseLocalDate,
  toWallClock,
} from "../time/time-zone";

/**
 * The planner's week (pure): which local days, and per day and physical room the blocks
 * (activity plus set-up and clean-up buffers) and the free time within opening hours.
 * Minutes are minutes of the local day (0..1440) in the centre's zone.
 */

/** Free time shorter than this is not offered as a slot to book. */
const MIN_FREE_MINUTES = 30;
const STEP = 15;

export interface PlannerRoom {
  id: string;
  name: string;
  capacity: number;
}

export interface PlannerClaim {
  occurrenceId: string;
  bookingId: string;
  roomId: string;
  /** the space booked: the room itself or a combination that holds it */
  spaceId: string;
  spaceName: string;
  title: string;
  organisation: string;
  tier: Tier;
  bookingStatus: BookingStatus;
  /** an option (optie): may still be taken over by a resident initiative */
  provisional: boolean;
  startsAt: Date;
  endsAt: Date;
  blockStartsAt: Date;
  blockEndsAt: Date;
}

export interface PlannerBlock extends PlannerClaim {
  /** the activity itself on this day (minutes of the day) */
  fromMinute: number;
  toMinute: number;
  /** the room is held from here (set-up buffer) ... */
  blockFromMinute: number;
  /** ... to here (clean-up buffer) */
  blockToMinute: number;
}

interface PlannerCell {
  roomId: string;
  blocks: PlannerBlock[];
  free: { fromMinute: number; toMinute: number }[];
  closed: string | null;
}

export interface PlannerDay {
  date: string;
  weekday: number;
  cells: PlannerCell[];
}

/** The Monday ("YYYY-MM-DD") of the week that holds a local date. */
export function mondayOf(localDate: string): string {
  const date = parseLocalDate(localDate);
  if (!date) throw new Error(`"${localDate}" is not a date`);
  return formatLocalDate(addWallClockDays(date, 1 - isoWeekday(date)));
}

export function addDays(localDate: string, days: number): string {
  return formatLocalDate(addWallClockDays(parseLocalDate(localDate)!, days));
}

/** The part of [start, end) that falls on `localDate`, as minutes of that day; null if none. */
export function minutesOnDay(
  start: Date,
  end: Date,
  localDate: string,
  timeZone: string,
): { from: number; to: number } | null {
  const startWall = toWallClock(start, timeZone);
  const endWall = toWallClock(end, timeZone);
  const startDay = formatLocalDate(startWall);
  const endDay = formatLocalDate(endWall);
  if (localDate < startDay || localDate > endDay) return null;
  const from = startDay === localDate ? minuteOfDay(startWall) : 0;
  const to = endDay === localDate ? minuteOfDay(endWall) : 1440;
  return to > from ? { from, to } : null;
}

/** Open windows minus taken blocks, rounded inward to quarter hours, at least MIN_FREE_MINUTES long. */
export function freeTime(
  open: [number, number][],
  taken: { from: number; to: number }[],
): { fromMinute: number; toMinute: number }[] {
  const sorted = [...taken].sort((a, b) => a.from - b.from);
  const free: { fromMinute: number; toMinute: number }[] = [];
  for (const [opens, closes] of open) {
    let cursor = opens;
    for (const block of sorted) {
      if (block.to <= cursor || block.from >= closes) continue;
      if (block.from > cursor) free.push({ fromMinute: cursor, toMinute: block.from });
      cursor = Math.max(cursor, block.to);
    }
    if (cursor < closes) free.push({ fromMinute: cursor, toMinute: closes });
  }
  return free
    .map((slot) => ({
      fromMinute: Math.ceil(slot.fromMinute / STEP) * STEP,
      toMinute: Math.floor(slot.toMinute / STEP) * STEP,
    }))
    .filter((slot) => slot.toMinute - slot.fromMinute >= MIN_FREE_MINUTES);
}

/** Lays out a week: per local day, per physical room, the blocks and the free time. */
export function layoutWeek(input: {
  monday: string;
  timeZone: string;
  rooms: PlannerRoom[];
  claims: PlannerClaim[];
  openingHours: OpeningWindow[];
  closures: ClosureRange[];
}): PlannerDay[] {
  const days: PlannerDay[] = [];
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(input.monday, offset);
    const dayStart = parseLocalDate(date)!;
    const cells = input.rooms.map((room): PlannerCell => {
      const blocks: PlannerBlock[] = [];
      for (const claim of input.claims) {
        if (claim.roomId !== room.id) continue;
        const held = minutesOnDay(claim.blockStartsAt, claim.blockEndsAt, date, input.timeZone);
        if (!held) continue;
        const activity = minutesOnDay(claim.startsAt, claim.endsAt, date, input.timeZone) ?? held;
        blocks.push({
          ...claim,
          fromMinute: activity.from,
          toMinute: activity.to,
          blockFromMinute: held.from,
          blockToMinute: held.to,
        });
      }
      blocks.sort((a, b) => a.blockFromMinute - b.blockFromMinute);
      const closure = closuresHit(input.closures, [room.id], dayStart, addWallClockDays(dayStart, 1))[0];
      const open = openWindowsOn(windowsForRoom(input.openingHours, room.id), date);
      return {
        roomId: room.id,
        blocks,
        closed: closure ? closure.reason : null,
        free: closure
          ? []
          : freeTime(
              open,
              blocks.map((block) => ({ from: block.blockFromMinute, to: block.blockToMinute })),
            ),
      };
    });
    days.push({ date, weekday: isoWeekday(dayStart), cells });
  }
  return days;
}

/** The first and last minute the grid should show: opening hours and blocks of the week. */
export function gridRange(days: PlannerDay[], openingHours: OpeningWindow[]): { from: number; to: number } {
  let from = 24 * 60;
  let to = 0;
  for (const window of openingHours) {
    from = Math.min(from, window.opensMinute);
    to = Math.max(to, window.closesMinute);
  }
  for (const day of days) {
    for (const cell of day.cells) {
      for (const block of cell.blocks) {
        from = Math.min(from, block.blockFromMinute);
        to = Math.max(to, block.blockToMinute);
      }
    }
  }
  if (from >= to) return { from: 8 * 60, to: 22 * 60 };
  return { from: Math.floor(from / 60) * 60, to: Math.min(1440, Math.ceil(to / 60) * 60) };
}

/** "HH:mm" of a minute of the day (1440 = "24:00"). */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
