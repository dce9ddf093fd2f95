import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICIES } from "~/domain/centre/defaults";
import { publicHolidayOn } from "~/domain/time/holidays";
import { planOccurrences, type PlannedOccurrence } from "~/domain/bookings/occurrences";
import { closuresHit, isWithinOpeningHours, windowsForRoom } from "~/domain/centre/opening-hours";
import { parseRule } from "~/domain/time/recurrence";
import {
  addWallClockDays,
  formatLocalDate,
  fromWallClock,
  localDateTimeAt,
  parseLocalDate,
  parseWallClock,
  toWallClock,
} from "~/domain/time/time-zone";
import {
  DEMO_ZONE,
  demoCentre,
  demoClosureRanges,
  demoSpace,
  planDemo,
  type DemoBooking,
  type DemoPlan,
} from "../../prisma/demo-plan";

/**
 * The demo must load on any day. For every day of two years (two moments each: just after
 * midnight and late in the evening, local time) the demo is planned and each of its dates is held
 * against the rules the booking engine applies, with the engine's own pure functions: a one-off
 * may not fall in a closure, on a public holiday or outside the opening hours; a series may skip
 * closed days but every date it keeps must be inside the opening hours; and no two dates that
 * take place may claim one physical room at once (a combination claims its member rooms; set-up
 * and clean-up buffers count), which the database's exclusion constraint would refuse.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The engine's materialisation: a series without an end runs to now + the tier's horizon (materialiseUntil). */
function materialisedUntil(booking: DemoBooking, now: Date): Date | undefined {
  if (!booking.rrule) return undefined;
  const rule = parseRule(booking.rrule);
  return rule.hasCount || rule.until
    ? undefined
    : new Date(now.getTime() + DEFAULT_TIER_POLICIES[booking.tier].bookingHorizonDays * DAY_MS);
}

/** A date of a pattern with what does not change from plan to plan worked out once. */
interface CheckedDate {
  date: PlannedOccurrence;
  startWall: Date;
  endWall: Date;
  insideOpeningHours: boolean;
}

// Expanding patterns and checking opening hours are the slow parts, and a series keeps its pattern
// for a year (its start moves each January): both are done once per pattern, closures once per set.
const expansions = new Map<string, CheckedDate[]>();
const closedDates = new Map<string, (string | undefined)[]>();

function datesOf(plan: DemoPlan, booking: DemoBooking): { key: string; dates: CheckedDate[] } {
  const key = `${booking.centre}|${booking.room}|${booking.rrule}|${booking.localStart}|${booking.durationMinutes}`;
  let dates = expansions.get(key);
  if (!dates) {
    const space = demoSpace(plan, booking.room);
    const openingHours = demoCentre(plan, booking.centre).openingHours;
    const pattern = {
      rrule: booking.rrule,
      localStart: booking.localStart,
      durationMinutes: booking.durationMinutes,
      timeZone: DEMO_ZONE,
    };
    dates = planOccurrences(pattern, space, { to: new Date("2031-01-01T00:00:00Z"), limit: 5000 }).map((date) => {
      const startWall = toWallClock(date.startsAt, DEMO_ZONE);
      const endWall = toWallClock(date.endsAt, DEMO_ZONE);
      const insideOpeningHours = space.physicalRoomIds.every((room) =>
        isWithinOpeningHours(windowsForRoom(openingHours, room), startWall, endWall),
      );
      return { date, startWall, endWall, insideOpeningHours };
    });
    expansions.set(key, dates);
  }
  const until = materialisedUntil(booking, plan.now);
  return { key, dates: until ? dates.filter(({ date }) => date.startsAt < until) : dates };
}

/** The closure (reason) each date of a pattern falls in, if any. */
function closuresOf(
  plan: DemoPlan,
  booking: DemoBooking,
  pattern: { key: string; dates: CheckedDate[] },
): (string | undefined)[] {
  const space = demoSpace(plan, booking.room);
  const rooms = [space.id, ...space.physicalRoomIds];
  // only the closures of the centre and of these rooms: a week of maintenance elsewhere changes nothing here
  const closures = demoClosureRanges(plan, booking.centre).filter(
    (closure) => closure.roomId === null || rooms.includes(closure.roomId),
  );
  const key = `${pattern.key}|${JSON.stringify(closures)}`;
  let reasons = closedDates.get(key);
  if (!reasons) {
    reasons = expansions
      .get(pattern.key)!
      .map(({ startWall, endWall }) => closuresHit(closures, rooms, startWall, endWall)[0]?.reason);
    closedDates.set(key, reasons);
  }
  return reasons;
}

/** Every refusal the engine (or the demo's own rule: no one-off on a public holiday) would give this plan. */
function refusals(plan: DemoPlan): string[] {
  const found: string[] = [];
  const claims: { room: string; start: number; end: number; booking: DemoBooking; date: PlannedOccurrence }[] = [];
  const what = (booking: DemoBooking, date: PlannedOccurrence) =>
    `${booking.title} on ${localDateTimeAt(date.startsAt, DEMO_ZONE)}`;
  for (const booking of plan.bookings) {
    const pattern = datesOf(plan, booking);
    const closed = closuresOf(plan, booking, pattern);
    pattern.dates.forEach(({ date, startWall, insideOpeningHours }, index) => {
      const closure = closed[index];
      if (closure && booking.rrule) return; // the series keeps this date as an exception
      if (closure) found.push(`${what(booking, date)}: closed (${closure})`);
      if (!booking.rrule && publicHolidayOn(formatLocalDate(startWall)))
        found.push(`${what(booking, date)}: public holiday`);
      if (!insideOpeningHours) found.push(`${what(booking, date)}: outside the opening hours`);
      for (const claim of date.claims) {
        claims.push({
          room: claim.roomId,
          start: claim.blockStartsAt.getTime(),
          end: claim.blockEndsAt.getTime(),
          booking,
          date,
        });
      }
    });
  }
  claims.sort((a, b) => (a.room < b.room ? -1 : a.room > b.room ? 1 : a.start - b.start));
  for (let index = 1; index < claims.length; index++) {
    const [before, after] = [claims[index - 1]!, claims[index]!];
    if (before.room === after.room && after.start < before.end) {
      found.push(`${what(after.booking, after.date)}: overlaps ${what(before.booking, before.date)} in ${after.room}`);
    }
  }
  return found.map((refusal) => `planned on ${plan.today}: ${refusal}`);
}

/** Local wall-clock moments of every day from `first` up to and including `last`. */
function everyDay(first: string, last: string, times: string[]): Date[] {
  const moments: Date[] = [];
  for (let day = parseLocalDate(first)!; formatLocalDate(day) <= last; day = addWallClockDays(day, 1)) {
    for (const time of times)
      moments.push(fromWallClock(parseWallClock(`${formatLocalDate(day)}T${time}`)!, DEMO_ZONE));
  }
  return moments;
}

describe("the demo's plan", () => {
  it("passes every rule of the engine on every day from December 2026 to December 2028", () => {
    const moments = everyDay("2026-12-01", "2028-12-31", ["00:05", "23:55"]);
    const days = new Set(moments.map((moment) => localDateTimeAt(moment, DEMO_ZONE).slice(0, 10)));
    // the days that broke the old demo or are easy to get wrong are all in it
    for (const day of [
      "2026-12-24",
      "2026-12-31",
      "2027-03-28",
      "2027-10-31",
      "2027-12-24",
      "2027-12-31",
      "2028-02-29",
      "2028-03-26",
      "2028-10-29",
    ]) {
      expect(days.has(day), day).toBe(true);
    }
    const found = moments.flatMap((now) => refusals(planDemo(now)));
    expect(found.slice(0, 20)).toEqual([]);
  }, 60_000);

  it("would catch a one-off in the Christmas closure, a date outside the opening hours and an overlap", () => {
    const plan = planDemo(new Date("2027-03-10T08:30:00Z"));
    const party = plan.bookings.find((booking) => booking.title === "Verjaardagsfeest")!;
    const broken: DemoPlan = {
      ...plan,
      bookings: [
        ...plan.bookings,
        { ...party, localStart: "2027-12-25T18:00" },
        { ...party, title: "Nachtfeest", localStart: "2027-04-03T22:00" },
        { ...party, title: "Bridge in de grote zaal", localStart: "2027-03-15T13:00", durationMinutes: 60 },
      ],
    };
    expect(refusals(broken)).toEqual([
      "planned on 2027-03-10: Verjaardagsfeest on 2027-12-25T18:00: closed (Kerstsluiting)",
      "planned on 2027-03-10: Verjaardagsfeest on 2027-12-25T18:00: public holiday",
      "planned on 2027-03-10: Nachtfeest on 2027-04-03T22:00: outside the opening hours",
      "planned on 2027-03-10: Bridgeclub on 2027-03-15T13:30: overlaps Bridge in de grote zaal on 2027-03-15T13:00 in zaal-a",
    ]);
  });

  it("moves a one-off that Christmas would refuse to the same weekday after the closure", () => {
    const plan = planDemo(fromWallClock(parseWallClock("2026-12-24T18:00")!, DEMO_ZONE));
    const meeting = plan.bookings.find((booking) => booking.title === "Bestuursvergadering koor")!;
    expect(meeting.movedFrom).toEqual({ localStart: "2026-12-31T19:30", refusal: "closed (Kerstsluiting)" });
    expect(meeting.localStart).toBe("2027-01-07T19:30");
    const party = plan.bookings.find((booking) => booking.title === "Verjaardagsfeest")!;
    expect([party.localStart, party.movedFrom]).toEqual(["2027-01-09T18:00", undefined]);
  });

  it("moves a one-off off a public holiday (Ascension Day is a Thursday)", () => {
    // In the week before Ascension Day 2027 (6 May) the board meeting of next Thursday would fall on it.
    const plan = planDemo(fromWallClock(parseWallClock("2027-04-28T12:00")!, DEMO_ZONE));
    const meeting = plan.bookings.find((booking) => booking.title === "Bestuursvergadering koor")!;
    expect(meeting.movedFrom).toEqual({ localStart: "2027-05-06T19:30", refusal: "public holiday (Hemelvaartsdag)" });
    expect(meeting.localStart).toBe("2027-05-13T19:30");
  });

  it("is the same plan for the same moment, and keeps every kind of booking the demo shows", () => {
    const now = new Date("2027-12-24T17:00:00Z");
    expect(JSON.stringify(planDemo(now))).toBe(JSON.stringify(planDemo(new Date(now))));
    const plan = planDemo(now);
    expect(new Set(plan.organisations.map((organisation) => organisation.tier))).toEqual(
      new Set(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"]),
    );
    expect(
      plan.bookings
        .filter((booking) => booking.tier === "COMMERCIAL" && booking.provisionalCutoffDays === 14)
        .map((booking) => [booking.title, booking.status]),
    ).toEqual([
      ["Yoga", "CONFIRMED"],
      ["Workshop taarten bakken", "PENDING"],
    ]);
    expect(plan.bookings.find((booking) => booking.tier === "PRIVATE")?.room).toBe("grote-zaal");
    expect(new Set(plan.bookings.map((booking) => booking.centre))).toEqual(new Set(["de-wilg", "het-anker"]));
    expect(
      plan.closures
        .filter((closure) => closure.reason === "Kerstsluiting")
        .map((closure) => `${closure.centre} ${closure.startDate}`),
    ).toEqual([
      "de-wilg 2026-12-24",
      "het-anker 2026-12-24",
      "de-wilg 2027-12-24",
      "het-anker 2027-12-24",
      "de-wilg 2028-12-24",
      "het-anker 2028-12-24",
    ]);
  });
});
