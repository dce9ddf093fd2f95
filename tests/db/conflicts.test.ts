import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { findConflicts, suggestAlternatives } from "~/domain/bookings/conflicts.server";
import { DomainError, RoomAlreadyBookedError } from "~/domain/shared/errors";
import { localDateTimeAt } from "~/domain/time/time-zone";
import {
  createCentre,
  createCombination,
  createOrganisation,
  createRoom,
  createTestBooking,
} from "../../prisma/factories";

const AMS = "Europe/Amsterdam";

async function setting() {
  const centre = await createCentre();
  const room = await createRoom(centre.id, {
    name: "Zaal 1",
    capacity: 20,
    setupBufferMinutes: 15,
    cleanupBufferMinutes: 15,
  });
  const owner = await createOrganisation(centre.id, { name: "Buurtkoor" });
  const asker = await createOrganisation(centre.id, { name: "Yogaclub" });
  return { centre, room, owner, asker };
}

describe("findConflicts", () => {
  it("checks every date of a two-year weekly series, not only the first ones", async () => {
    const { centre, room, owner, asker } = await setting();
    // Taken on the 100th Tuesday only.
    await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      localStart: "2029-01-30T19:00",
      durationMinutes: 60,
      title: "Concert",
    });
    const { dates, conflicts } = await findConflicts(
      centre.id,
      { roomId: room.id, rrule: "FREQ=WEEKLY;COUNT=104", localStart: "2027-03-02T19:30", durationMinutes: 90 },
      { seesDetails: false, organisationId: asker.id },
    );
    expect(dates).toHaveLength(104);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ localStart: "2029-01-30T19:30", reason: "room-taken" });
    // An organisation does not see whose booking is in the way.
    expect(conflicts[0]!.other).toMatchObject({ bookingId: null, title: null, organisation: null, room: "Zaal 1" });
  });

  it("a manager sees which booking is in the way", async () => {
    const { centre, room, owner } = await setting();
    const concert = await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      localStart: "2027-05-04T19:00",
      title: "Concert",
    });
    const { conflicts } = await findConflicts(
      centre.id,
      { roomId: room.id, rrule: null, localStart: "2027-05-04T19:30", durationMinutes: 60 },
      { seesDetails: true },
    );
    expect(conflicts[0]!.other).toMatchObject({ bookingId: concert.id, title: "Concert", organisation: "Buurtkoor" });
  });

  it("counts the buffers on both sides", async () => {
    const { centre, room, owner } = await setting();
    await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      localStart: "2027-05-04T10:00",
      durationMinutes: 60,
    });
    const check = (localStart: string) =>
      findConflicts(
        centre.id,
        { roomId: room.id, rrule: null, localStart, durationMinutes: 60 },
        { seesDetails: true },
      );
    expect((await check("2027-05-04T11:15")).conflicts).toHaveLength(1); // 11:00–11:15 clean-up meets 11:00 set-up
    expect((await check("2027-05-04T11:30")).conflicts).toHaveLength(0); // blocks touch, do not overlap
    expect((await check("2027-05-04T08:30")).conflicts).toHaveLength(0);
    expect((await check("2027-05-04T08:45")).conflicts).toHaveLength(1);
  });

  it("a combination blocks its rooms and a room blocks the combination", async () => {
    const centre = await createCentre();
    const a = await createRoom(centre.id, { name: "Zaal A" });
    const b = await createRoom(centre.id, { name: "Zaal B" });
    const big = await createCombination(centre.id, [a.id, b.id], { name: "Grote zaal" });
    const organisation = await createOrganisation(centre.id);
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: b.id,
      localStart: "2027-06-05T14:00",
      durationMinutes: 120,
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: big.id,
      localStart: "2027-06-12T14:00",
      durationMinutes: 120,
    });
    const onBig = await findConflicts(
      centre.id,
      { roomId: big.id, rrule: null, localStart: "2027-06-05T15:00", durationMinutes: 60 },
      { seesDetails: true },
    );
    expect(onBig.conflicts.map((c) => [c.reason, c.other?.room])).toEqual([["room-taken", "Zaal B"]]);
    const onA = await findConflicts(
      centre.id,
      { roomId: a.id, rrule: null, localStart: "2027-06-12T15:00", durationMinutes: 60 },
      { seesDetails: true },
    );
    expect(onA.conflicts).toHaveLength(1);
    expect(onA.conflicts[0]!.other?.room).toBe("Zaal A");
  });

  it("reports dates outside the opening hours, across midnight too", async () => {
    const { centre, room } = await setting(); // weekdays 08:30–22:00, Friday until 23:00, Saturday until midnight
    const check = (localStart: string, durationMinutes: number) =>
      findConflicts(centre.id, { roomId: room.id, rrule: null, localStart, durationMinutes }, { seesDetails: true });
    expect((await check("2027-05-04T21:00", 60)).conflicts).toHaveLength(0); // Tuesday 21–22
    expect((await check("2027-05-04T21:30", 60)).conflicts.map((c) => c.reason)).toEqual(["outside-opening-hours"]);
    expect((await check("2027-05-04T07:30", 60)).conflicts.map((c) => c.reason)).toEqual(["outside-opening-hours"]);
    // Saturday 22:00 until Sunday 01:00: Sunday only opens at 10:00.
    expect((await check("2027-05-08T22:00", 180)).conflicts.map((c) => c.reason)).toEqual(["outside-opening-hours"]);
    expect((await check("2027-05-08T22:00", 120)).conflicts).toHaveLength(0); // ends at midnight exactly
  });

  it("a room's own opening hours replace the centre's for that room", async () => {
    const { centre, room } = await setting();
    await db().openingHours.create({
      data: { centreId: centre.id, roomId: room.id, weekday: 2, opensMinute: 18 * 60, closesMinute: 23 * 60 },
    });
    const late = await findConflicts(
      centre.id,
      { roomId: room.id, rrule: null, localStart: "2027-05-04T22:00", durationMinutes: 60 },
      { seesDetails: true },
    );
    expect(late.conflicts).toHaveLength(0);
    const monday = await findConflicts(
      centre.id,
      { roomId: room.id, rrule: null, localStart: "2027-05-03T10:00", durationMinutes: 60 },
      { seesDetails: true },
    );
    expect(monday.conflicts.map((c) => c.reason)).toEqual(["outside-opening-hours"]); // the room has no Monday hours
  });

  it("reports closures of the centre and of the room", async () => {
    const { centre, room } = await setting();
    await db().closure.create({
      data: {
        centreId: centre.id,
        startDate: new Date("2027-12-24T00:00:00Z"),
        endDate: new Date("2028-01-01T00:00:00Z"),
        reason: "Kerstsluiting",
      },
    });
    await db().closure.create({
      data: {
        centreId: centre.id,
        roomId: room.id,
        startDate: new Date("2027-11-09T00:00:00Z"),
        endDate: new Date("2027-11-09T00:00:00Z"),
        reason: "Schilderwerk",
      },
    });
    const { conflicts } = await findConflicts(
      centre.id,
      {
        roomId: room.id,
        rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20280111",
        localStart: "2027-11-02T10:00",
        durationMinutes: 60,
      },
      { seesDetails: true },
    );
    expect(conflicts.map((c) => [c.localStart, c.reason, c.closure?.reason])).toEqual([
      ["2027-11-09T10:00", "closed", "Schilderwerk"],
      ["2027-12-28T10:00", "closed", "Kerstsluiting"],
    ]);
  });

  it("another centre's room is not found", async () => {
    const { centre } = await setting();
    const other = await createCentre();
    const foreign = await createRoom(other.id);
    await expect(
      findConflicts(
        centre.id,
        { roomId: foreign.id, rrule: null, localStart: "2027-05-04T10:00", durationMinutes: 60 },
        { seesDetails: true },
      ),
    ).rejects.toMatchObject({ code: "not-found", status: 404 });
  });
});

describe("alternatives for clashing dates", () => {
  it("offers another room that fits and is free, and the nearest free time that day", async () => {
    const centre = await createCentre();
    const small = await createRoom(centre.id, { name: "Kleine zaal", capacity: 10, facilities: ["KITCHEN"] });
    const wanted = await createRoom(centre.id, {
      name: "Zaal 1",
      capacity: 30,
      facilities: ["PROJECTOR"],
      setupBufferMinutes: 0,
      cleanupBufferMinutes: 0,
    });
    await createRoom(centre.id, { name: "Zaal 2", capacity: 40, facilities: ["PROJECTOR", "WIFI"] });
    const organisation = await createOrganisation(centre.id);
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: wanted.id,
      localStart: "2027-05-04T19:00",
      durationMinutes: 120,
    });
    const proposal = {
      roomId: wanted.id,
      rrule: "FREQ=WEEKLY;COUNT=3",
      localStart: "2027-04-27T19:30",
      durationMinutes: 60,
    };
    const { dates, conflicts } = await findConflicts(centre.id, proposal, { seesDetails: true });
    const clashing = dates.filter((date) => conflicts.some((c) => c.localStart === date.originalLocalStart));
    expect(clashing.map((d) => d.originalLocalStart)).toEqual(["2027-05-04T19:30"]);

    const { rooms, times } = await suggestAlternatives(centre.id, proposal, clashing, {
      attendees: 20,
      facilities: ["PROJECTOR"],
    });
    expect(rooms.map((room) => [room.name, room.freeOn])).toEqual([["Zaal 2", ["2027-05-04T19:30"]]]);
    expect(rooms.some((room) => room.roomId === small.id)).toBe(false); // too small, no projector
    expect(times).toHaveLength(1);
    // Taken 19:00–21:00; the room closes at 22:00: 21:00 is the nearest free start (+90 min); before 19:00 is 18:00 (−90): earlier wins the tie.
    expect(localDateTimeAt(times[0]!.startsAt, AMS)).toBe("2027-05-04T18:00");
    expect(times[0]!.shiftMinutes).toBe(-90);
  });
});

describe("creating a booking refuses what cannot take place", () => {
  it("a series skips the days in a closure, keeping them as exceptions; a one-off on a closed day is refused", async () => {
    const { centre, room, owner } = await setting();
    await db().closure.create({
      data: {
        centreId: centre.id,
        startDate: new Date("2027-05-11T00:00:00Z"),
        endDate: new Date("2027-05-11T00:00:00Z"),
        reason: "Verkiezingen",
      },
    });
    const refused = await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      localStart: "2027-05-11T10:00",
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "date-closed", params: { date: "2027-05-11", reason: "Verkiezingen" } });
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      rrule: "FREQ=WEEKLY;COUNT=3",
      localStart: "2027-05-04T10:00",
    });
    const dates = await db().occurrence.findMany({
      where: { bookingId: booking.id },
      orderBy: { startsAt: "asc" },
      include: { claims: true },
    });
    expect(dates.map((d) => [d.status, d.cancelReason, d.claims.length])).toEqual([
      ["ACTIVE", null, 1],
      ["CANCELLED", "Verkiezingen", 0],
      ["ACTIVE", null, 1],
    ]);
  });

  it("moves a clashing date to another room when asked", async () => {
    const { centre, room, owner } = await setting();
    const spare = await createRoom(centre.id, { name: "Zaal 2" });
    await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      localStart: "2027-05-11T10:00",
    });
    await expect(
      createTestBooking({
        centreId: centre.id,
        organisationId: owner.id,
        roomId: room.id,
        rrule: "FREQ=WEEKLY;COUNT=2",
        localStart: "2027-05-04T10:00",
      }),
    ).rejects.toBeInstanceOf(RoomAlreadyBookedError);
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      rrule: "FREQ=WEEKLY;COUNT=2",
      localStart: "2027-05-04T10:00",
      moves: [{ localStart: "2027-05-11T10:00", roomId: spare.id }],
    });
    const dates = await db().occurrence.findMany({ where: { bookingId: booking.id }, orderBy: { startsAt: "asc" } });
    expect(dates.map((d) => [d.roomId, d.moved])).toEqual([
      [room.id, false],
      [spare.id, true],
    ]);
  });

  it("skips Dutch public holidays and school holidays when asked, keeping them as exceptions", async () => {
    const { centre, room, owner } = await setting();
    // Five Mondays from Easter Monday 2027; 26 April falls in the May school holidays (24 April – 2 May).
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: owner.id,
      roomId: room.id,
      rrule: "FREQ=WEEKLY;COUNT=5",
      localStart: "2027-03-29T15:30",
      skipPublicHolidays: true,
      skipSchoolHolidays: "MIDDLE",
    });
    const dates = await db().occurrence.findMany({ where: { bookingId: booking.id }, orderBy: { startsAt: "asc" } });
    expect(dates.map((d) => [localDateTimeAt(d.startsAt, AMS).slice(0, 10), d.status, d.cancelReason])).toEqual([
      ["2027-03-29", "CANCELLED", "Tweede paasdag"],
      ["2027-04-05", "ACTIVE", null],
      ["2027-04-12", "ACTIVE", null],
      ["2027-04-19", "ACTIVE", null],
      ["2027-04-26", "CANCELLED", "Meivakantie"],
    ]);
  });
});
