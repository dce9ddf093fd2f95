import { describe, expect, it } from "vitest";
import { db, disconnectDatabase, connectDatabase } from "~/db/client.server";
import { saveEnergyReading, saveYearCosts } from "~/domain/reports/board-input.server";
import { resolvePeriod, type ReportPeriod } from "~/domain/reports/period";
import { centreReport, installationReport, keyFiguresOf } from "~/domain/reports/report.server";
import type { DayPart, Tier } from "~/generated/prisma/client";
import {
  createCentre,
  createCombination,
  createInvoice,
  createOrganisation,
  createPayment,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";
import { clock } from "~/lib/clock";

/**
 * The report's figures against hand-computed expectations. Each test builds its own centre;
 * every expected number is worked out in the comment above it.
 */

const WEEKDAYS_9_TO_22 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 9 * 60, closesMinute: 22 * 60 }));
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 }));
const DAY_PARTS: { dayPart: DayPart; startMinute: number; endMinute: number }[] = [
  { dayPart: "MORNING", startMinute: 9 * 60, endMinute: 12 * 60 },
  { dayPart: "AFTERNOON", startMinute: 12 * 60, endMinute: 18 * 60 },
  { dayPart: "EVENING", startMinute: 18 * 60, endMinute: 22 * 60 },
];

async function centreWith(hours: { weekday: number; opensMinute: number; closesMinute: number }[]) {
  const centre = await createCentre({
    withDefaultRules: false,
    openingHours: { create: hours },
    dayParts: { create: DAY_PARTS },
  });
  const organisation = await createOrganisation(centre.id, { tier: "RESIDENT_INITIATIVE" });
  return { centre, organisation };
}

async function cancelDate(bookingId: string, localStart: string) {
  const occurrence = await db().occurrence.findFirstOrThrow({
    where: { bookingId, originalLocalStart: new Date(`${localStart}:00Z`) },
  });
  await db().occurrence.update({
    where: { id: occurrence.id },
    data: { status: "CANCELLED", cancelledAt: clock.now() },
  });
  await db().roomClaim.updateMany({ where: { occurrenceId: occurrence.id }, data: { active: false } });
}

const december2026: ReportPeriod = resolvePeriod({ kind: "month", date: "2026-12-01" });
const range = (from: string, until: string) => resolvePeriod({ kind: "range", date: from, from, until });

describe("occupancy with hand-computed expectations", () => {
  /*
   * Zaal A and Zaal B are open Monday to Friday 09:00–22:00 (13 hours). December 2026 starts on
   * a Tuesday and has 23 weekdays; the Christmas closure (24–31 December) takes 6 of them
   * (Thu 24, Fri 25, Mon 28 .. Thu 31), leaving 17 open weekdays: 17 × 13 = 221 hours for Zaal A.
   * Zaal B is also closed 1–4 December (4 weekdays): 13 × 13 = 169 hours.
   *
   * Zaal A: Tuesdays 10:00–12:00 on 1, 8, 15, 22 Dec (4 × 2 h), Friday 11 Dec 18:00–22:00 with
   * 30 minutes of set-up and clean-up (4 h; buffers do not count), Mondays 14:00–16:00 on 7, 14,
   * 21 Dec with the 14th cancelled (2 × 2 h), and a PENDING request on 3 Dec (does not count).
   * Booked 8 + 4 + 4 = 16 h → 16/221.  Zaal B: Wednesday 9 Dec 09:00–22:00 → 13/169.
   * Together 29/390.
   */
  async function decemberCentre() {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const roomA = await createRoom(centre.id, {
      name: "Zaal A",
      setupBufferMinutes: 30,
      cleanupBufferMinutes: 30,
      sortOrder: 1,
    });
    const roomB = await createRoom(centre.id, { name: "Zaal B", sortOrder: 2 });
    await db().closure.createMany({
      data: [
        {
          centreId: centre.id,
          startDate: new Date("2026-12-24T00:00:00Z"),
          endDate: new Date("2026-12-31T00:00:00Z"),
          reason: "Kerst",
        },
        {
          centreId: centre.id,
          roomId: roomB.id,
          startDate: new Date("2026-12-01T00:00:00Z"),
          endDate: new Date("2026-12-04T00:00:00Z"),
          reason: "Verven",
        },
      ],
    });
    const base = { centreId: centre.id, organisationId: organisation.id };
    await createTestBooking({
      ...base,
      roomId: roomA.id,
      rrule: "FREQ=WEEKLY;COUNT=4",
      localStart: "2026-12-01T10:00",
      durationMinutes: 120,
    });
    await createTestBooking({ ...base, roomId: roomA.id, localStart: "2026-12-11T18:00", durationMinutes: 240 });
    const mondays = await createTestBooking({
      ...base,
      roomId: roomA.id,
      rrule: "FREQ=WEEKLY;COUNT=3",
      localStart: "2026-12-07T14:00",
      durationMinutes: 120,
    });
    await cancelDate(mondays.id, "2026-12-14T14:00");
    await createTestBooking({
      ...base,
      roomId: roomA.id,
      localStart: "2026-12-03T09:00",
      durationMinutes: 120,
      status: "PENDING",
    });
    await createTestBooking({ ...base, roomId: roomB.id, localStart: "2026-12-09T09:00", durationMinutes: 780 });
    return { centre, roomA, roomB };
  }

  it("a room open 09:00–22:00 on weekdays, with a Christmas closure and known bookings, gives exact percentages", async () => {
    const { centre, roomA, roomB } = await decemberCentre();
    const report = await centreReport(centre.id, december2026);
    const rooms = Object.fromEntries(report.current.occupancy.rooms.map((room) => [room.name, room]));
    expect(rooms["Zaal A"]).toMatchObject({ roomId: roomA.id, availableHours: 221 });
    expect(rooms["Zaal A"]!.bookedHours).toBeCloseTo(16, 9);
    expect(rooms["Zaal A"]!.occupancy).toBeCloseTo(16 / 221, 12);
    expect(rooms["Zaal B"]).toMatchObject({ roomId: roomB.id, availableHours: 169 });
    expect(rooms["Zaal B"]!.occupancy).toBeCloseTo(13 / 169, 12);
    expect(report.current.occupancy.total.availableHours).toBe(390);
    expect(report.current.occupancy.total.occupancy).toBeCloseTo(29 / 390, 12);
    expect(report.current.occupancy.months).toEqual([
      {
        month: "2026-12-01",
        bookedHours: expect.closeTo(29, 9),
        availableHours: 390,
        occupancy: expect.closeTo(29 / 390, 12),
      },
    ]);
  });

  it("splits occupancy by day part and by weekday and hour", async () => {
    const { centre } = await decemberCentre();
    const { clock } = (await centreReport(centre.id, december2026)).current;
    // Open per day part: 17 + 13 = 30 open room-days × 3 h (morning), 6 h (afternoon), 4 h (evening).
    // Booked: morning 8 (A, Tuesdays) + 3 (B) = 11; afternoon 4 (A, Mondays) + 6 (B) = 10; evening 4 (A) + 4 (B) = 8.
    expect(clock.dayParts).toEqual([
      { dayPart: "MORNING", bookedHours: 11, availableHours: 90, occupancy: 11 / 90 },
      { dayPart: "AFTERNOON", bookedHours: 10, availableHours: 180, occupancy: 10 / 180 },
      { dayPart: "EVENING", bookedHours: 8, availableHours: 120, occupancy: 8 / 120 },
    ]);
    // Tuesday 10:00–11:00: A is booked on all four open Tuesdays; B is open on 3 of them (closed 1 Dec).
    expect(clock.heat.find((cell) => cell.weekday === 2 && cell.hour === 10)).toEqual({
      weekday: 2,
      hour: 10,
      bookedHours: 4,
      availableHours: 7,
      occupancy: 4 / 7,
    });
    // Saturday is closed all day: nothing open, nothing booked.
    expect(clock.heat.find((cell) => cell.weekday === 6 && cell.hour === 10)).toMatchObject({
      availableHours: 0,
      occupancy: null,
    });
    // Hours before 09:00 and from 22:00 are never open or booked, so they are left out of the grid.
    expect(new Set(clock.heat.map((cell) => cell.hour))).toEqual(
      new Set([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]),
    );
    expect(clock.outsideOpeningHours).toBe(0);
    // The quietest weekday and day part has nothing booked at all (Thursday morning, for one:
    // 5 open room-mornings of 3 h, and the request of 3 December does not count).
    expect(clock.quietest?.occupancy).toBe(0);
  });

  it("counts a booking across midnight for both days, and for both months at a month's end", async () => {
    const { centre, organisation } = await centreWith(ALL_DAY);
    const room = await createRoom(centre.id, { name: "Nachtzaal" });
    const base = { centreId: centre.id, organisationId: organisation.id, roomId: room.id };
    // Saturday 13 June 2026 22:00 → Sunday 02:00 (4 h, summer time, no clock change).
    await createTestBooking({ ...base, localStart: "2026-06-13T22:00", durationMinutes: 240 });
    // Sunday 31 May 2026 22:00 → Monday 1 June 02:00.
    await createTestBooking({ ...base, localStart: "2026-05-31T22:00", durationMinutes: 240 });

    const saturday = await centreReport(centre.id, range("2026-06-13", "2026-06-13"));
    expect(saturday.current.occupancy.total).toEqual({ bookedHours: 2, availableHours: 24, occupancy: 2 / 24 });
    const sunday = await centreReport(centre.id, range("2026-06-14", "2026-06-14"));
    expect(sunday.current.occupancy.total).toEqual({ bookedHours: 2, availableHours: 24, occupancy: 2 / 24 });
    const week = await centreReport(centre.id, resolvePeriod({ kind: "week", date: "2026-06-10" }));
    expect(week.current.occupancy.total.bookedHours).toBe(4);
    const heat = week.current.clock.heat
      .filter((cell) => cell.bookedHours > 0)
      .map((cell) => [cell.weekday, cell.hour, cell.bookedHours]);
    expect(heat).toEqual([
      [6, 22, 1],
      [6, 23, 1],
      [7, 0, 1],
      [7, 1, 1],
    ]);

    const quarter = await centreReport(centre.id, resolvePeriod({ kind: "quarter", date: "2026-05-01" }));
    const months = Object.fromEntries(
      quarter.current.occupancy.months.map((month) => [month.month, month.bookedHours]),
    );
    expect(months).toEqual({ "2026-04-01": 0, "2026-05-01": 2, "2026-06-01": 6 });
  });

  it("counts real hours across the October and March clock changes", async () => {
    const { centre, organisation } = await centreWith(ALL_DAY);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const base = { centreId: centre.id, organisationId: organisation.id, roomId: room.id };
    // Saturday 24 October 2026 22:00 CEST + 7 real hours = Sunday 04:00 CET (02:00–03:00 happens twice).
    await createTestBooking({ ...base, localStart: "2026-10-24T22:00", durationMinutes: 420 });
    // Saturday 28 March 2026 22:00 CET + 5 real hours = Sunday 04:00 CEST (02:00–03:00 does not exist).
    await createTestBooking({ ...base, localStart: "2026-03-28T22:00", durationMinutes: 300 });

    // Sunday 25 October has 25 hours; 00:00–04:00 on the clock is 5 real hours.
    const october = await centreReport(centre.id, range("2026-10-25", "2026-10-25"));
    expect(october.current.occupancy.total).toEqual({ bookedHours: 5, availableHours: 25, occupancy: 5 / 25 });
    // The hour 02:00–03:00 happens twice: 2 real hours open, 2 booked.
    expect(october.current.clock.heat.find((cell) => cell.hour === 2 && cell.weekday === 7)).toMatchObject({
      bookedHours: 2,
      availableHours: 2,
    });
    const octoberSaturday = await centreReport(centre.id, range("2026-10-24", "2026-10-24"));
    expect(octoberSaturday.current.occupancy.total).toEqual({ bookedHours: 2, availableHours: 24, occupancy: 2 / 24 });

    // Sunday 29 March has 23 hours; 00:00–04:00 on the clock is 3 real hours.
    const march = await centreReport(centre.id, range("2026-03-29", "2026-03-29"));
    expect(march.current.occupancy.total).toEqual({ bookedHours: 3, availableHours: 23, occupancy: 3 / 23 });
    // 02:00–03:00 does not exist that night, so the grid has no such hour.
    expect(march.current.clock.heat.find((cell) => cell.hour === 2)).toBeUndefined();
  });

  it("counts a combination booking for each room it claims, without its buffers", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const a = await createRoom(centre.id, { name: "Zaal A", sortOrder: 1 });
    const b = await createRoom(centre.id, { name: "Zaal B", sortOrder: 2 });
    const big = await createCombination(centre.id, [a.id, b.id], {
      name: "Grote zaal",
      setupBufferMinutes: 30,
      cleanupBufferMinutes: 45,
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: big.id,
      localStart: "2026-12-08T19:00",
      durationMinutes: 180,
    });
    const report = await centreReport(centre.id, range("2026-12-08", "2026-12-08"));
    // Each room: 3 of 13 open hours; the combination itself is not a room of its own.
    expect(report.current.occupancy.rooms.map((room) => [room.name, room.bookedHours, room.availableHours])).toEqual([
      ["Zaal A", 3, 13],
      ["Zaal B", 3, 13],
    ]);
    expect(report.current.occupancy.total).toEqual({ bookedHours: 6, availableHours: 26, occupancy: 6 / 26 });
  });

  it("splits the hours by tier, with the community share and free versus paid hours", async () => {
    const { centre } = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const book = async (tier: Tier, localStart: string, hours: number, priceCents: number) => {
      const organisation = await createOrganisation(centre.id, { tier });
      await createTestBooking({
        centreId: centre.id,
        organisationId: organisation.id,
        roomId: room.id,
        tier,
        localStart,
        durationMinutes: hours * 60,
        allowOutsideOpeningHours: true,
        pricePerDate: () => ({ exclCents: priceCents, vatCents: 0 }),
      });
    };
    // Initiative 3 h free, association 2 h paid, private 1 h paid, commercial 4 h paid: 10 h.
    await book("RESIDENT_INITIATIVE", "2026-12-07T09:00", 3, 0);
    await book("ASSOCIATION", "2026-12-07T13:00", 2, 2500);
    await book("PRIVATE", "2026-12-07T16:00", 1, 2500);
    await book("COMMERCIAL", "2026-12-07T17:00", 4, 16000);
    const { occupancy } = (await centreReport(centre.id, range("2026-12-07", "2026-12-07"))).current;
    expect(occupancy.tiers).toEqual([
      { tier: "RESIDENT_INITIATIVE", hours: 3, share: 0.3 },
      { tier: "ASSOCIATION", hours: 2, share: 0.2 },
      { tier: "PRIVATE", hours: 1, share: 0.1 },
      { tier: "COMMERCIAL", hours: 4, share: 0.4 },
    ]);
    expect(occupancy.communityShare).toBeCloseTo(0.5, 12);
    expect(occupancy.freeHours).toBe(3);
    expect(occupancy.paidHours).toBe(7);
  });
});

describe("visitors, money and energy", () => {
  it("adds up headcounts per activity and tier, first-time visitors, activities and organisations", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const club = await createOrganisation(centre.id, { tier: "ASSOCIATION", name: `Club ${centre.id.slice(0, 4)}` });
    const coffee = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      title: "Koffie",
      rrule: "FREQ=WEEKLY;COUNT=3",
      localStart: "2026-12-01T10:00",
      durationMinutes: 60,
      activity: { kind: "WALK_IN", title: "Koffieochtend" },
    });
    const choir = await createTestBooking({
      centreId: centre.id,
      organisationId: club.id,
      roomId: room.id,
      title: "Koor",
      tier: "ASSOCIATION",
      localStart: "2026-12-02T19:00",
      durationMinutes: 60,
      activity: { kind: "WALK_IN", title: "Koor" },
    });
    const dates = await db().occurrence.findMany({ where: { centreId: centre.id }, orderBy: { startsAt: "asc" } });
    const counts: Record<string, [number, number]> = {};
    const coffeeDates = dates.filter((date) => date.bookingId === coffee.id);
    counts[coffeeDates[0]!.id] = [20, 3];
    counts[coffeeDates[1]!.id] = [15, 1];
    counts[dates.find((date) => date.bookingId === choir.id)!.id] = [30, 2];
    await db().attendance.createMany({
      data: Object.entries(counts).map(([occurrenceId, [headcount, firstTimeCount]]) => ({
        occurrenceId,
        centreId: centre.id,
        headcount,
        firstTimeCount,
      })),
    });
    const { visitors } = (await centreReport(centre.id, december2026)).current;
    expect(visitors).toMatchObject({ headcount: 65, firstTime: 6, countedDates: 3, activities: 2, organisations: 2 });
    expect(visitors.perActivity.map((row) => [row.title, row.tier, row.dates, row.headcount, row.firstTime])).toEqual([
      ["Koffieochtend", "RESIDENT_INITIATIVE", 2, 35, 4],
      ["Koor", "ASSOCIATION", 1, 30, 2],
    ]);
    expect(visitors.perTier.find((row) => row.tier === "ASSOCIATION")).toEqual({
      tier: "ASSOCIATION",
      dates: 1,
      headcount: 30,
      firstTime: 2,
    });
  });

  it("names the series that have run for more than a year, also after a 'this and following' split", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const base = { centreId: centre.id, organisationId: organisation.id, roomId: room.id };
    const old = await createTestBooking({
      ...base,
      title: "Oud",
      rrule: "FREQ=MONTHLY;BYDAY=1MO;COUNT=10",
      localStart: "2025-03-03T10:00",
      activity: { kind: "WALK_IN", title: "Breiclub" },
    });
    // The rest of the old series continues as a new booking that points back at it.
    const rest = await createTestBooking({
      ...base,
      title: "Oud (vervolg)",
      rrule: "FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
      localStart: "2026-12-07T10:00",
    });
    await db().booking.update({ where: { id: rest.id }, data: { splitFromId: old.id } });
    await createTestBooking({
      ...base,
      title: "Nieuw",
      rrule: "FREQ=WEEKLY;COUNT=3",
      localStart: "2026-12-08T14:00",
      activity: { kind: "WALK_IN", title: "Taalcafé" },
    });
    const { visitors } = (await centreReport(centre.id, december2026)).current;
    expect(visitors.continuing).toEqual([
      { title: "Breiclub", organisation: organisation.name, tier: "RESIDENT_INITIATIVE", since: "2025-03-03" },
    ]);
  });

  it("adds up invoiced, received and outstanding per tier and room, and the cost recovery", async () => {
    const { centre } = await centreWith(WEEKDAYS_9_TO_22);
    const user = await createUser();
    const a = await createRoom(centre.id, { name: "Zaal A", sortOrder: 1 });
    const b = await createRoom(centre.id, { name: "Zaal B", sortOrder: 2 });
    const association = await createOrganisation(centre.id, { tier: "ASSOCIATION" });
    const company = await createOrganisation(centre.id, { tier: "COMMERCIAL" });
    const onA = await createTestBooking({
      centreId: centre.id,
      organisationId: association.id,
      roomId: a.id,
      tier: "ASSOCIATION",
      localStart: "2026-12-01T10:00",
    });
    const onB = await createTestBooking({
      centreId: centre.id,
      organisationId: company.id,
      roomId: b.id,
      tier: "COMMERCIAL",
      localStart: "2026-12-02T19:00",
    });
    const issuedAt = new Date("2026-12-10T10:00:00Z");
    // Association: € 100 on Zaal A (no VAT); paid € 60 in December. Company: € 200 + € 42 VAT on Zaal B, paid in full.
    const first = await createInvoice({
      centreId: centre.id,
      organisationId: association.id,
      sequence: 1,
      issuedAt,
      lines: [{ bookingId: onA.id, amountExclCents: 10000 }],
    });
    const second = await createInvoice({
      centreId: centre.id,
      organisationId: company.id,
      sequence: 2,
      issuedAt,
      lines: [{ bookingId: onB.id, amountExclCents: 20000, vatBp: 2100, vatCents: 4200 }],
    });
    await createInvoice({
      centreId: centre.id,
      organisationId: company.id,
      sequence: 3,
      issuedAt,
      status: "CREDITED",
      lines: [{ bookingId: onB.id, amountExclCents: 99900 }],
    });
    const pay = (
      organisationId: string,
      amountCents: number,
      invoiceId: string | null,
      receivedAt: string,
      bookingId: string | null = null,
    ) =>
      createPayment({
        centreId: centre.id,
        organisationId,
        amountCents,
        invoiceId,
        bookingId,
        receivedAt: new Date(receivedAt),
        recordedById: user.id,
      });
    await pay(association.id, 6000, first.id, "2026-12-15T10:00:00Z");
    await pay(company.id, 24200, second.id, "2026-12-20T10:00:00Z");
    // A refund of € 10 on Zaal B's booking (not via an invoice), and a payment after the period.
    await pay(company.id, -1000, null, "2026-12-21T10:00:00Z", onB.id);
    await pay(association.id, 4000, first.id, "2027-01-05T10:00:00Z");
    // Costs of 2026: € 3 650 → December is 31/365 of it = € 310,00.
    await saveYearCosts(centre.id, user.id, { year: 2026, costsCents: 365000 });

    const { revenue } = (await centreReport(centre.id, december2026)).current;
    expect(revenue).toMatchObject({
      invoicedCents: 34200, // 10000 + 24200 (the credited invoice does not count)
      invoicedExclCents: 30000,
      receivedCents: 29200, // 6000 + 24200 − 1000
      outstandingCents: 0, // outstanding is what is still open today: the January payment settled it
      costsCents: 31000,
    });
    expect(revenue.costRecovery).toBeCloseTo(30000 / 31000, 12);
    expect(revenue.perTier.find((row) => row.tier === "COMMERCIAL")).toMatchObject({
      invoicedCents: 24200,
      receivedCents: 23200,
    });
    expect(revenue.perSpace.find((row) => row.spaceId === a.id)).toMatchObject({
      invoicedCents: 10000,
      receivedCents: 6000,
    });
    expect(revenue.perSpace.find((row) => row.spaceId === b.id)).toMatchObject({
      invoicedCents: 24200,
      receivedCents: 23200,
    });
    // The municipality's view adds up the same money with plain sums.
    const key = (await keyFiguresOf([centre.id], december2026)).get(centre.id);
    expect(key).toMatchObject({
      invoicedCents: 34200,
      invoicedExclCents: 30000,
      receivedCents: 29200,
      outstandingCents: 0,
      costsCents: 31000,
    });
    expect(key!.costRecovery).toBeCloseTo(30000 / 31000, 12);
  });

  it("says what is still outstanding on the invoices of the period", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-12-01T10:00",
    });
    const invoice = await createInvoice({
      centreId: centre.id,
      organisationId: organisation.id,
      sequence: 1,
      issuedAt: new Date("2026-12-10T10:00:00Z"),
      lines: [{ bookingId: booking.id, amountExclCents: 5000 }],
    });
    await createPayment({
      centreId: centre.id,
      organisationId: organisation.id,
      amountCents: 2000,
      invoiceId: invoice.id,
      method: "CASH",
      receivedAt: new Date("2026-12-11T10:00:00Z"),
    });
    const { revenue } = (await centreReport(centre.id, december2026)).current;
    expect(revenue).toMatchObject({
      invoicedCents: 5000,
      receivedCents: 2000,
      outstandingCents: 3000,
      costsCents: null,
      costRecovery: null,
    });
    expect((await keyFiguresOf([centre.id], december2026)).get(centre.id)).toMatchObject({
      outstandingCents: 3000,
      costRecovery: null,
    });
  });

  it("gives the energy per booked hour over the whole months that have a reading", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const user = await createUser();
    const room = await createRoom(centre.id, { name: "Zaal" });
    // 10 h in November, 5 h in December.
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-11-02T09:00",
      durationMinutes: 600,
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-12-07T09:00",
      durationMinutes: 300,
    });
    await saveEnergyReading(centre.id, user.id, { month: "2026-11-01", electricityKwh: 300, gasM3: 120 });
    await saveEnergyReading(centre.id, user.id, { month: "2026-12-01", electricityKwh: 150, gasM3: null });
    const { energy } = (await centreReport(centre.id, resolvePeriod({ kind: "quarter", date: "2026-11-01" }))).current;
    // kWh: (300 + 150) / (10 + 5) = 30; gas only in November: 120 / 10 = 12.
    expect(energy.kwhPerHour).toBeCloseTo(30, 12);
    expect(energy.m3PerHour).toBeCloseTo(12, 12);
    expect(energy.months.map((month) => [month.month, month.bookedHours])).toEqual([
      ["2026-10-01", 0],
      ["2026-11-01", 10],
      ["2026-12-01", 5],
    ]);
  });
});

describe("year on year, scope and time zones", () => {
  it("puts every figure next to the same period a year earlier", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2025-12-01T09:00",
      durationMinutes: 130 * 6,
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-12-01T09:00",
      durationMinutes: 60,
    });
    const report = await centreReport(centre.id, december2026);
    expect(report.previous.period).toEqual({ kind: "month", from: "2025-12-01", to: "2026-01-01" });
    expect(report.previous.hasData).toBe(true);
    // December 2025: 23 weekdays × 13 h = 299 h, no closure in this centre.
    expect(report.current.occupancy.total.availableHours).toBe(23 * 13);
    expect(report.previous.occupancy.total.availableHours).toBe(23 * 13);
    expect(report.current.occupancy.total.bookedHours).toBe(1);
    expect(report.previous.occupancy.total.bookedHours).toBe(13);
  });

  it("reads only the centre it is asked about", async () => {
    const { centre, organisation } = await centreWith(WEEKDAYS_9_TO_22);
    const other = await centreWith(WEEKDAYS_9_TO_22);
    const room = await createRoom(centre.id, { name: "Zaal" });
    const otherRoom = await createRoom(other.centre.id, { name: "Zaal" });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-12-01T10:00",
      durationMinutes: 60,
    });
    await createTestBooking({
      centreId: other.centre.id,
      organisationId: other.organisation.id,
      roomId: otherRoom.id,
      localStart: "2026-12-01T10:00",
      durationMinutes: 300,
    });
    const report = await centreReport(centre.id, december2026);
    expect(report.current.occupancy.rooms.map((row) => row.roomId)).toEqual([room.id]);
    expect(report.current.occupancy.total.bookedHours).toBe(1);
    const both = await keyFiguresOf([centre.id, other.centre.id], december2026);
    expect(both.get(centre.id)!.bookedHours).toBe(1);
    expect(both.get(other.centre.id)!.bookedHours).toBe(5);
  });

  it("adds up all centres in the municipality's view, a new centre without rooms included", async () => {
    const empty = await createCentre({ name: "Nieuw buurthuis zonder zalen" });
    const report = await installationReport(december2026);
    const newcomer = report.centres.find((row) => row.id === empty.id);
    expect([newcomer?.current.bookedHours, newcomer?.current.hasData]).toEqual([0, false]);
    const sum = report.centres.reduce((total, centre) => total + centre.current.bookedHours, 0);
    expect(report.total.current.bookedHours).toBeCloseTo(sum, 6);
    const available = report.centres.reduce((total, centre) => total + centre.current.availableHours, 0);
    expect(report.total.current.occupancy).toBeCloseTo(available > 0 ? sum / available : 0, 12);
  });

  it("gives the same figures when the database session runs in another time zone", async () => {
    const { centre, organisation } = await centreWith(ALL_DAY);
    const room = await createRoom(centre.id, { name: "Zaal" });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-10-24T22:00",
      durationMinutes: 420,
    });
    const period = range("2026-10-24", "2026-10-25");
    const here = await centreReport(centre.id, period);
    const url = process.env.TEST_DATABASE_URL!;
    const elsewhere = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c TimeZone=America/Los_Angeles")}`;
    await connectDatabase(elsewhere);
    try {
      const rows = await db().$queryRaw<{ zone: string }[]>`SELECT current_setting('TimeZone') AS zone`;
      expect(rows[0]?.zone).toBe("America/Los_Angeles");
      const there = await centreReport(centre.id, period);
      expect(there.current).toEqual(here.current);
    } finally {
      await disconnectDatabase();
      await connectDatabase(url);
    }
  });
});
