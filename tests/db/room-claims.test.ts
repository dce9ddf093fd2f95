import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { isExclusionViolation, sqlState } from "~/db/errors.server";
import { RoomAlreadyBookedError } from "~/domain/shared/errors";
import {
  createCentre,
  createCombination,
  createOrganisation,
  createRoom,
  createTestBooking,
} from "../../prisma/factories";

async function centreWithRoom(buffers = { setupBufferMinutes: 0, cleanupBufferMinutes: 0 }) {
  const centre = await createCentre();
  const room = await createRoom(centre.id, { name: "Zaal 1", ...buffers });
  const organisation = await createOrganisation(centre.id);
  return { centre, room, organisation };
}

async function expectClash(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RoomAlreadyBookedError);
  return error as RoomAlreadyBookedError;
}

describe("no two active room claims overlap (exclusion constraint)", () => {
  it("the database itself refuses an overlapping claim, whoever writes it", async () => {
    const { centre, room, organisation } = await centreWithRoom();
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
      durationMinutes: 120,
    });
    const occurrence = await db().occurrence.findFirstOrThrow({ where: { bookingId: booking.id } });
    const claim = (start: string, end: string) => ({
      occurrenceId: occurrence.id,
      centreId: centre.id,
      roomId: room.id,
      startsAt: new Date(start),
      endsAt: new Date(end),
      blockStartsAt: new Date(start),
      blockEndsAt: new Date(end),
    });
    const elsewhere = await createRoom(centre.id, { name: "Zaal 2" });
    const other = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: elsewhere.id,
      localStart: "2027-03-03T10:00",
    });
    const otherOccurrence = await db().occurrence.findFirstOrThrow({ where: { bookingId: other.id } });
    const refused = await db()
      .roomClaim.create({
        data: { ...claim("2027-03-02T10:00:00Z", "2027-03-02T10:30:00Z"), occurrenceId: otherOccurrence.id },
      })
      .catch((error: unknown) => error);
    expect(isExclusionViolation(refused)).toBe(true);
    expect(sqlState(refused)).toBe("23P01");
    // Inactive claims may overlap: a cancelled date keeps its history.
    await db().roomClaim.create({
      data: {
        ...claim("2027-03-02T10:00:00Z", "2027-03-02T10:30:00Z"),
        occurrenceId: otherOccurrence.id,
        active: false,
      },
    });
  });

  it("refuses a second booking that overlaps the first, naming the room, date and time", async () => {
    const { centre, room, organisation } = await centreWithRoom();
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
      durationMinutes: 120,
    });
    const error = await expectClash(
      createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        localStart: "2027-03-02T11:00",
      }),
    );
    expect(error.code).toBe("room-already-booked");
    expect(error.params).toEqual({ room: "Zaal 1", date: "2027-03-02", time: "11:00" });
    expect(error.status).toBe(409);
  });

  it("accepts back-to-back bookings", async () => {
    const { centre, room, organisation } = await centreWithRoom();
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
      durationMinutes: 60,
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T11:00",
      durationMinutes: 60,
    });
    expect(await db().roomClaim.count({ where: { roomId: room.id, active: true } })).toBe(2);
  });

  it("counts set-up and clean-up buffers as taken", async () => {
    const { centre, room, organisation } = await centreWithRoom({ setupBufferMinutes: 15, cleanupBufferMinutes: 30 });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
      durationMinutes: 60,
    });
    // The first block runs 09:45–11:30; a start at 11:30 needs 11:15 for set-up.
    await expectClash(
      createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        localStart: "2027-03-02T11:30",
      }),
    );
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T11:45",
    });
  });

  it("a cancelled claim frees the slot", async () => {
    const { centre, room, organisation } = await centreWithRoom();
    const first = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
    });
    await db().roomClaim.updateMany({ where: { occurrence: { bookingId: first.id } }, data: { active: false } });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-03-02T10:00",
    });
    expect(await db().roomClaim.count({ where: { roomId: room.id } })).toBe(2);
  });

  it("a combination claims each of its rooms, so it clashes with a booking of one of them", async () => {
    const centre = await createCentre();
    const a = await createRoom(centre.id, { name: "Zaal A" });
    const b = await createRoom(centre.id, { name: "Zaal B" });
    const big = await createCombination(centre.id, [a.id, b.id], { name: "Grote zaal" });
    const organisation = await createOrganisation(centre.id);
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: big.id,
      localStart: "2027-05-01T18:00",
    });
    const claims = await db().roomClaim.findMany({
      where: { occurrence: { bookingId: booking.id } },
      select: { roomId: true },
    });
    expect(claims.map((claim) => claim.roomId).sort()).toEqual([a.id, b.id].sort());
    await expectClash(
      createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: b.id,
        localStart: "2027-05-01T18:30",
      }),
    );
  });

  it("a clash anywhere in a series refuses the whole series and writes nothing", async () => {
    const { centre, room, organisation } = await centreWithRoom();
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-06-15T19:30",
    });
    const error = await expectClash(
      createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        rrule: "FREQ=WEEKLY;COUNT=10",
        localStart: "2027-05-04T19:00",
        durationMinutes: 90,
        title: "Serie",
      }),
    );
    expect(error.params.date).toBe("2027-06-15");
    expect(await db().booking.count({ where: { centreId: centre.id, title: "Serie" } })).toBe(0);
    expect(await db().occurrence.count({ where: { centreId: centre.id } })).toBe(1);
  });
});
