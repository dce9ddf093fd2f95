import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { requestBooking, reviewBookingRequest, type BookingRequestInput } from "~/domain/bookings/requests.server";
import { cancelOccurrence } from "~/domain/bookings/series-changes.server";
import { extrasOnOffer, saveExtra, setRoomDeposits } from "~/domain/money/extras.server";
import { issueInvoice } from "~/domain/money/invoices.server";
import { resolvePeriod } from "~/domain/reports/period";
import { centreReport } from "~/domain/reports/report.server";
import { centreTables } from "~/domain/reports/tables";
import { DomainError } from "~/domain/shared/errors";
import {
  addMembership,
  createCentre,
  createCombination,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
} from "../../prisma/factories";

const NOW = new Date("2027-03-01T09:00:00Z");

async function house() {
  const centre = await createCentre({ commercialShareCapBp: null });
  const hall = await createRoom(centre.id, { name: "Grote zaal", capacity: 80 });
  const bar = await createRoom(centre.id, { name: "Bar", capacity: 40 });
  const both = await createCombination(centre.id, [hall.id, bar.id], { name: "Zaal en bar", capacity: 120 });
  for (const space of [hall, bar, both]) {
    await createRate(centre.id, space.id, "PRIVATE", {
      hourlyCents: 2500,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
    await createRate(centre.id, space.id, "ASSOCIATION", {
      hourlyCents: 1250,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
  }
  const manager = await createUser({ name: "Beheerder" });
  await addMembership(manager.id, centre.id, "MANAGER");
  const actor = { centreId: centre.id, actorId: manager.id };
  const coffee = await saveExtra(actor, null, {
    name: "Koffie en thee",
    unit: "PER_PERSON",
    vatBp: 900,
    prices: { PRIVATE: 175, ASSOCIATION: 150 },
    active: true,
  });
  // no price for associations: they are not offered the projector
  const beamer = await saveExtra(actor, null, {
    name: "Beamer",
    unit: "PER_BOOKING",
    vatBp: 2100,
    prices: { PRIVATE: 1500 },
    active: true,
  });
  const sound = await saveExtra(actor, null, {
    name: "Geluidsinstallatie",
    unit: "PER_HOUR",
    vatBp: 2100,
    prices: { PRIVATE: 1250 },
    active: true,
  });
  await setRoomDeposits(actor, hall.id, { PRIVATE: 25_000 });
  const party = await createOrganisation(centre.id, { name: "Familie Jansen", tier: "PRIVATE" });
  const club = await createOrganisation(centre.id, { name: "Biljartclub", tier: "ASSOCIATION" });
  return { centre, hall, bar, both, manager, actor, coffee, beamer, sound, party, club };
}

function ask(
  base: { centreId: string; roomId: string; organisationId: string; managerId: string },
  overrides: Partial<BookingRequestInput> = {},
): BookingRequestInput {
  return {
    centreId: base.centreId,
    roomId: base.roomId,
    organisationId: base.organisationId,
    // a manager books: no approval step, so the booking is confirmed and can be invoiced
    actor: { userId: base.managerId, isManager: true },
    title: "Verjaardag",
    // two Tuesday evenings, three hours each
    rrule: "FREQ=WEEKLY;COUNT=2",
    localStart: "2027-03-09T19:00",
    durationMinutes: 180,
    attendees: 30,
    ...overrides,
  };
}

async function refusedWith(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe("extras on the bill", () => {
  it("prices extras per tier on every date, stores them with the booking and puts them on the invoice per VAT rate", async () => {
    const h = await house();
    const input = ask(
      { centreId: h.centre.id, roomId: h.hall.id, organisationId: h.party.id, managerId: h.manager.id },
      { extraIds: [h.coffee.id, h.beamer.id, h.sound.id] },
    );
    const review = await reviewBookingRequest(input, NOW);
    // per date: coffee 30 × 1,75 = 52,50 (9%: 4,73); beamer 15,00 (21%: 3,15); sound 3 h × 12,50 = 37,50 (21%: 7,88)
    expect(review.extras.dates.map((date) => [date.localStart, date.exclCents, date.vatCents])).toEqual([
      ["2027-03-09T19:00", 10_500, 473 + 315 + 788],
      ["2027-03-16T19:00", 10_500, 473 + 315 + 788],
    ]);
    expect(review.extras.vatByRate).toEqual([
      { vatBp: 900, exclCents: 10_500, vatCents: 946 },
      { vatBp: 2100, exclCents: 10_500, vatCents: 2206 },
    ]);
    // the room: 3 h × 25,00 = 75,00 + 21% per date
    expect(review.total).toEqual({
      exclCents: 15_000 + 21_000,
      vatCents: 3150 + 3152,
      inclCents: 15_000 + 21_000 + 3150 + 3152,
    });

    const { booking } = await requestBooking(input, NOW);
    const stored = await db().booking.findUniqueOrThrow({ where: { id: booking.id }, include: { extras: true } });
    expect(stored.status).toBe("CONFIRMED");
    expect([stored.extrasExclCents, stored.extrasVatCents]).toEqual([21_000, 3152]);
    expect([stored.totalExclCents, stored.totalVatCents, stored.totalInclCents]).toEqual([36_000, 6302, 42_302]);
    expect(
      stored.extras
        .map((extra) => [
          extra.name,
          extra.quantity,
          extra.unitPriceCents,
          extra.perDateExclCents,
          extra.perDateVatCents,
        ])
        .sort(),
    ).toEqual([
      ["Beamer", 1, 1500, 1500, 315],
      ["Geluidsinstallatie", 1, 1250, 3750, 788],
      ["Koffie en thee", 30, 175, 5250, 473],
    ]);

    const invoice = await issueInvoice(h.actor, { bookingId: booking.id }, NOW);
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: invoice.id } });
    expect(lines).toHaveLength(2 * 4);
    expect(lines.filter((line) => line.bookingExtraId !== null)).toHaveLength(2 * 3);
    const coffeeLines = lines.filter((line) => line.description.startsWith("Koffie en thee"));
    expect(coffeeLines.map((line) => [line.amountExclCents, line.vatBp, line.vatCents])).toEqual([
      [5250, 900, 473],
      [5250, 900, 473],
    ]);
    const perRate = (vatBp: number) =>
      lines
        .filter((line) => line.vatBp === vatBp)
        .reduce((sum, line) => [sum[0]! + line.amountExclCents, sum[1]! + line.vatCents], [0, 0]);
    expect(perRate(900)).toEqual([10_500, 946]);
    expect(perRate(2100)).toEqual([15_000 + 10_500, 3150 + 2206]);
    expect([invoice.totalExclCents, invoice.vatCents, invoice.totalInclCents]).toEqual([36_000, 6302, 42_302]);
  });

  it("offers an organisation only the extras with a price for its tier, at that price", async () => {
    const h = await house();
    const base = { centreId: h.centre.id, roomId: h.bar.id, organisationId: h.club.id, managerId: h.manager.id };
    const offer = await extrasOnOffer(h.centre.id);
    expect(offer.filter((extra) => extra.prices.ASSOCIATION !== undefined).map((extra) => extra.name)).toEqual([
      "Koffie en thee",
    ]);
    await refusedWith(reviewBookingRequest(ask(base, { extraIds: [h.beamer.id] }), NOW), "extra-not-offered");
    const review = await reviewBookingRequest(ask(base, { extraIds: [h.coffee.id] }), NOW);
    // 30 × 1,50 = 45,00 per date, 9%: 4,05
    expect(review.extras.dates.map((date) => [date.exclCents, date.vatCents])).toEqual([
      [4500, 405],
      [4500, 405],
    ]);
  });

  it("refuses an unknown extra, another centre's and one that is switched off, and books nothing", async () => {
    const h = await house();
    const elsewhere = await house();
    await saveExtra(h.actor, h.sound.id, {
      name: "Geluidsinstallatie",
      unit: "PER_HOUR",
      vatBp: 2100,
      prices: { PRIVATE: 1250 },
      active: false,
    });
    const base = { centreId: h.centre.id, roomId: h.hall.id, organisationId: h.party.id, managerId: h.manager.id };
    for (const extraIds of [[randomUUID()], [elsewhere.coffee.id], [h.sound.id], ["not-an-id"]]) {
      const error = await refusedWith(requestBooking(ask(base, { extraIds }), NOW), "extra-not-offered");
      expect(error.status).toBe(422);
    }
    expect(await db().booking.count({ where: { centreId: h.centre.id } })).toBe(0);
  });

  it("does not invoice the extras of a date that was cancelled later", async () => {
    const h = await house();
    const { booking } = await requestBooking(
      ask(
        { centreId: h.centre.id, roomId: h.hall.id, organisationId: h.party.id, managerId: h.manager.id },
        { extraIds: [h.beamer.id] },
      ),
      NOW,
    );
    const [, second] = await db().occurrence.findMany({
      where: { bookingId: booking.id },
      orderBy: { startsAt: "asc" },
    });
    await cancelOccurrence(h.actor, { occurrenceId: second!.id, reason: "Gaat niet door", feeCents: 0, now: NOW });
    const invoice = await issueInvoice(h.actor, { bookingId: booking.id }, NOW);
    expect(invoice.totalInclCents).toBe(7500 + 1575 + 1500 + 315);
  });
});

describe("deposits", () => {
  it("a booking of the room, or of a combination containing it, at that tier carries the deposit as due", async () => {
    const h = await house();
    await setRoomDeposits(h.actor, h.bar.id, { PRIVATE: 5000 });
    const base = { centreId: h.centre.id, organisationId: h.party.id, managerId: h.manager.id };
    const review = await reviewBookingRequest(ask({ ...base, roomId: h.both.id }), NOW);
    expect(review.depositCents).toBe(25_000);
    const { booking } = await requestBooking(ask({ ...base, roomId: h.both.id }), NOW);
    expect([booking.depositCents, booking.depositStatus]).toEqual([25_000, "DUE"]);
    // the deposit is not part of the price
    expect(booking.totalInclCents).toBe(2 * (7500 + 1575));
  });

  it("another tier, or a room without a deposit, carries none", async () => {
    const h = await house();
    const { booking: club } = await requestBooking(
      ask({ centreId: h.centre.id, roomId: h.hall.id, organisationId: h.club.id, managerId: h.manager.id }),
      NOW,
    );
    expect([club.depositCents, club.depositStatus]).toEqual([0, "NONE"]);
    const { booking: bar } = await requestBooking(
      ask({ centreId: h.centre.id, roomId: h.bar.id, organisationId: h.party.id, managerId: h.manager.id }),
      NOW,
    );
    expect([bar.depositCents, bar.depositStatus]).toEqual([0, "NONE"]);
  });
});

describe("the board's revenue report", () => {
  it("shows the extras invoiced per tier, and the deposits held apart from revenue", async () => {
    const h = await house();
    const base = { centreId: h.centre.id, managerId: h.manager.id };
    const { booking: party } = await requestBooking(
      ask({ ...base, roomId: h.hall.id, organisationId: h.party.id }, { extraIds: [h.coffee.id, h.beamer.id] }),
      NOW,
    );
    const { booking: club } = await requestBooking(
      ask(
        { ...base, roomId: h.bar.id, organisationId: h.club.id },
        { extraIds: [h.coffee.id], localStart: "2027-03-10T19:00", attendees: 10 },
      ),
      NOW,
    );
    await issueInvoice(h.actor, { bookingId: party.id }, NOW);
    await issueInvoice(h.actor, { bookingId: club.id }, NOW);
    // the party's deposit was paid (the payments part sets HELD)
    await db().booking.update({ where: { id: party.id }, data: { depositStatus: "HELD" } });

    const report = await centreReport(h.centre.id, resolvePeriod({ kind: "month", date: "2027-03-01" }), NOW);
    const { revenue } = report.current;
    // party, two dates: coffee 30 × 1,75 = 52,50 + 4,73; beamer 15,00 + 3,15
    const partyExtras = 2 * (5250 + 473 + 1500 + 315);
    // club, two dates: coffee 10 × 1,50 = 15,00 + 1,35
    const clubExtras = 2 * (1500 + 135);
    expect(revenue.extras.perTier.find((row) => row.tier === "PRIVATE")).toMatchObject({
      invoicedCents: partyExtras,
      invoicedExclCents: 2 * (5250 + 1500),
    });
    expect(revenue.extras.perTier.find((row) => row.tier === "ASSOCIATION")).toMatchObject({
      invoicedCents: clubExtras,
    });
    expect(revenue.extras.invoicedCents).toBe(partyExtras + clubExtras);
    // extras are part of what was invoiced; the deposit is not
    expect(revenue.perTier.find((row) => row.tier === "PRIVATE")!.invoicedCents).toBe(2 * (7500 + 1575) + partyExtras);
    expect(revenue.depositsHeldCents).toBe(25_000);

    const tables = centreTables(report);
    expect(tables["revenue-tiers"].rows.find((row) => row.tier === "PRIVATE")).toMatchObject({ extras: partyExtras });
    expect(tables["key-figures"].rows.find((row) => row.figure === "extras.report.depositsHeld")).toMatchObject({
      thisPeriod: 25_000,
    });
  });
});
