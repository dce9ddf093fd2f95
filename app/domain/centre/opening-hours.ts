import { addWallClockDays, formatLocalDate, isoWeekday, minuteOfDay, parseLocalDate } from "../time/time-zone";

/**
 * Opening hours and closures as rules over wall-clock time (pure).
 *
 * Opening hours are weekly windows in minutes of the day (0..1440). A room with rows of its
 * own follows those; every other room follows the centre's rows. A weekday without a window
 * is closed. Closures are local date ranges (both ends inclusive) for the centre or a room.
 */

export interface OpeningWindow {
  roomId: string | null;
  weekday: number;
  opensMinute: number;
  closesMinute: number;
}

export interface ClosureRange {
  id?: string;
  roomId: string | null;
  /** "YYYY-MM-DD" */
  startDate: string;
  /** "YYYY-MM-DD", inclusive */
  endDate: string;
  reason: string;
}

const DAY_MINUTES = 24 * 60;

/** The windows that apply to a physical room: its own rows if it has any, else the centre's. */
export function windowsForRoom(rows: OpeningWindow[], roomId: string): OpeningWindow[] {
  const own = rows.filter((row) => row.roomId === roomId);
  return own.length > 0 ? own : rows.filter((row) => row.roomId === null);
}

/** One day's windows, sorted and with touching windows joined (09–12 + 12–17 = 09–17). */
function dayWindows(windows: OpeningWindow[], weekday: number): [number, number][] {
  const sorted = windows
    .filter((window) => window.weekday === weekday)
    .map((window) => [window.opensMinute, window.closesMinute] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const window of sorted) {
    const last = joined.at(-1);
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else joined.push([...window]);
  }
  return joined;
}

/** Each local day an interval touches, with the minutes it takes of that day. */
export function daySegments(
  startWall: Date,
  endWall: Date,
): { localDate: string; weekday: number; from: number; to: number }[] {
  const segments: { localDate: string; weekday: number; from: number; to: number }[] = [];
  let day = parseLocalDate(formatLocalDate(startWall))!;
  while (day < endWall) {
    const next = addWallClockDays(day, 1);
    const from = startWall > day ? minuteOfDay(startWall) : 0;
    const to = endWall < next ? minuteOfDay(endWall) : DAY_MINUTES;
    if (to > from) segments.push({ localDate: formatLocalDate(day), weekday: isoWeekday(day), from, to });
    day = next;
  }
  return segments;
}

/** True when the whole wall-clock interval [start, end) falls inside the open windows. */
export function isWithinOpeningHours(windows: OpeningWindow[], startWall: Date, endWall: Date): boolean {
  return daySegments(startWall, endWall).every((segment) =>
    dayWindows(windows, segment.weekday).some(([opens, closes]) => opens <= segment.from && segment.to <= closes),
  );
}

/** The open windows of a local date for a room, as minutes of the day. */
export function openWindowsOn(windows: OpeningWindow[], localDate: string): [number, number][] {
  return dayWindows(windows, isoWeekday(parseLocalDate(localDate)!));
}

/** The closures that hit the wall-clock interval for any of `roomIds` (or the whole centre). */
export function closuresHit(
  closures: ClosureRange[],
  roomIds: string[],
  startWall: Date,
  endWall: Date,
): ClosureRange[] {
  const days = daySegments(startWall, endWall).map((segment) => segment.localDate);
  return closures.filter(
    (closure) =>
      (closure.roomId === null || roomIds.includes(closure.roomId)) &&
      days.some((day) => closure.startDate <= day && day <= closure.endDate),
  );
}
