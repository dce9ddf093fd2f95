import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { requestBooking } from "~/domain/bookings/requests.server";
import { createBooking } from "~/domain/bookings/create.server";
import { searchAvailability } from "~/domain/bookings/availability.server";
import { createCentre, createOrganisation, createRate, createRoom } from "../../prisma/factories";

/**
 * One pass per use case: a booking is planned and checked once and written once. These tests
 * count the statements a use case sends to PostgreSQL through a client that reports them.
 */

const NOW = new Date("2027-03-01T09:00:00Z");
const HOLDER = Symbol.for("buurtrooster.database");
type Holder = { client?: unknown };

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

/** From here on, the app's database client records every statement it sends. */
function countStatements(): string[] {
  const statements: string[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.TEST_DATABASE_URL! }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => statements.push(event.query));
  const holder = (globalThis as Record<symbol, Holder>)[HOLDER]!;
  const previous = holder.client;
  holder.client = client;
  restore = async () => {
    holder.client = previous;
    await client.$disconnect();
  };
  return statements;
}

const roomReads = (statements: string[]) => statements.filter((sql) => /FROM "public"\."rooms"/.test(sql)).length;
/** The conflict query: one probe of the room claims for all dates of a pattern. */
const conflictChecks = (statements: string[]) => statements.filter((sql) => /CROSS JOIN LATERAL/.test(sql)).length;
const calendarReads = (statements: string[]) =>
  statements.filter((sql) => /FROM "public"\."opening_hours"/.test(sql)).length;

async function house() {
  const centre = await createCentre({ commercialShareCapBp: null });
  const room = await createRoom(centre.id, { name: "Zaal A", capacity: 40 });
  const other = await createRoom(centre.id, { name: "Zaal B", capacity: 40 });
  for (const space of [room, other])
    await createRate(centre.id, space.id, "ASSOCIATION", {
      hourlyCents: 1250,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
  const association = await createOrganisation(centre.id, { name: "Biljartclub", tier: "ASSOCIATION" });
  return { centre, room, other, association };
}

describe("one pass per use case", () => {
  it("requesting a weekly series reads the room once, checks its dates once and writes once", async () => {
    const { centre, room, association } = await house();
    const statements = countStatements();
    const { booking } = await requestBooking(
      {
        centreId: centre.id,
        organisationId: association.id,
        roomId: room.id,
        actor: { userId: null, isManager: true },
        title: "Biljart",
        rrule: "FREQ=WEEKLY;COUNT=20",
        localStart: "2027-03-02T19:00",
        durationMinutes: 120,
        attendees: 8,
      },
      NOW,
    );
    expect(booking.status).toBe("CONFIRMED");
    expect(roomReads(statements)).toBe(1);
    expect(conflictChecks(statements)).toBe(1);
    expect(calendarReads(statements)).toBe(1);
    expect(statements.filter((sql) => /INSERT INTO "public"\."bookings"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /INSERT INTO occurrences/.test(sql))).toHaveLength(1);
  });

  it("a date moved to another room is checked there once, with the calendar already read", async () => {
    const { centre, room, other, association } = await house();
    const statements = countStatements();
    await requestBooking(
      {
        centreId: centre.id,
        organisationId: association.id,
        roomId: room.id,
        actor: { userId: null, isManager: true },
        title: "Biljart",
        rrule: "FREQ=WEEKLY;COUNT=4",
        localStart: "2027-03-02T19:00",
        durationMinutes: 120,
        attendees: 8,
        moves: [{ localStart: "2027-03-09T19:00", roomId: other.id }],
      },
      NOW,
    );
    expect(roomReads(statements)).toBe(2);
    expect(conflictChecks(statements)).toBe(2);
    expect(calendarReads(statements)).toBe(1);
  });

  it("a manager's booking without review also plans and checks once", async () => {
    const { centre, room, association } = await house();
    const statements = countStatements();
    await createBooking(
      {
        centreId: centre.id,
        organisationId: association.id,
        roomId: room.id,
        title: "Biljart",
        rrule: "FREQ=WEEKLY;COUNT=10",
        localStart: "2027-03-02T19:00",
        durationMinutes: 120,
        status: "CONFIRMED",
        tier: "ASSOCIATION",
      },
      NOW,
    );
    expect(roomReads(statements)).toBe(1);
    expect(conflictChecks(statements)).toBe(1);
    expect(calendarReads(statements)).toBe(1);
  });

  it("searching rooms reads the centre's calendar once for all rooms", async () => {
    const { centre } = await house();
    const statements = countStatements();
    const { free } = await searchAvailability(centre.id, {
      rrule: null,
      localStart: "2027-03-02T19:00",
      durationMinutes: 60,
      attendees: 4,
      facilities: [],
      stepFree: false,
    });
    expect(free.length).toBe(2);
    expect(calendarReads(statements)).toBe(1);
    expect(conflictChecks(statements)).toBe(2);
  });
});
