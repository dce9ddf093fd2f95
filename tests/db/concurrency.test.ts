import { describe, expect, it } from "vitest";
import { db, transaction } from "~/db/client.server";
import { DomainError, RoomAlreadyBookedError } from "~/domain/shared/errors";
import { createCentre, createOrganisation, createRoom, createTestBooking } from "../../prisma/factories";

/** Runs against the embedded server in `npm test` and against the machine's PostgreSQL in .ci/run. */
describe("no double booking under concurrency", () => {
  it("50 people booking the same slot at the same moment: exactly one wins, 49 are told the room is taken on that date", async () => {
    const centre = await createCentre();
    const room = await createRoom(centre.id, { name: "Zaal 1" });
    const organisations = await Promise.all(Array.from({ length: 5 }, () => createOrganisation(centre.id)));
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        createTestBooking({
          centreId: centre.id,
          organisationId: organisations[index % 5]!.id,
          roomId: room.id,
          localStart: "2027-09-14T19:30",
          durationMinutes: 90,
          title: `Poging ${index}`,
        }),
      ),
    );
    const won = attempts.filter((attempt) => attempt.status === "fulfilled");
    const lost = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(RoomAlreadyBookedError);
      expect(failure.reason.params).toEqual({ room: "Zaal 1", date: "2027-09-14", time: "19:30" });
      expect(failure.reason.message).toBe("Zaal 1 is already booked on 2027-09-14 at 19:30.");
    }
    expect(await db().roomClaim.count({ where: { roomId: room.id, active: true } })).toBe(1);
    expect(await db().booking.count({ where: { centreId: centre.id } })).toBe(1);
  }, 60_000);

  it("two overlapping series created at the same moment: one is refused as a whole", async () => {
    const centre = await createCentre();
    const room = await createRoom(centre.id, { name: "Zaal 1" });
    const organisation = await createOrganisation(centre.id);
    const series = (title: string, localStart: string) =>
      createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        rrule: "FREQ=WEEKLY;COUNT=52",
        localStart,
        durationMinutes: 120,
        title,
      });
    // Tuesdays 19:00–21:00 and Tuesdays 20:00–22:00 from the same week.
    const results = await Promise.allSettled([
      series("Koor", "2027-01-05T19:00"),
      series("Toneel", "2027-01-05T20:00"),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(refused.reason).toBeInstanceOf(RoomAlreadyBookedError);
    expect(refused.reason.params.date).toBe("2027-01-05");
    expect(await db().booking.count({ where: { centreId: centre.id } })).toBe(1);
    expect(await db().occurrence.count({ where: { centreId: centre.id } })).toBe(52);
  }, 60_000);

  it("20 two-year series created at once, overlapping on different dates in different orders: each is booked or refused in plain words, never a deadlock", async () => {
    // Weekly on Tuesdays 19:00 for 104 weeks; each starts a week later than the one before and
    // half of them an hour later, so every pair overlaps, but from another first date onwards.
    // Three rounds: a deadlock does not show in every round.
    for (let round = 0; round < 3; round++) await twentySeriesAtOnce();
  }, 120_000);
});

async function twentySeriesAtOnce() {
  const centre = await createCentre();
  const room = await createRoom(centre.id, { name: "Zaal 1" });
  const organisation = await createOrganisation(centre.id);
  const attempts = await Promise.allSettled(
    Array.from({ length: 20 }, (_, index) => {
      const start = new Date(Date.UTC(2027, 0, 5 + 7 * ((index * 7) % 20)));
      const localStart = `${start.toISOString().slice(0, 10)}T${index % 2 === 0 ? "19:00" : "20:00"}`;
      return createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        title: `Reeks ${index}`,
        rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=104",
        localStart,
        durationMinutes: 120,
      });
    }),
  );
  const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
  for (const failure of refused) expect(failure.reason).toBeInstanceOf(RoomAlreadyBookedError);
  expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
  expect(await db().roomClaim.count({ where: { roomId: room.id, active: true } })).toBe(104);
}

describe("too busy to finish in time", () => {
  it("a transaction past its time limit writes nothing and says plainly that it is busy (503), not a 500", async () => {
    const centre = await createCentre();
    const error = await transaction(
      async (tx) => {
        await tx.closure.create({
          data: {
            centreId: centre.id,
            startDate: new Date("2027-05-01"),
            endDate: new Date("2027-05-01"),
            reason: "x",
          },
        });
        await tx.$executeRaw`SELECT pg_sleep(0.5)`;
      },
      { timeoutMs: 100 },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("busy");
    expect((error as DomainError).status).toBe(503);
    expect(await db().closure.count({ where: { centreId: centre.id } })).toBe(0);
  });
});
