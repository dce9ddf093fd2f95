import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  approveBooking,
  declineBooking,
  remindOverdueRequests,
  requestBooking,
  reviewBookingRequest,
  type BookingRequestInput,
} from "~/domain/bookings/requests.server";
import { DomainError } from "~/domain/shared/errors";
import { setRate } from "~/domain/money/rates.server";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
} from "../../prisma/factories";
import { clock } from "~/lib/clock";

const NOW = new Date("2027-03-01T09:00:00Z");

async function house(options: { shareCapAction?: "REFUSE" | "REQUIRE_APPROVAL" } = {}) {
  // The share cap is tested on its own; elsewhere it would make every commercial request "over".
  const centre = await createCentre({
    commercialShareCapBp: options.shareCapAction ? 3000 : null,
    commercialShareCapAction: options.shareCapAction ?? "REQUIRE_APPROVAL",
  });
  const room = await createRoom(centre.id, { name: "Zaal A", capacity: 40 });
  const other = await createRoom(centre.id, { name: "Zaal B", capacity: 40 });
  for (const space of [room, other]) {
    await createRate(centre.id, space.id, "RESIDENT_INITIATIVE", {
      hourlyCents: 500,
      freeHoursPerMonth: 2,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
    await createRate(centre.id, space.id, "ASSOCIATION", {
      hourlyCents: 1250,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
    await createRate(centre.id, space.id, "PRIVATE", {
      hourlyCents: 2500,
      minimumMinutes: 120,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
    await createRate(centre.id, space.id, "COMMERCIAL", {
      hourlyCents: 4000,
      minimumMinutes: 120,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
  }
  const manager = await createUser({ name: "Beheerder" });
  await addMembership(manager.id, centre.id, "MANAGER");
  const initiative = await createOrganisation(centre.id, {
    name: "Koffieochtend",
    tier: "RESIDENT_INITIATIVE",
    contactEmail: "koffie@voorbeeld.example",
  });
  const company = await createOrganisation(centre.id, {
    name: "Yoga BV",
    tier: "COMMERCIAL",
    contactEmail: "yoga@voorbeeld.example",
    locale: "en",
  });
  return { centre, room, other, manager, initiative, company };
}

function ask(
  base: { centreId: string; roomId: string; organisationId: string },
  overrides: Partial<BookingRequestInput> = {},
): BookingRequestInput {
  return {
    ...base,
    actor: { userId: null, isManager: false },
    title: "Activiteit",
    rrule: null,
    localStart: "2027-03-09T19:30",
    durationMinutes: 90,
    attendees: 12,
    ...overrides,
  };
}

/** Emails of this test's centre to `to` (other test files in the worker's database use the same addresses). */
async function outbox(centreId: string, to: string) {
  return db().emailMessage.findMany({ where: { centreId, toAddress: to }, orderBy: { createdAt: "asc" } });
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

describe("an initiative books a weekly series", () => {
  it("is confirmed at once, priced per date with its free hours, with a snapshot of the quote and a confirmation email", async () => {
    const { centre, room, initiative } = await house();
    const { booking, review } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
        { rrule: "FREQ=WEEKLY;COUNT=6", localStart: "2027-03-02T10:00", durationMinutes: 120, title: "Koffieochtend" },
      ),
      NOW,
    );
    expect(booking.status).toBe("CONFIRMED");
    expect(review.outcome).toBe("confirmed");
    // €5/h with 2 free hours a month: the first date of March and of April is free,
    // the other March dates cost 2 h × €5; exempt from VAT.
    expect(review.quote.lines.map((line) => line.exclCents)).toEqual([0, 1000, 1000, 1000, 1000, 0]);
    expect(review.quote.totalInclCents).toBe(4000);
    const stored = await db().booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(stored.totalInclCents).toBe(4000);
    expect(stored.quote).toMatchObject({ tier: "RESIDENT_INITIATIVE", hourlyCents: 500, totalInclCents: 4000 });
    const dates = await db().occurrence.findMany({ where: { bookingId: booking.id }, orderBy: { startsAt: "asc" } });
    expect(dates.map((d) => d.priceExclCents)).toEqual([0, 1000, 1000, 1000, 1000, 0]);
    expect(dates.every((d) => d.firmAt === null)).toBe(true);
    const [mail] = await outbox(centre.id, "koffie@voorbeeld.example");
    expect(mail?.subject).toBe("Gereserveerd: Koffieochtend");
    expect(mail?.textBody).toMatch(/Totaal met btw: €\s40,00/);
    expect(mail?.textBody).toContain("Vrijgesteld van btw");
  });

  it("a rate change applies to bookings made after it; earlier bookings keep their price", async () => {
    const { centre, room, initiative, manager } = await house();
    const first = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
        { localStart: "2027-03-16T10:00", durationMinutes: 180, attendees: 10 },
      ),
      NOW,
    );
    await setRate(
      { centreId: centre.id, actorId: manager.id },
      {
        roomId: room.id,
        tier: "RESIDENT_INITIATIVE",
        hourlyCents: 700,
        minimumMinutes: 60,
        freeHoursPerMonth: 0,
        dayParts: [],
      },
      new Date(NOW.getTime() + 1000),
    );
    const second = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
        { localStart: "2027-03-23T10:00", durationMinutes: 180, attendees: 10 },
      ),
      new Date(NOW.getTime() + 2000),
    );
    expect(second.review.quote.totalExclCents).toBe(2100);
    expect((await db().booking.findUniqueOrThrow({ where: { id: first.booking.id } })).totalExclCents).toBe(500); // 3 h − 2 free h at €5
  });
});

describe("a commercial request waits for approval", () => {
  it("holds its slot while pending; a manager approves it and the contact is emailed (in English)", async () => {
    const { centre, room, company, manager } = await house();
    const { booking, review } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-23T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    expect(booking.status).toBe("PENDING");
    expect(review.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["approval", "provisional"]));
    // 2 h × €40 = €80 excl., 21% VAT.
    expect(review.quote).toMatchObject({ totalExclCents: 8000, totalVatCents: 1680, totalInclCents: 9680 });
    // A second request for the same slot sees it taken: pending requests hold their slot.
    const dance = await createOrganisation(centre.id, { name: "Dans BV", tier: "COMMERCIAL" });
    const blocked = await reviewBookingRequest(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: dance.id },
        { localStart: "2027-03-23T20:00", durationMinutes: 60 },
      ),
      NOW,
    );
    expect(blocked.outcome).toBe("refused");
    expect(blocked.dates[0]?.state).toBe("blocked");
    expect(blocked.dates[0]?.conflicts[0]?.other).toMatchObject({ title: null, organisation: null }); // an organisation sees only "taken"

    const managersMail = await db().emailMessage.findFirst({
      where: { kind: "request-new", toAddress: manager.email },
    });
    expect(managersMail?.subject).toBe("Nieuwe aanvraag van Yoga BV: Activiteit");
    await approveBooking({ centreId: centre.id, actorId: manager.id }, booking.id, NOW);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
    const mails = await outbox(centre.id, "yoga@voorbeeld.example");
    expect(mails.map((mail) => mail.subject)).toEqual(["Request received: Activiteit", "Approved: Activiteit"]);
    await refusedWith(approveBooking({ centreId: centre.id, actorId: manager.id }, booking.id, NOW), "not-pending");
  });

  it("a declined request frees its slot and the contact is told why", async () => {
    const { centre, room, company, manager } = await house();
    const { booking } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-10T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    await refusedWith(declineBooking({ centreId: centre.id, actorId: manager.id }, booking.id, ""), "reason-required");
    await declineBooking(
      { centreId: centre.id, actorId: manager.id },
      booking.id,
      "Die avond is er een buurtvergadering",
      NOW,
    );
    expect(await db().roomClaim.count({ where: { occurrence: { bookingId: booking.id }, active: true } })).toBe(0);
    const mail = (await outbox(centre.id, "yoga@voorbeeld.example")).at(-1);
    expect(mail?.subject).toBe("Not approved: Activiteit");
    expect(mail?.textBody).toContain("Die avond is er een buurtvergadering");
  });

  it("another centre's manager cannot decide on it", async () => {
    const { centre, room, company } = await house();
    const elsewhere = await house();
    const { booking } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-11T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    await refusedWith(
      approveBooking({ centreId: elsewhere.centre.id, actorId: elsewhere.manager.id }, booking.id, NOW),
      "not-found",
    );
  });
});

describe("3. resident initiatives before commercial hire", () => {
  it("an initiative takes over a provisional commercial date: bumped in the same transaction, refund queued, contact emailed with alternatives", async () => {
    const { centre, room, company, initiative, manager } = await house();
    const hire = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { rrule: "FREQ=WEEKLY;COUNT=3", localStart: "2027-03-23T19:30", durationMinutes: 120, title: "Yoga" },
      ),
      NOW,
    );
    await approveBooking({ centreId: centre.id, actorId: manager.id }, hire.booking.id, NOW);
    await db().payment.create({
      data: {
        centreId: centre.id,
        organisationId: company.id,
        bookingId: hire.booking.id,
        amountCents: 29040,
        method: "BANK_TRANSFER",
        receivedAt: NOW,
      },
    });

    const { booking, review } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
        { localStart: "2027-03-30T19:00", durationMinutes: 120, title: "Buurtvergadering" },
      ),
      NOW,
    );
    expect(booking.status).toBe("CONFIRMED");
    expect(review.dates[0]?.state).toBe("bumps");
    expect(review.findings.map((f) => f.rule)).toContain("bump");
    const hireDates = await db().occurrence.findMany({
      where: { bookingId: hire.booking.id },
      orderBy: { startsAt: "asc" },
    });
    expect(hireDates.map((d) => d.status)).toEqual(["ACTIVE", "BUMPED", "ACTIVE"]);
    expect(hireDates[1]?.cancelReason).toContain("Koffieochtend");
    expect((await db().booking.findUniqueOrThrow({ where: { id: hire.booking.id } })).status).toBe("CONFIRMED");
    const refund = await db().payment.findFirstOrThrow({
      where: { bookingId: hire.booking.id, amountCents: { lt: 0 } },
    });
    expect(refund).toMatchObject({ amountCents: -9680, status: "PENDING" });
    const mail = (await outbox(centre.id, "yoga@voorbeeld.example")).find((m) => m.kind === "booking-bumped");
    expect(mail?.subject).toBe("Your provisional booking of Zaal A ends: Yoga");
    expect(mail?.textBody).toContain("Koffieochtend");
    expect(mail?.textBody).toContain("Zaal B"); // another free room that evening
    expect(mail?.textBody).toContain("€96.80");
    const audit = await db().auditEvent.findFirst({ where: { entityId: hire.booking.id, action: "bumped" } });
    expect(audit?.details).toMatchObject({ by: "Koffieochtend", refundCents: 9680 });
  });

  it("after the cut-off the commercial date is firm and cannot be taken over", async () => {
    const { centre, room, company, initiative, manager } = await house();
    const hire = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-25T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    await approveBooking({ centreId: centre.id, actorId: manager.id }, hire.booking.id, NOW);
    const firmAt = (await db().occurrence.findFirstOrThrow({ where: { bookingId: hire.booking.id } })).firmAt!;
    expect(firmAt.toISOString()).toBe("2027-03-11T18:30:00.000Z"); // 14 days before 19:30 local
    const request = ask(
      { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
      { localStart: "2027-03-25T19:00", durationMinutes: 60 },
    );
    expect((await reviewBookingRequest(request, new Date(firmAt.getTime() - 1))).dates[0]?.state).toBe("bumps");
    await refusedWith(requestBooking(request, firmAt), "room-already-booked"); // exactly at the cut-off: firm
  });

  it("associations and commercial hirers cannot take over provisional dates", async () => {
    const { centre, room, company } = await house();
    const association = await createOrganisation(centre.id, { name: "Biljartclub", tier: "ASSOCIATION" });
    await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-26T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    const review = await reviewBookingRequest(
      ask({ centreId: centre.id, roomId: room.id, organisationId: association.id }, { localStart: "2027-03-26T19:30" }),
      NOW,
    );
    expect(review.dates[0]?.state).toBe("blocked");
  });
});

describe("the other rules", () => {
  it("1. commercial hirers book at most 8 weeks ahead", async () => {
    const { centre, room, company } = await house();
    const error = await refusedWith(
      requestBooking(
        ask(
          { centreId: centre.id, roomId: room.id, organisationId: company.id },
          { localStart: "2027-05-04T19:30", durationMinutes: 120 },
        ),
        NOW,
      ),
      "rule-booking-horizon",
    );
    expect(error.params).toMatchObject({ days: 56, lastDay: "2027-04-26" });
  });

  it("2. community hours keep weekday daytime for initiatives and associations, and say what to do", async () => {
    const { centre, room, company } = await house();
    const review = await reviewBookingRequest(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-10T14:00", durationMinutes: 120 },
      ),
      NOW,
    );
    expect(review.outcome).toBe("refused");
    expect(review.findings.find((f) => f.rule === "community-hours")).toMatchObject({
      effect: "refuse",
      params: { weekday: 3, from: "09:00", to: "17:00" },
    });
  });

  it("4. the commercial share cap refuses, or sends for approval, as the centre chooses", async () => {
    for (const action of ["REFUSE", "REQUIRE_APPROVAL"] as const) {
      const { centre, room, company, initiative } = await house({ shareCapAction: action });
      await requestBooking(
        ask(
          { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
          { localStart: "2027-03-15T19:00", durationMinutes: 120 },
        ),
        NOW,
      );
      // 2 h initiative + 2 h commercial = 50% > 30%.
      const review = await reviewBookingRequest(
        ask(
          { centreId: centre.id, roomId: room.id, organisationId: company.id },
          { localStart: "2027-03-16T19:00", durationMinutes: 120 },
        ),
        NOW,
      );
      const finding = review.findings.find((f) => f.rule === "share-cap");
      expect(finding?.effect).toBe(action === "REFUSE" ? "refuse" : "approval");
      expect(finding?.params).toMatchObject({ capPercent: 30, sharePercent: 50, room: "Zaal A", month: "2027-03" });
    }
  });

  it("5. an unverified initiative books at the tier the centre gives unverified organisations", async () => {
    const { centre, room } = await house();
    const newcomer = await createOrganisation(centre.id, {
      name: "Nieuw initiatief",
      tier: "RESIDENT_INITIATIVE",
      tierVerifiedAt: null,
    });
    const review = await reviewBookingRequest(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: newcomer.id },
        { localStart: "2027-03-13T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    expect(review.tier).toBe("PRIVATE");
    expect(review.outcome).toBe("pending");
    expect(review.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["unverified-tier", "approval"]));
  });
});

describe("bad input", () => {
  it("a 30-hour booking, a date in the past and more people than the room holds", async () => {
    const { centre, room, initiative } = await house();
    const base = { centreId: centre.id, roomId: room.id, organisationId: initiative.id };
    await refusedWith(requestBooking(ask(base, { durationMinutes: 30 * 60 }), NOW), "invalid-duration");
    await refusedWith(requestBooking(ask(base, { localStart: "2027-02-20T10:00" }), NOW), "rule-date-in-past");
    await refusedWith(requestBooking(ask(base, { attendees: 41 }), NOW), "rule-too-many-people");
    expect(await db().booking.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("another organisation's or centre's id is not found", async () => {
    const { centre, room } = await house();
    const elsewhere = await house();
    await refusedWith(
      requestBooking(ask({ centreId: centre.id, roomId: room.id, organisationId: elsewhere.initiative.id }), NOW),
      "not-found",
    );
    await refusedWith(
      requestBooking(
        ask({ centreId: centre.id, roomId: elsewhere.room.id, organisationId: elsewhere.initiative.id }),
        NOW,
      ),
      "not-found",
    );
  });

  it("a double-submitted form books once", async () => {
    const { centre, room, initiative } = await house();
    const request = ask(
      { centreId: centre.id, roomId: room.id, organisationId: initiative.id },
      { submissionKey: randomUUID(), localStart: "2027-03-17T10:00" },
    );
    const results = await Promise.allSettled([requestBooking(request, NOW), requestBooking(request, NOW)]);
    const booked = results.filter(
      (r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof requestBooking>>> => r.status === "fulfilled",
    );
    expect(booked).toHaveLength(1);
    // The second sending is told it was sent already, with the first one's booking: never a clash with itself.
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((failure.reason as DomainError).code).toBe("already-submitted");
    expect((failure.reason as DomainError).params).toEqual({ entityId: booked[0]!.value.booking.id });
    await refusedWith(requestBooking(request, NOW), "already-submitted");
    expect(await db().booking.count({ where: { centreId: centre.id } })).toBe(1);
  });
});

describe("waiting requests", () => {
  it("managers are reminded once a day of requests older than the centre's period", async () => {
    const { centre, room, company, manager } = await house();
    const { booking } = await requestBooking(
      ask(
        { centreId: centre.id, roomId: room.id, organisationId: company.id },
        { localStart: "2027-03-18T19:30", durationMinutes: 120 },
      ),
      NOW,
    );
    await db().booking.update({
      where: { id: booking.id },
      data: { createdAt: new Date(clock.now().getTime() - 4 * 86_400_000) },
    });
    expect(await remindOverdueRequests()).toBeGreaterThanOrEqual(1);
    const reminder = await db().emailMessage.findFirst({
      where: { kind: "request-reminder", toAddress: manager.email },
    });
    expect(reminder?.textBody).toContain("Yoga BV: Activiteit");
    await remindOverdueRequests();
    const reminders = await db().emailMessage.count({ where: { kind: "request-reminder", toAddress: manager.email } });
    expect(reminders).toBe(1);
  });
});
