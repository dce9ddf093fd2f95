import { db, readTogether, type Tx } from "~/db/client.server";
import type { Facility, Tier } from "~/generated/prisma/client";
import { claimsFor, MAX_DATES_PER_BOOKING, planOccurrences, type PlannedOccurrence } from "./occurrences";
import {
  closuresHit,
  isWithinOpeningHours,
  openWindowsOn,
  windowsForRoom,
  type ClosureRange,
  type OpeningWindow,
} from "../centre/opening-hours";
import { listSpaces, loadSpace, spaceFits, type BookableSpace } from "../centre/rooms.server";
import {
  addWallClockMinutes,
  formatLocalDate,
  fromWallClock,
  isoWeekday,
  parseLocalDate,
  toWallClock,
} from "../time/time-zone";

/**
 * Conflicts of a proposed booking, checked on EVERY date: against other active room claims
 * (buffers included; a combination and its rooms block each other because claims are per
 * physical room), against the opening hours (the activity itself must fall inside them; set-up
 * and clean-up may not overlap other claims but may run outside opening hours) and against
 * closures. One query finds every clashing claim for all dates at once.
 */

type ConflictReason = "room-taken" | "outside-opening-hours" | "closed";

export interface Conflict {
  /** the date's wall-clock start as the pattern gives it ("YYYY-MM-DDTHH:mm") */
  localStart: string;
  startsAt: Date;
  endsAt: Date;
  reason: ConflictReason;
  /** the booking in the way, as much as the asker may see of it */
  other?: {
    bookingId: string | null;
    title: string | null;
    organisation: string | null;
    room: string;
    startsAt: Date;
    endsAt: Date;
  };
  /** for the server only (never send it to a browser): the date in the way, to decide on bumping */
  holder?: { occurrenceId: string; bookingId: string; tier: Tier; firmAt: Date | null };
  closure?: { reason: string; startDate: string; endDate: string };
}

/** Who asks: managers see what is in the way; an organisation sees its own bookings and "taken" otherwise. */
export interface Viewer {
  seesDetails: boolean;
  organisationId?: string | null;
}

export interface Proposal {
  /** a room or combination */
  roomId: string;
  rrule: string | null;
  localStart: string;
  durationMinutes: number;
  exdates?: string[];
  /** materialise up to here (series without an end) */
  until?: Date;
  /** an existing booking being changed: its own claims are not in the way */
  excludeBookingId?: string;
  /** dates being moved: their own claims are not in the way */
  excludeOccurrenceIds?: string[];
  /** check these dates instead of expanding the pattern */
  dates?: PlannedOccurrence[];
}

export interface CentreCalendar {
  timeZone: string;
  openingHours: OpeningWindow[];
  closures: ClosureRange[];
}

interface ClaimRow {
  idx: number;
  occurrence_id: string;
  firm_at: Date | null;
  tier: Tier;
  room_id: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  block_starts_at: Date;
  block_ends_at: Date;
  booking_id: string;
  title: string;
  organisation_id: string;
  organisation: string;
}

/** Opening hours and closures of a centre (closures from `from` on). */
export async function loadCentreCalendar(client: Tx, centreId: string, from?: Date): Promise<CentreCalendar> {
  const [centre, openingHours, closures] = await readTogether(client, [
    () => client.centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } }),
    () => client.openingHours.findMany({ where: { centreId } }),
    () =>
      client.closure.findMany({
        // a day of margin either side of `from` covers every time zone
        where: { centreId, ...(from ? { endDate: { gte: new Date(from.getTime() - 24 * 60 * 60 * 1000) } } : {}) },
      }),
  ]);
  return {
    timeZone: centre.timeZone,
    openingHours: openingHours.map(({ roomId, weekday, opensMinute, closesMinute }) => ({
      roomId,
      weekday,
      opensMinute,
      closesMinute,
    })),
    closures: closures.map((closure) => ({
      id: closure.id,
      roomId: closure.roomId,
      startDate: formatLocalDate(closure.startDate),
      endDate: formatLocalDate(closure.endDate),
      reason: closure.reason,
    })),
  };
}

/**
 * Active claims in `roomIds` overlapping each block (index = position in `blocks`). One query
 * for any number of dates. It probes the exclusion constraint's GiST index once per date and
 * room: the LATERAL subquery with OFFSET 0 keeps the planner from turning this into a scan of
 * every claim of the room (it guesses too few dates), and GiST cannot use `room_id = ANY(...)`.
 */
async function overlappingClaims(
  client: Tx,
  centreId: string,
  roomIds: string[],
  blocks: { start: Date; end: Date }[],
  exclude: { bookingId?: string; occurrenceIds?: string[] } = {},
): Promise<ClaimRow[]> {
  if (blocks.length === 0 || roomIds.length === 0) return [];
  return client.$queryRaw<ClaimRow[]>`
    SELECT (p.idx - 1)::int AS idx, c.room_id::text, r.name AS room_name, c.starts_at, c.ends_at,
           c.block_starts_at, c.block_ends_at, o.booking_id::text, o.id::text AS occurrence_id, o.firm_at,
           b.tier::text AS tier, b.title,
           b.organisation_id::text, org.name AS organisation
    FROM unnest(${blocks.map((block) => block.start.toISOString())}::timestamptz[],
                ${blocks.map((block) => block.end.toISOString())}::timestamptz[]) WITH ORDINALITY AS p(block_start, block_end, idx)
    CROSS JOIN unnest(${roomIds}::uuid[]) AS wanted(room_id)
    CROSS JOIN LATERAL (
      SELECT * FROM room_claims c
      WHERE c.room_id = wanted.room_id AND c.active
        AND tstzrange(c.block_starts_at, c.block_ends_at, '[)') && tstzrange(p.block_start, p.block_end, '[)')
      OFFSET 0
    ) c
    JOIN occurrences o ON o.id = c.occurrence_id
    JOIN bookings b ON b.id = o.booking_id
    JOIN organisations org ON org.id = b.organisation_id
    JOIN rooms r ON r.id = c.room_id
    WHERE c.centre_id = ${centreId}::uuid
      AND (${exclude.bookingId ?? null}::uuid IS NULL OR o.booking_id <> ${exclude.bookingId ?? null}::uuid)
      AND NOT (o.id = ANY(${exclude.occurrenceIds ?? []}::uuid[]))
    ORDER BY p.idx, c.starts_at`;
}

function describeOther(row: ClaimRow, viewer: Viewer): NonNullable<Conflict["other"]> {
  const visible =
    viewer.seesDetails || (viewer.organisationId != null && viewer.organisationId === row.organisation_id);
  return {
    bookingId: visible ? row.booking_id : null,
    title: visible ? row.title : null,
    organisation: visible ? row.organisation : null,
    room: row.room_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}

/** Checks dates of `space` against opening hours and closures (in memory). */
function calendarConflicts(calendar: CentreCalendar, space: BookableSpace, dates: PlannedOccurrence[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const windowsPerRoom = space.physicalRoomIds.map((roomId) => windowsForRoom(calendar.openingHours, roomId));
  for (const date of dates) {
    const startWall = toWallClock(date.startsAt, calendar.timeZone);
    const endWall = toWallClock(date.endsAt, calendar.timeZone);
    const base = { localStart: date.originalLocalStart, startsAt: date.startsAt, endsAt: date.endsAt };
    const closure = closuresHit(calendar.closures, [space.id, ...space.physicalRoomIds], startWall, endWall)[0];
    if (closure) {
      conflicts.push({
        ...base,
        reason: "closed",
        closure: { reason: closure.reason, startDate: closure.startDate, endDate: closure.endDate },
      });
    } else if (!windowsPerRoom.every((windows) => isWithinOpeningHours(windows, startWall, endWall))) {
      conflicts.push({ ...base, reason: "outside-opening-hours" });
    }
  }
  return conflicts;
}

/** The dates a proposal gives, planned for its space (no database writes). */
function planProposal(
  proposal: Proposal,
  space: BookableSpace,
  timeZone: string,
  limit = MAX_DATES_PER_BOOKING + 1,
): PlannedOccurrence[] {
  if (proposal.dates) {
    return proposal.dates.map((date) => ({ ...date, claims: claimsFor(space, date.startsAt, date.endsAt) }));
  }
  return planOccurrences(
    { rrule: proposal.rrule, localStart: proposal.localStart, durationMinutes: proposal.durationMinutes, timeZone },
    space,
    { to: proposal.until, exdates: proposal.exdates, limit },
  );
}

/**
 * Every conflict of a proposal, date by date, sorted by date. Contract: returns the planned
 * dates too; a date may have several conflicts (taken and outside hours are reported apart).
 */
export async function findConflicts(
  centreId: string,
  proposal: Proposal,
  viewer: Viewer,
  client: Tx = db(),
  /** what the caller has loaded already: the proposal's space, the centre's calendar */
  known: { space?: BookableSpace; calendar?: CentreCalendar } = {},
): Promise<{ space: BookableSpace; dates: PlannedOccurrence[]; conflicts: Conflict[]; calendar: CentreCalendar }> {
  const [space, calendar] = await readTogether(client, [
    async () =>
      known.space && known.space.id === proposal.roomId ? known.space : loadSpace(client, centreId, proposal.roomId),
    async () => known.calendar ?? loadCentreCalendar(client, centreId),
  ]);
  const dates = planProposal(proposal, space, calendar.timeZone);
  const claimsQuery = overlappingClaims(
    client,
    centreId,
    space.physicalRoomIds,
    dates.map((date) => ({ start: date.claims[0]!.blockStartsAt, end: date.claims[0]!.blockEndsAt })),
    { bookingId: proposal.excludeBookingId, occurrenceIds: proposal.excludeOccurrenceIds },
  );
  const conflicts = calendarConflicts(calendar, space, dates);
  const rows = await claimsQuery;
  const seen = new Set<string>();
  for (const row of rows) {
    const date = dates[row.idx]!;
    const key = `${row.idx}:${row.booking_id}`;
    if (seen.has(key)) continue; // a combination booking in the way claims two of our rooms
    seen.add(key);
    conflicts.push({
      localStart: date.originalLocalStart,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      reason: "room-taken",
      other: describeOther(row, viewer),
      holder: { occurrenceId: row.occurrence_id, bookingId: row.booking_id, tier: row.tier, firmAt: row.firm_at },
    });
  }
  conflicts.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.reason.localeCompare(b.reason));
  return { space, dates, conflicts, calendar };
}

// ─── Alternatives for the dates that clash ──────────────────────────────────

export interface RoomAlternative {
  roomId: string;
  name: string;
  capacity: number;
  /** the clashing dates (localStart) this room is free on */
  freeOn: string[];
}

export interface TimeAlternative {
  localStart: string;
  startsAt: Date;
  endsAt: Date;
  /** minutes later (positive) or earlier (negative) than asked */
  shiftMinutes: number;
}

const STEP_MINUTES = 15;

/**
 * For the clashing dates of a proposal: other rooms that fit the group and are free on them
 * (those free on all of them first), and for each date the nearest free start on the same day
 * in the same room (within opening hours, not closed, buffers included).
 */
export async function suggestAlternatives(
  centreId: string,
  proposal: Proposal,
  clashing: PlannedOccurrence[],
  needs: { attendees?: number; facilities?: Facility[]; stepFree?: boolean },
  client: Tx = db(),
  /** weekly windows the suggested times must stay out of (e.g. community hours for commercial hire) */
  avoid: { weekday: number; startMinute: number; endMinute: number }[] = [],
  /** the centre's calendar when the caller has loaded it already */
  knownCalendar?: CentreCalendar,
): Promise<{ rooms: RoomAlternative[]; times: TimeAlternative[] }> {
  if (clashing.length === 0) return { rooms: [], times: [] };
  const calendar = knownCalendar ?? (await loadCentreCalendar(client, centreId));
  const spaces = await listSpaces(client, centreId);
  const original =
    spaces.find((space) => space.id === proposal.roomId) ?? (await loadSpace(client, centreId, proposal.roomId));

  // Other rooms: check each candidate on the clashing dates, with its own buffers.
  const candidates = spaces.filter((space) => space.id !== original.id && spaceFits(space, needs));
  const rooms: RoomAlternative[] = [];
  for (const candidate of candidates) {
    const dates = clashing.map((date) => ({ ...date, claims: claimsFor(candidate, date.startsAt, date.endsAt) }));
    const blocked = new Set<number>();
    calendarConflicts(calendar, candidate, dates).forEach((conflict) =>
      blocked.add(dates.findIndex((d) => d.originalLocalStart === conflict.localStart)),
    );
    const rows = await overlappingClaims(
      client,
      centreId,
      candidate.physicalRoomIds,
      dates.map((date) => ({ start: date.claims[0]!.blockStartsAt, end: date.claims[0]!.blockEndsAt })),
      { bookingId: proposal.excludeBookingId, occurrenceIds: proposal.excludeOccurrenceIds },
    );
    rows.forEach((row) => blocked.add(row.idx));
    const freeOn = dates.filter((_, index) => !blocked.has(index)).map((date) => date.originalLocalStart);
    if (freeOn.length > 0)
      rooms.push({ roomId: candidate.id, name: candidate.name, capacity: candidate.capacity, freeOn });
  }
  rooms.sort((a, b) => b.freeOn.length - a.freeOn.length || a.capacity - b.capacity);

  // Same room, nearest free start on the same day.
  const times: TimeAlternative[] = [];
  const windowsPerRoom = original.physicalRoomIds.map((roomId) => windowsForRoom(calendar.openingHours, roomId));
  for (const date of clashing) {
    const startWall = toWallClock(date.startsAt, calendar.timeZone);
    const localDate = formatLocalDate(startWall);
    const dayStart = parseLocalDate(localDate)!;
    const windows = openWindowsOn(windowsPerRoom[0]!, localDate);
    const duration = Math.round((date.endsAt.getTime() - date.startsAt.getTime()) / 60_000);
    const askedMinute = startWall.getUTCHours() * 60 + startWall.getUTCMinutes();
    const candidatesOfDay: { start: Date; end: Date; shift: number }[] = [];
    const weekday = isoWeekday(dayStart);
    const avoided = avoid.filter((window) => window.weekday === weekday);
    for (const [opens, closes] of windows) {
      for (let minute = opens; minute + duration <= closes; minute += STEP_MINUTES) {
        if (minute === askedMinute) continue;
        if (avoided.some((window) => minute < window.endMinute && window.startMinute < minute + duration)) continue;
        const start = fromWallClock(addWallClockMinutes(dayStart, minute), calendar.timeZone);
        candidatesOfDay.push({
          start,
          end: new Date(start.getTime() + duration * 60_000),
          shift: minute - askedMinute,
        });
      }
    }
    candidatesOfDay.sort((a, b) => Math.abs(a.shift) - Math.abs(b.shift) || a.shift - b.shift);
    const usable = candidatesOfDay.filter((candidate) => {
      const plan = [
        {
          originalLocalStart: date.originalLocalStart,
          startsAt: candidate.start,
          endsAt: candidate.end,
          claims: claimsFor(original, candidate.start, candidate.end),
        },
      ];
      return calendarConflicts(calendar, original, plan).length === 0;
    });
    if (usable.length === 0) continue;
    const rows = await overlappingClaims(
      client,
      centreId,
      original.physicalRoomIds,
      usable.map((candidate) => {
        const claim = claimsFor(original, candidate.start, candidate.end)[0]!;
        return { start: claim.blockStartsAt, end: claim.blockEndsAt };
      }),
      { bookingId: proposal.excludeBookingId, occurrenceIds: proposal.excludeOccurrenceIds },
    );
    const taken = new Set(rows.map((row) => row.idx));
    const free = usable.findIndex((_, index) => !taken.has(index));
    if (free >= 0) {
      const best = usable[free]!;
      times.push({
        localStart: date.originalLocalStart,
        startsAt: best.start,
        endsAt: best.end,
        shiftMinutes: best.shift,
      });
    }
  }
  return { rooms, times };
}
