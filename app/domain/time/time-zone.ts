import { tzOffset } from "@date-fns/tz";

/**
 * Wall-clock times and instants, independent of the server's TZ.
 *
 * A *wall-clock time* ("floating" time) is what a clock on the centre's wall shows. We hold
 * one in a Date whose UTC fields are that clock reading (so 19:30 local is a Date with
 * getUTCHours() === 19), and never read its local fields. Only functions in this module turn
 * wall-clock times into instants and back, with a real time-zone database (Intl, through
 * @date-fns/tz). See docs/decisions/004-time-zones-and-recurrence.md.
 */

export class TimeZoneError extends Error {
  override name = "TimeZoneError";
}

const MINUTE = 60_000;
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  let valid = false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    valid = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  } catch {
    valid = false;
  }
  knownZones.set(timeZone, valid);
  return valid;
}

export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new TimeZoneError(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/Amsterdam.`);
  }
}

const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * UTC offset in minutes at `instant` in `timeZone` (+60 for Amsterdam in winter). Offsets only
 * change on a quarter hour in every zone of the tz database, so answers are kept per quarter
 * hour: expanding long series asks Intl once per quarter hour instead of three times per date.
 */
export function offsetMinutes(timeZone: string, instant: Date): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(instant.getTime() / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size > 200_000) zone.clear();
    offset = tzOffset(timeZone, new Date(bucket * QUARTER_HOUR));
    zone.set(bucket, offset);
  }
  return offset;
}

/** The wall-clock time (as a floating Date) shown in `timeZone` at `instant`. */
export function toWallClock(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + offsetMinutes(timeZone, instant) * MINUTE);
}

/**
 * The instant at which the wall clock in `timeZone` shows `wallClock`, following RFC 5545
 * §3.3.5: a time that does not exist (inside the spring-forward gap) is read with the offset
 * from before the gap; a time that occurs twice (the fall-back hour) is the first of the two.
 */
export function fromWallClock(wallClock: Date, timeZone: string): Date {
  const wall = wallClock.getTime();
  // The offsets in force well before and well after this clock reading (transitions are
  // never closer than a day apart, and no zone is more than 14 hours from UTC).
  const offsetBefore = offsetMinutes(timeZone, new Date(wall - 18 * 60 * MINUTE));
  const offsetAfter = offsetMinutes(timeZone, new Date(wall + 18 * 60 * MINUTE));
  const withBefore = wall - offsetBefore * MINUTE;
  if (offsetBefore === offsetAfter) return new Date(withBefore);
  const withAfter = wall - offsetAfter * MINUTE;
  const beforeFits = offsetMinutes(timeZone, new Date(withBefore)) === offsetBefore;
  const afterFits = offsetMinutes(timeZone, new Date(withAfter)) === offsetAfter;
  if (beforeFits && afterFits) return new Date(Math.min(withBefore, withAfter)); // occurs twice: first
  if (afterFits) return new Date(withAfter);
  return new Date(withBefore); // in the gap, or exactly at the transition: offset from before
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DDTHH:mm" (seconds optional) into a wall-clock Date, or returns undefined. */
export function parseWallClock(text: string): Date | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  return buildWallClock(year!, month!, day!, hour!, minute!, second!);
}

/** Parses "YYYY-MM-DD" into a wall-clock Date at midnight, or returns undefined. */
export function parseLocalDate(text: string): Date | undefined {
  const match = LOCAL_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as number[];
  return buildWallClock(year!, month!, day!, 0, 0, 0);
}

function buildWallClock(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined; // 31 February and the like
  }
  return date;
}

/** "YYYY-MM-DDTHH:mm" of a wall-clock Date. */
export function formatWallClock(wallClock: Date): string {
  return wallClock.toISOString().slice(0, 16);
}

/** "YYYY-MM-DD" of a wall-clock Date. */
export function formatLocalDate(wallClock: Date): string {
  return wallClock.toISOString().slice(0, 10);
}

/** "YYYY-MM-DDTHH:mm" as shown in `timeZone` at `instant`. */
export function localDateTimeAt(instant: Date, timeZone: string): string {
  return formatWallClock(toWallClock(instant, timeZone));
}

/** "YYYY-MM-DD" as shown in `timeZone` at `instant`. */
export function localDateAt(instant: Date, timeZone: string): string {
  return formatLocalDate(toWallClock(instant, timeZone));
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a wall-clock Date. */
export function isoWeekday(wallClock: Date): number {
  return ((wallClock.getUTCDay() + 6) % 7) + 1;
}

/** Minutes since local midnight of a wall-clock Date (0..1439). */
export function minuteOfDay(wallClock: Date): number {
  return wallClock.getUTCHours() * 60 + wallClock.getUTCMinutes();
}

/** Adds whole days to a wall-clock Date (calendar days; no zone involved). */
export function addWallClockDays(wallClock: Date, days: number): Date {
  return new Date(wallClock.getTime() + days * 24 * 60 * MINUTE);
}

/** Adds minutes to a wall-clock Date. */
export function addWallClockMinutes(wallClock: Date, minutes: number): Date {
  return new Date(wallClock.getTime() + minutes * MINUTE);
}

/** The instant of local midnight at the start of `localDate` ("YYYY-MM-DD") in `timeZone`. */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  const wall = parseLocalDate(localDate);
  if (!wall) throw new TimeZoneError(`"${localDate}" is not a date of the form YYYY-MM-DD.`);
  return fromWallClock(wall, timeZone);
}
