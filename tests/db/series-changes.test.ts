import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { RoomAlreadyBookedError } from "~/domain/shared/errors";
import {
  cancelOccurrence,
  cancelRestOfSeries,
  changeSeries,
  endRuleBefore,
  moveOccurrence,
  previewSeriesChange,
} from "~/domain/bookings/series-changes.server";
import { extendOpenSeries, extendSeries } from "~/domain/bookings/series-extension.server";
import { localDateTimeAt } from "~/domain/time/time-zone";
import { createRoom, createTestActivity, createTestBooking, createUser } from "../../prisma/factories";
import { clock } from "~/lib/clock";

const AMS = "Europe/Amsterdam";
const local = (date: Date) => localDateTimeAt(date, AMS);

async function weeklySeries(options: { count?: number; start?: string; rrule?: string } = {}) {
  const { centre, room, organisation, booking } = await createTestActivity(
    {
      title: "Koffie",
      rrule: options.rrule ?? `FREQ=WEEKLY;COUNT=${options.count ?? 8}`,
      localStart: options.start ?? "2027-03-02T19:30",
      durationMinutes: 90,
      activity: { kind: "SIGN_UP", title: "Koffie", capacity: 10 },
    },
    { room: { name: "Zaal 1" }, organisation: { name: "Koffieclub" } },
  );
  const spare = await createRoom(centre.id, { name: "Zaal 2" });
  const manager = await createUser();
  const actor = { centreId: centre.id, actorId: manager.id };
  return { centre, room, spare, organisation, booking, actor };
}

async function datesOf(bookingId: string) {
  return db().occurrence.findMany({ where: { bookingId }, orderBy: { startsAt: "asc" }, include: { claims: true } });
}

async function signUp(occurrenceId: string, activityId: string, centreId: string, name: string) {
  return db().signup.create({
    data: {
      centreId,
      activityId,
      occurrenceId,
      name,
      email: `${name}@voorbeeld.example`,
      contactKey: `${name}@voorbeeld.example`,
      status: "CONFIRMED",
      cancelTokenHash: `${name}-${occurrenceId}`,
    },
  });
}

describe("changing one date", () => {
  it("cancels one date, frees its room and keeps the rest of the series", async () => {
    const { booking, actor, room, centre, organisation } = await weeklySeries({ count: 3 });
    const [, second] = await datesOf(booking.id);
    await cancelOccurrence(actor, { occurrenceId: second!.id, reason: "Zaal nodig voor de verkiezingen" });
    const dates = await datesOf(booking.id);
    expect(dates.map((d) => [d.status, d.claims.every((c) => c.active)])).toEqual([
      ["ACTIVE", true],
      ["CANCELLED", false],
      ["ACTIVE", true],
    ]);
    // The freed slot can be booked by someone else.
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: local(second!.startsAt),
    });
    const audit = await db().auditEvent.findFirst({ where: { entityId: booking.id, action: "date-cancelled" } });
    expect(audit?.actorId).toBe(actor.actorId);
  });

  it("moves one date to another time and room after checking it there", async () => {
    const { booking, actor, spare, centre, organisation } = await weeklySeries({ count: 3 });
    const [first, second] = await datesOf(booking.id);
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: spare.id,
      localStart: "2027-03-09T21:00",
      durationMinutes: 60,
    });
    const clash = await moveOccurrence(actor, {
      occurrenceId: second!.id,
      roomId: spare.id,
      startsAt: new Date("2027-03-09T19:30:00Z"),
    }).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(RoomAlreadyBookedError);
    await moveOccurrence(actor, {
      occurrenceId: second!.id,
      roomId: spare.id,
      startsAt: new Date("2027-03-09T17:00:00Z"),
    });
    const dates = await datesOf(booking.id);
    expect(dates).toHaveLength(3);
    expect(dates[1]).toMatchObject({ id: second!.id, roomId: spare.id, moved: true });
    expect(local(dates[1]!.startsAt)).toBe("2027-03-09T18:00");
    expect(dates[1]!.claims.map((c) => c.roomId)).toEqual([spare.id]);
    expect(dates[0]!.id).toBe(first!.id);
  });
});

describe("changing this and following dates", () => {
  it("splits the series at that date, with no duplicate and no lost date; sign-ups follow their dates", async () => {
    const { booking, actor, room, centre } = await weeklySeries({ count: 8 });
    const before = await datesOf(booking.id);
    const fifth = before[4]!;
    const activity = await db().activity.findUniqueOrThrow({ where: { bookingId: booking.id } });
    const signup = await signUp(before[5]!.id, activity.id, centre.id, "ans");

    const { bookingId: newId } = await changeSeries(actor, {
      bookingId: booking.id,
      scope: "following",
      fromOccurrenceId: fifth.id,
      pattern: { rrule: "FREQ=WEEKLY;COUNT=4", localStart: "2027-03-30T20:00", durationMinutes: 60, roomId: room.id },
    });
    expect(newId).not.toBe(booking.id);

    const original = await db().booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(original.rrule).toBe("FREQ=WEEKLY;UNTIL=20270330T192900");
    const oldDates = await datesOf(booking.id);
    const newDates = await datesOf(newId);
    expect(oldDates.map((d) => local(d.startsAt))).toEqual([
      "2027-03-02T19:30",
      "2027-03-09T19:30",
      "2027-03-16T19:30",
      "2027-03-23T19:30",
    ]);
    expect(newDates.map((d) => local(d.startsAt))).toEqual([
      "2027-03-30T20:00",
      "2027-04-06T20:00",
      "2027-04-13T20:00",
      "2027-04-20T20:00",
    ]);
    // Same rows carried over (ids kept), so the sign-up is still on its date, now under the new activity.
    expect(newDates.map((d) => d.id)).toEqual(before.slice(4).map((d) => d.id));
    const newActivity = await db().activity.findUniqueOrThrow({ where: { bookingId: newId } });
    expect((await db().signup.findUniqueOrThrow({ where: { id: signup.id } })).activityId).toBe(newActivity.id);
    expect(newDates.every((d) => d.claims.length === 1 && d.claims[0]!.active)).toBe(true);
    expect((await db().booking.findUniqueOrThrow({ where: { id: newId } })).splitFromId).toBe(booking.id);
    // Extending or re-reading the old series never brings the moved dates back.
    const extension = await extendOpenSeries(new Date("2027-03-01T00:00:00Z"));
    expect(extension.added).toBe(0);
    expect(await db().occurrence.count({ where: { bookingId: { in: [booking.id, newId] } } })).toBe(8);
  });

  it("reports the clash and changes nothing when the new pattern is blocked", async () => {
    const { booking, actor, room, centre, organisation } = await weeklySeries({ count: 4 });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-23T21:00",
      durationMinutes: 60,
    });
    const dates = await datesOf(booking.id);
    const preview = await previewSeriesChange(actor, {
      bookingId: booking.id,
      scope: "following",
      fromOccurrenceId: dates[2]!.id,
      pattern: { rrule: "FREQ=WEEKLY;COUNT=2", localStart: "2027-03-16T20:30", durationMinutes: 60, roomId: room.id },
    });
    expect(preview.conflicts.map((c) => [c.localStart, c.reason])).toEqual([["2027-03-23T20:30", "room-taken"]]);
    const error = await changeSeries(actor, {
      bookingId: booking.id,
      scope: "following",
      fromOccurrenceId: dates[2]!.id,
      pattern: { rrule: "FREQ=WEEKLY;COUNT=2", localStart: "2027-03-16T20:30", durationMinutes: 60, roomId: room.id },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoomAlreadyBookedError);
    expect((error as RoomAlreadyBookedError).params).toMatchObject({ date: "2027-03-23", time: "20:30" });
    expect((await datesOf(booking.id)).map((d) => local(d.startsAt))).toEqual(dates.map((d) => local(d.startsAt)));
    expect(await db().booking.count({ where: { splitFromId: booking.id } })).toBe(0);
  });
});

describe("changing the whole series", () => {
  it("leaves past dates alone, moves future ones, keeps exceptions that fit and reports those that do not", async () => {
    const { booking, actor, room } = await weeklySeries({ count: 6, start: "2027-03-02T19:30" });
    const dates = await datesOf(booking.id);
    await cancelOccurrence(actor, { occurrenceId: dates[3]!.id, reason: "Vakantie" }); // 23 March, a Tuesday
    const now = new Date("2027-03-10T12:00:00Z"); // the first two dates are past

    const { plan } = await changeSeries(actor, {
      bookingId: booking.id,
      scope: "all",
      pattern: {
        rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T235959",
        localStart: "2027-03-16T19:00",
        durationMinutes: 120,
        roomId: room.id,
      },
      now,
    });
    const after = await datesOf(booking.id);
    expect(after.map((d) => [local(d.startsAt), d.status])).toEqual([
      ["2027-03-02T19:30", "ACTIVE"], // past: untouched
      ["2027-03-09T19:30", "ACTIVE"],
      ["2027-03-16T19:00", "ACTIVE"],
      ["2027-03-23T19:30", "CANCELLED"], // the exception still fits this day: kept as it was
      ["2027-03-30T19:00", "ACTIVE"],
      ["2027-04-06T19:30", "CANCELLED"], // the new pattern ends in March: cancelled, reported
    ]);
    expect(plan.exceptionsKept.map((e) => e.kind)).toEqual(["cancelled"]);
    expect(plan.cancelled.map((c) => c.localStart)).toEqual(["2027-04-06T19:30"]);
    expect(after[2]!.id).toBe(dates[2]!.id);
    expect(new Set(after.map((d) => d.id)).size).toBe(6);
    const audit = await db().auditEvent.findFirst({ where: { entityId: booking.id, action: "series-changed" } });
    expect(audit?.details).toMatchObject({ updated: 2, added: 0, cancelled: ["2027-04-06T19:30"] });
  });

  it("moving the series to another weekday cancels the old days and adds the new ones", async () => {
    const { booking, actor, room } = await weeklySeries({ count: 3, start: "2027-03-02T19:30" });
    await changeSeries(actor, {
      bookingId: booking.id,
      scope: "all",
      pattern: { rrule: "FREQ=WEEKLY;COUNT=3", localStart: "2027-03-03T19:30", durationMinutes: 90, roomId: room.id },
      now: new Date("2027-03-01T00:00:00Z"),
    });
    const after = await datesOf(booking.id);
    expect(after.filter((d) => d.status === "ACTIVE").map((d) => local(d.startsAt))).toEqual([
      "2027-03-03T19:30",
      "2027-03-10T19:30",
      "2027-03-17T19:30",
    ]);
    expect(after.filter((d) => d.status === "CANCELLED").map((d) => local(d.startsAt))).toEqual([
      "2027-03-02T19:30",
      "2027-03-09T19:30",
      "2027-03-16T19:30",
    ]);
  });
});

describe("cancelling the rest of a series", () => {
  it("cancels from a date on and ends the rule there", async () => {
    const { booking, actor } = await weeklySeries({ count: 5 });
    const dates = await datesOf(booking.id);
    await cancelRestOfSeries(actor, { bookingId: booking.id, fromOccurrenceId: dates[2]!.id, reason: "Club stopt" });
    const after = await datesOf(booking.id);
    expect(after.map((d) => d.status)).toEqual(["ACTIVE", "ACTIVE", "CANCELLED", "CANCELLED", "CANCELLED"]);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).rrule).toBe(
      "FREQ=WEEKLY;UNTIL=20270316T192900",
    );
  });

  it("cancelling from the first date cancels the booking", async () => {
    const { booking, actor } = await weeklySeries({ count: 2 });
    const dates = await datesOf(booking.id);
    await cancelRestOfSeries(actor, {
      bookingId: booking.id,
      fromOccurrenceId: dates[0]!.id,
      reason: "Gaat niet door",
    });
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CANCELLED");
  });

  it("charges fees and cancels the rest in one transaction: a failure halfway leaves every date as it was", async () => {
    const { booking, actor } = await weeklySeries({ count: 4 });
    const dates = await datesOf(booking.id);
    let asked = 0;
    const feeFor = () => {
      asked += 1;
      if (asked === 2) throw new Error("the second fee cannot be worked out");
      return 500;
    };
    await expect(
      cancelRestOfSeries(actor, { bookingId: booking.id, fromOccurrenceId: dates[0]!.id, reason: "Stopt", feeFor }),
    ).rejects.toThrow("second fee");
    const after = await datesOf(booking.id);
    expect(after.map((d) => [d.status, d.cancellationFeeCents])).toEqual(dates.map(() => ["ACTIVE", 0]));
    expect(
      await db().roomClaim.count({ where: { occurrence: { bookingId: booking.id }, active: true } }),
    ).toBeGreaterThan(0);

    const done = await cancelRestOfSeries(actor, {
      bookingId: booking.id,
      fromOccurrenceId: dates[0]!.id,
      reason: "Stopt",
      feeFor: (date) => (date.startsAt < dates[2]!.startsAt ? 500 : 0),
    });
    expect(done).toEqual({ cancelled: 4, feeCents: 1000 });
    expect((await datesOf(booking.id)).map((d) => d.cancellationFeeCents)).toEqual([500, 500, 0, 0]);
  });

  it("cuts COUNT rules with an UNTIL just before the date", () => {
    expect(endRuleBefore("FREQ=MONTHLY;BYDAY=1FR;COUNT=10", "2027-06-04T20:00")).toBe(
      "FREQ=MONTHLY;BYDAY=1FR;UNTIL=20270604T195900",
    );
  });
});

describe("open series", () => {
  it("are materialised up to the tier's horizon and extended as time passes, without duplicates", async () => {
    const { booking, centre } = await weeklySeries({ rrule: "FREQ=WEEKLY;BYDAY=TU", start: "2026-11-24T10:00" });
    // Created "now" (real clock): resident initiatives book 365 days ahead.
    const initial = await db().occurrence.count({ where: { bookingId: booking.id } });
    expect(initial).toBeGreaterThanOrEqual(52);
    const later = new Date(clock.now().getTime() + 60 * 24 * 60 * 60 * 1000);
    const first = await extendSeries(centre.id, booking.id, later);
    expect(first.added).toBeGreaterThanOrEqual(8);
    const again = await extendSeries(centre.id, booking.id, later);
    expect(again).toEqual({ added: 0, unavailable: 0 });
    const starts = (await datesOf(booking.id)).map((d) => d.originalLocalStart.getTime());
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("two extension runs at the same time add each date once", async () => {
    const { booking, centre } = await weeklySeries({ rrule: "FREQ=WEEKLY;BYDAY=WE", start: "2026-11-25T10:00" });
    const later = new Date(clock.now().getTime() + 90 * 24 * 60 * 60 * 1000);
    const results = await Promise.all([
      extendSeries(centre.id, booking.id, later),
      extendSeries(centre.id, booking.id, later),
    ]);
    expect(results.map((r) => r.added).sort((a, b) => a - b)[0]).toBe(0);
    const starts = (await datesOf(booking.id)).map((d) => d.originalLocalStart.getTime());
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("a new date that is taken becomes a visible exception and the series goes on", async () => {
    const { booking, centre, room, organisation } = await weeklySeries({
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      start: "2026-11-24T10:00",
    });
    // Someone (a manager, beyond the horizon) books the first Tuesday after the materialised range.
    const lastDate = (await datesOf(booking.id)).at(-1)!;
    const nextTuesday = local(new Date(lastDate.startsAt.getTime() + 7 * 24 * 60 * 60 * 1000));
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: nextTuesday,
    });
    const result = await extendSeries(
      centre.id,
      booking.id,
      new Date(clock.now().getTime() + 14 * 24 * 60 * 60 * 1000),
    );
    expect(result.unavailable).toBe(1);
    const taken = await db().occurrence.findFirstOrThrow({ where: { bookingId: booking.id, status: "CANCELLED" } });
    expect(local(taken.startsAt)).toBe(nextTuesday);
    expect(taken.cancelReason).toBe("Niet beschikbaar: de ruimte is bezet");
  });
});
