import { openWindowsOn, windowsForRoom, type ClosureRange, type OpeningWindow } from "../centre/opening-hours";
import { fromWallClock, isoWeekday, parseLocalDate } from "../time/time-zone";
import { plusDays, type ReportPeriod } from "./period";

/**
 * When rooms are open during a report period, as instants (pure).
 *
 * A *zone day* is one local date in a centre's zone with the instants of its midnights; a
 * day with a clock change is 23 or 25 hours long. An *opening profile* is a set of physical
 * rooms that are open at exactly the same times: the centre's rooms without hours or closures
 * of their own share one. For every profile and day we hold the open windows (opening hours
 * minus closures) as epoch milliseconds. Every wall-clock time becomes an instant through
 * time-zone.ts, so the figures do not depend on the server's TZ.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface ZoneDay {
  /** "YYYY-MM-DD" */
  date: string;
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** local midnight at the start and end of the day, epoch ms */
  start: number;
  end: number;
}

/** The local days of `period` in `timeZone`, with their midnights as instants. */
export function zoneDays(timeZone: string, period: ReportPeriod): ZoneDay[] {
  const days: ZoneDay[] = [];
  let date = period.from;
  let start = fromWallClock(parseLocalDate(date)!, timeZone).getTime();
  while (date < period.to) {
    const next = plusDays(date, 1);
    const end = fromWallClock(parseLocalDate(next)!, timeZone).getTime();
    days.push({ date, weekday: isoWeekday(parseLocalDate(date)!), start, end });
    date = next;
    start = end;
  }
  return days;
}

/**
 * The instant (epoch ms) at which the clock shows `minute` (0..1440) on `day`. On a day of
 * 24 hours that is midnight plus the minutes; on the two days with a clock change the
 * zone database decides (time-zone.ts: a time in the gap uses the offset from before it, a
 * time that occurs twice is the first of the two).
 */
export function instantOn(day: ZoneDay, minute: number, timeZone: string): number {
  if (minute <= 0) return day.start;
  if (minute >= 1440) return day.end;
  if (day.end - day.start === DAY) return day.start + minute * MINUTE;
  return fromWallClock(new Date(Date.parse(`${day.date}T00:00:00Z`) + minute * MINUTE), timeZone).getTime();
}

interface CalendarRoom {
  id: string;
}

export interface CentreCalendarInput {
  centreId: string;
  timeZone: string;
  /** physical rooms only */
  rooms: CalendarRoom[];
  openingHours: OpeningWindow[];
  closures: ClosureRange[];
}

export interface OpeningProfile {
  /** small integer, unique within one build */
  key: number;
  centreId: string;
  roomIds: string[];
  /** per day index: the open windows as [start, end, start, end, ...] epoch ms, sorted */
  windows: number[][];
}

export interface Calendar {
  timeZone: string;
  period: ReportPeriod;
  days: ZoneDay[];
  profiles: OpeningProfile[];
  profileOfRoom: Map<string, OpeningProfile>;
}

function closedOn(closures: ClosureRange[], roomId: string, date: string): boolean {
  return closures.some(
    (closure) =>
      (closure.roomId === null || closure.roomId === roomId) && closure.startDate <= date && date <= closure.endDate,
  );
}

/**
 * The opening profiles of some centres that share `timeZone`, for `period`. A room follows
 * its own opening hours if it has any, else the centre's (opening-hours.ts); closures of the
 * centre and of the physical room itself take whole days away. A closure of a combination
 * closes only the combination, not its rooms (as in the booking engine).
 */
export function buildCalendar(
  timeZone: string,
  period: ReportPeriod,
  centres: CentreCalendarInput[],
  firstKey = 0,
): Calendar {
  const days = zoneDays(timeZone, period);
  const profiles: OpeningProfile[] = [];
  const profileOfRoom = new Map<string, OpeningProfile>();
  for (const centre of centres) {
    const bySignature = new Map<string, OpeningProfile>();
    for (const room of centre.rooms) {
      const windows = windowsForRoom(centre.openingHours, room.id);
      const ownClosures = centre.closures.filter(
        (closure) => closure.roomId === room.id && closure.endDate >= period.from && closure.startDate < period.to,
      );
      const signature = JSON.stringify([
        windows.map((window) => [
          window.roomId === null ? "" : "room",
          window.weekday,
          window.opensMinute,
          window.closesMinute,
        ]),
        ownClosures.map((closure) => [closure.startDate, closure.endDate]),
      ]);
      let profile = bySignature.get(signature);
      if (!profile) {
        profile = {
          key: firstKey + profiles.length,
          centreId: centre.centreId,
          roomIds: [],
          windows: days.map((day) =>
            closedOn(centre.closures, room.id, day.date)
              ? []
              : openWindowsOn(windows, day.date).flatMap(([opens, closes]) => [
                  instantOn(day, opens, timeZone),
                  instantOn(day, closes, timeZone),
                ]),
          ),
        };
        bySignature.set(signature, profile);
        profiles.push(profile);
      }
      profile.roomIds.push(room.id);
      profileOfRoom.set(room.id, profile);
    }
  }
  return { timeZone, period, days, profiles, profileOfRoom };
}

/** Milliseconds of [start, end) that fall inside the windows. */
function overlapMs(windows: readonly number[], start: number, end: number): number {
  let total = 0;
  for (let i = 0; i < windows.length; i += 2) {
    const from = Math.max(start, windows[i]!);
    const to = Math.min(end, windows[i + 1]!);
    if (to > from) total += to - from;
  }
  return total;
}

/** Open milliseconds of one profile per month of the period (index as in monthsOf). */
export function openMsPerMonth(calendar: Calendar, profile: OpeningProfile): number[] {
  // Rooms share profiles: work each one out once (the municipality's view has 150 rooms).
  const known = openPerMonthOfProfile.get(profile);
  if (known) return known;
  const startYear = Number(calendar.period.from.slice(0, 4));
  const startMonth = Number(calendar.period.from.slice(5, 7));
  const perMonth: number[] = [];
  calendar.days.forEach((day, index) => {
    const month = (Number(day.date.slice(0, 4)) - startYear) * 12 + Number(day.date.slice(5, 7)) - startMonth;
    const windows = profile.windows[index]!;
    let open = 0;
    for (let i = 0; i < windows.length; i += 2) open += windows[i + 1]! - windows[i]!;
    perMonth[month] = (perMonth[month] ?? 0) + open;
  });
  const result = Array.from(perMonth, (value) => value ?? 0);
  openPerMonthOfProfile.set(profile, result);
  return result;
}

const openPerMonthOfProfile = new WeakMap<OpeningProfile, number[]>();

/** A way to cut every day into named parts of the clock, e.g. day parts or whole hours. */
export interface SlotScheme {
  slots: { key: string; startMinute: number; endMinute: number }[];
  /** key slots per weekday as well ("<weekday>:<key>"), for a weekday × hour grid */
  perWeekday?: boolean;
}

export const HOURS_OF_DAY: SlotScheme = {
  perWeekday: true,
  slots: Array.from({ length: 24 }, (_, hour) => ({
    key: String(hour),
    startMinute: hour * 60,
    endMinute: hour * 60 + 60,
  })),
};

/**
 * Adds, per slot, the milliseconds of each interval that fall in it. `intervals` are epoch ms
 * pairs [start, end, ...] that lie within `day`.
 */
export function addToSlots(
  totals: Map<string, number>,
  scheme: SlotScheme,
  day: ZoneDay,
  timeZone: string,
  intervals: readonly number[],
): void {
  if (intervals.length === 0) return;
  for (const slot of scheme.slots) {
    const start = instantOn(day, slot.startMinute, timeZone);
    const end = instantOn(day, slot.endMinute, timeZone);
    if (end <= start) continue;
    const amount = overlapMs(intervals, start, end);
    if (amount <= 0) continue;
    const key = scheme.perWeekday ? `${day.weekday}:${slot.key}` : slot.key;
    totals.set(key, (totals.get(key) ?? 0) + amount);
  }
}

/** Open milliseconds per slot, summed over the profile's rooms and the period's days. */
export function openMsPerSlot(calendar: Calendar, profiles: OpeningProfile[], scheme: SlotScheme): Map<string, number> {
  const totals = new Map<string, number>();
  for (const profile of profiles) {
    const perRoom = new Map<string, number>();
    calendar.days.forEach((day, index) => addToSlots(perRoom, scheme, day, calendar.timeZone, profile.windows[index]!));
    for (const [key, value] of perRoom) totals.set(key, (totals.get(key) ?? 0) + value * profile.roomIds.length);
  }
  return totals;
}

/** A booked interval of one physical room, clipped to the period; `day` indexes calendar.days. */
export interface BookedInterval {
  roomId: string;
  day: number;
  start: number;
  end: number;
}

/** Calls `visit` with each part of the interval that falls on one calendar day. */
function eachDayPart(
  calendar: Calendar,
  interval: BookedInterval,
  visit: (index: number, start: number, end: number) => void,
): void {
  for (let index = interval.day; index < calendar.days.length; index++) {
    const day = calendar.days[index]!;
    if (day.start >= interval.end) break;
    const start = Math.max(interval.start, day.start);
    const end = Math.min(interval.end, day.end);
    if (end > start) visit(index, start, end);
  }
}

/** Booked milliseconds per slot: each interval is cut at local midnight, then along the slots. */
export function bookedMsPerSlot(calendar: Calendar, booked: BookedInterval[], scheme: SlotScheme): Map<string, number> {
  const totals = new Map<string, number>();
  for (const interval of booked) {
    eachDayPart(calendar, interval, (index, start, end) =>
      addToSlots(totals, scheme, calendar.days[index]!, calendar.timeZone, [start, end]),
    );
  }
  return totals;
}

/** Booked milliseconds that fall outside the open windows of their room and day. */
export function outsideOpenMs(calendar: Calendar, booked: BookedInterval[]): number {
  let total = 0;
  for (const interval of booked) {
    const profile = calendar.profileOfRoom.get(interval.roomId);
    eachDayPart(calendar, interval, (index, start, end) => {
      total += end - start - (profile ? overlapMs(profile.windows[index]!, start, end) : 0);
    });
  }
  return total;
}
