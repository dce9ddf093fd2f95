import { db } from "~/db/client.server";
import { Prisma, type DayPart, type Tier } from "~/generated/prisma/client";
import { formatLocalDate } from "../time/time-zone";
import { buildCalendar, type BookedInterval, type Calendar, type CentreCalendarInput } from "./calendar";
import { plusDays, type ReportPeriod } from "./period";

/**
 * Booked and open hours from the database (see docs/report-definitions.md).
 *
 * What counts as booked: the use time (starts_at..ends_at, never the buffers) of every active
 * room claim whose date is active and whose booking is CONFIRMED. A combination's date has one
 * claim per physical room, so it counts for each. PENDING requests hold their slot but are not
 * counted: they may still be declined (docs/decisions/040-report-definitions.md).
 *
 * Local midnights and opening hours become instants in calendar.ts (with the zone database);
 * one aggregate query per time zone sums the use per room, month, tier and paid/free, cutting
 * a claim at the first midnight of a month when it runs past it.
 */

interface ScopeRoom {
  id: string;
  centreId: string;
  name: string;
  kind: "ROOM" | "COMBINATION";
  active: boolean;
  sortOrder: number;
  /** for a combination: its physical rooms */
  memberIds: string[];
}

export interface ScopeCentre {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  rooms: ScopeRoom[];
  dayParts: { dayPart: DayPart; startMinute: number; endMinute: number }[];
  calendarInput: CentreCalendarInput;
}

/** Centres with their rooms, opening hours, closures and day parts (small tables). */
export async function loadScope(centreIds: string[], period: ReportPeriod): Promise<ScopeCentre[]> {
  const firstDay = new Date(`${plusDays(period.from, -1)}T00:00:00Z`);
  const lastDay = new Date(`${period.to}T00:00:00Z`);
  const centres = await db().centre.findMany({
    where: { id: { in: centreIds } },
    orderBy: { name: "asc" },
    include: {
      rooms: { include: { members: { select: { roomId: true } } }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] },
      openingHours: true,
      closures: { where: { endDate: { gte: firstDay }, startDate: { lte: lastDay } } },
      dayParts: { orderBy: { startMinute: "asc" } },
    },
  });
  return centres.map((centre) => {
    const rooms: ScopeRoom[] = centre.rooms.map((room) => ({
      id: room.id,
      centreId: centre.id,
      name: room.name,
      kind: room.kind,
      active: room.active,
      sortOrder: room.sortOrder,
      memberIds: room.members.map((member) => member.roomId),
    }));
    return {
      id: centre.id,
      slug: centre.slug,
      name: centre.name,
      timeZone: centre.timeZone,
      rooms,
      dayParts: centre.dayParts.map(({ dayPart, startMinute, endMinute }) => ({ dayPart, startMinute, endMinute })),
      calendarInput: {
        centreId: centre.id,
        timeZone: centre.timeZone,
        rooms: rooms.filter((room) => room.kind === "ROOM").map((room) => ({ id: room.id })),
        openingHours: centre.openingHours.map(({ roomId, weekday, opensMinute, closesMinute }) => ({
          roomId,
          weekday,
          opensMinute,
          closesMinute,
        })),
        closures: centre.closures.map((closure) => ({
          id: closure.id,
          roomId: closure.roomId,
          startDate: formatLocalDate(closure.startDate),
          endDate: formatLocalDate(closure.endDate),
          reason: closure.reason,
        })),
      },
    };
  });
}

/** Booked seconds of one physical room in one month of the period, for one tier, paid or free. */
interface BookedCell {
  roomId: string;
  /** index into monthsOf(period) */
  month: number;
  tier: Tier;
  paid: boolean;
  /** use time inside the period, in seconds */
  useSeconds: number;
}

interface AggregateRow {
  room_id: string;
  month: number;
  tier: Tier;
  paid: boolean;
  use_this: number;
  use_next: number;
}

/**
 * The use that counts, per physical room, clipped to [from, to) of the calendar, as epoch
 * seconds: every date that takes place of a confirmed booking. A date in a single room is read
 * from the occurrence itself (its room claim has the same room and times); only dates in a
 * combination go through their room claims, one per member room as it was when booked. That
 * keeps the big join of claims to occurrences out of the aggregate (about half the time).
 * A date lasts at most a day (bookings are at most 24 hours), so looking two days back for
 * dates that run into the period keeps the index on (centre_id, starts_at) usable.
 */
function countedClaims(calendar: Calendar, centreIds: string[]) {
  const from = calendar.days[0]!.start;
  const to = calendar.days.at(-1)!.end;
  const fromAt = new Date(from).toISOString();
  const toAt = new Date(to).toISOString();
  const clipped = (starts: Prisma.Sql, ends: Prisma.Sql) => Prisma.sql`
           greatest(date_part('epoch', ${starts}), ${from / 1000}::float8) AS s,
           least(date_part('epoch', ${ends}), ${to / 1000}::float8) AS e`;
  const dates = (kind: "ROOM" | "COMBINATION", claims: Prisma.Sql) => Prisma.sql`
    FROM occurrences o
    JOIN bookings b ON b.id = o.booking_id
    JOIN rooms r ON r.id = o.room_id AND r.kind = ${kind}::"RoomKind"${claims}
    WHERE o.centre_id = ANY(${centreIds}::uuid[]) AND o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
      AND o.starts_at < ${toAt}::timestamptz AND o.ends_at > ${fromAt}::timestamptz
      AND o.starts_at >= ${fromAt}::timestamptz - interval '2 days'${
        // For a few centres, the same bound on the bookings lets the planner use their per-centre
        // index; across many centres that extra test only costs time.
        centreIds.length <= 3
          ? Prisma.sql`
      AND b.centre_id = ANY(${centreIds}::uuid[])`
          : Prisma.empty
      }`;
  return Prisma.sql`
    SELECT o.room_id, b.tier, (o.price_excl_cents > 0) AS paid, ${clipped(Prisma.sql`o.starts_at`, Prisma.sql`o.ends_at`)}
    ${dates("ROOM", Prisma.empty)}
    UNION ALL
    SELECT rc.room_id, b.tier, (o.price_excl_cents > 0) AS paid, ${clipped(Prisma.sql`rc.starts_at`, Prisma.sql`rc.ends_at`)}
    ${dates(
      "COMBINATION",
      Prisma.sql`
    JOIN room_claims rc ON rc.occurrence_id = o.id AND rc.active`,
    )}`;
}

/** Epoch seconds of the first midnight of every month of the period, and of the period's end. */
function monthBounds(calendar: Calendar): number[] {
  const bounds: number[] = [];
  calendar.days.forEach((day, index) => {
    if (index === 0 || day.date.endsWith("-01")) bounds.push(day.start / 1000);
  });
  bounds.push(calendar.days.at(-1)!.end / 1000);
  return bounds;
}

/**
 * The aggregate query for the centres of one calendar (exported for the benchmark): use
 * seconds per room, tier and paid/free, and with `byMonth` also per month. A claim that runs
 * past a month's last midnight is then split there (`use_next` belongs to the following month).
 * Without months (the municipality's side-by-side view needs none) the grouping is cheaper.
 */
function occupancySql(calendar: Calendar, options: { byMonth: boolean } = { byMonth: true }): Prisma.Sql {
  const centreIds = [...new Set(calendar.profiles.map((profile) => profile.centreId))];
  if (!options.byMonth) {
    return Prisma.sql`
      SELECT room_id::text AS room_id, 0 AS month, tier::text AS tier, paid, use_this, 0 AS use_next
      FROM (
        SELECT c.room_id, c.tier, c.paid, sum(c.e - c.s) AS use_this
        FROM (${countedClaims(calendar, centreIds)}) c
        GROUP BY 1, 2, 3
      ) totals`;
  }
  const bounds = monthBounds(calendar);
  return Prisma.sql`
    SELECT room_id::text AS room_id, month, tier::text AS tier, paid, use_this, use_next
    FROM (
      SELECT c.room_id, m.month, c.tier, c.paid,
             sum(least(c.e, m.month_end) - c.s) AS use_this,
             sum(greatest(c.e - m.month_end, 0)) AS use_next
      FROM (${countedClaims(calendar, centreIds)}) c
      CROSS JOIN LATERAL (
        SELECT width_bucket(c.s, ${bounds}::float8[]) - 1 AS month,
               (${bounds}::float8[])[width_bucket(c.s, ${bounds}::float8[]) + 1] AS month_end
      ) m
      GROUP BY 1, 2, 3, 4
    ) totals`;
}

/**
 * Runs a report query in a transaction tuned for one big aggregate: enough working memory for
 * its hash joins, no JIT compilation (it costs more than it saves here) and parallel workers
 * even when the planner's default costs would keep the scan on one core.
 */
export async function reportQuery<T>(query: Prisma.Sql): Promise<T> {
  const [, rows] = await db().$transaction([
    db().$executeRawUnsafe(
      "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; SET LOCAL parallel_setup_cost = 10; SET LOCAL parallel_tuple_cost = 0.001",
    ),
    db().$queryRaw<T>(query),
  ]);
  return rows as T;
}

export interface OccupancyData {
  period: ReportPeriod;
  calendars: Calendar[];
  /** with months: false, every cell has month 0 and stands for the whole period */
  booked: BookedCell[];
  byMonth: boolean;
}

/**
 * Booked seconds per physical room, tier and paid/free (and month, unless `byMonth` is false)
 * for every centre in `centres` over `period`, plus the calendars that say when each room was open.
 */
export async function loadOccupancy(
  centres: ScopeCentre[],
  period: ReportPeriod,
  options: { byMonth: boolean } = { byMonth: true },
): Promise<OccupancyData> {
  const byZone = new Map<string, ScopeCentre[]>();
  for (const centre of centres) byZone.set(centre.timeZone, [...(byZone.get(centre.timeZone) ?? []), centre]);
  const calendars: Calendar[] = [];
  let key = 0;
  for (const [timeZone, group] of byZone) {
    const calendar = buildCalendar(
      timeZone,
      period,
      group.map((centre) => centre.calendarInput),
      key,
    );
    key += calendar.profiles.length;
    calendars.push(calendar);
  }
  const results = await Promise.all(
    calendars.map(async (calendar) => {
      if (calendar.profiles.length === 0 || calendar.days.length === 0) return [];
      const rows = await reportQuery<AggregateRow[]>(occupancySql(calendar, options));
      const cells = new Map<string, BookedCell>();
      const add = (row: AggregateRow, month: number, seconds: number) => {
        if (seconds <= 0) return;
        const id = `${row.room_id}|${month}|${row.tier}|${row.paid}`;
        const cell = cells.get(id) ?? { roomId: row.room_id, month, tier: row.tier, paid: row.paid, useSeconds: 0 };
        cell.useSeconds += seconds;
        cells.set(id, cell);
      };
      for (const row of rows) {
        add(row, row.month, Number(row.use_this));
        add(row, row.month + 1, Number(row.use_next));
      }
      return [...cells.values()];
    }),
  );
  return { period, calendars, booked: results.flat(), byMonth: options.byMonth };
}

/**
 * The booked intervals of one centre's rooms in the period (clipped), for the weekday × hour
 * grid, the day parts and the hours outside opening hours, which calendar.ts cuts along the clock.
 */
export async function loadBookedIntervals(calendar: Calendar, centreId: string): Promise<BookedInterval[]> {
  if (calendar.days.length === 0) return [];
  const rows = await reportQuery<{ room_id: string; s: number; e: number }[]>(Prisma.sql`
    SELECT c.room_id::text AS room_id, c.s, c.e FROM (${countedClaims(calendar, [centreId])}) c WHERE c.e > c.s`);
  return rows.map((row) => {
    const start = Number(row.s) * 1000;
    return { roomId: row.room_id, day: dayIndexAt(calendar, start), start, end: Number(row.e) * 1000 };
  });
}

/** Index of the calendar day that holds `instant` (epoch ms), by binary search. */
function dayIndexAt(calendar: Calendar, instant: number): number {
  let low = 0;
  let high = calendar.days.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (calendar.days[middle]!.start <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}
