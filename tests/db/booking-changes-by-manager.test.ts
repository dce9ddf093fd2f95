import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  applyPatternChange,
  cancelDate,
  cancelFrom,
  moveDate,
  previewPatternChange,
} from "~/domain/bookings/manager-changes.server";
import { cancelByOrganisation } from "~/domain/bookings/cancel.server";
import { bookingHistory } from "~/domain/bookings/history.server";
import {
  dispatchBookingNotices,
  sendBookingConfirmation,
  sendSeriesReminders,
} from "~/domain/bookings/notifications.server";
import { localDateTimeAt } from "~/domain/time/time-zone";
import { createCentre, createOrganisation, createRoom, createTestBooking, createUser } from "../../prisma/factories";

const AMS = "Europe/Amsterdam";
const local = (date: Date) => localDateTimeAt(date, AMS);

/** A weekly series on Tuesdays 19:30, eight dates, priced €20 + €4.20 VAT each; "now" is a week before the first date. */
async function series(options: { email?: string | null; locale?: "nl" | "en"; count?: number } = {}) {
  const centre = await createCentre();
  const room = await createRoom(centre.id, { name: "Zaal 1" });
  const spare = await createRoom(centre.id, { name: "Zaal 2" });
  const contact = await createUser();
  const organisation = await createOrganisation(centre.id, {
    name: "Yoga",
    contactEmail: options.email === undefined ? "yoga@voorbeeld.example" : options.email,
    locale: options.locale ?? "nl",
    members: { create: { userId: contact.id } },
  });
  const manager = await createUser({ name: "Marieke" });
  const booking = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    title: "Yoga",
    rrule: `FREQ=WEEKLY;COUNT=${options.count ?? 8}`,
    localStart: "2027-03-02T19:30",
    durationMinutes: 60,
    tier: "COMMERCIAL",
    pricePerDate: () => ({ exclCents: 2000, vatCents: 420 }),
  });
  await db().booking.update({ where: { id: booking.id }, data: { createdAt: new Date("2027-01-01T00:00:00Z") } });
  const dates = () =>
    db().occurrence.findMany({
      where: { booking: { OR: [{ id: booking.id }, { splitFromId: booking.id }] } },
      orderBy: { startsAt: "asc" },
    });
  return {
    centre,
    room,
    spare,
    organisation,
    contact,
    manager,
    booking,
    dates,
    actor: { centreId: centre.id, actorId: manager.id },
  };
}

const NOW = new Date("2027-02-23T12:00:00Z");

describe("a manager changes a booking", () => {
  it("cancelling one date with the policy's fee charges it; without the fee charges nothing", async () => {
    const { actor, dates } = await series();
    const [first, second] = await dates();
    // 7 days before: the default policy charges half of €24.20.
    expect(
      (await cancelDate(actor, { occurrenceId: first!.id, reason: "Zaal nodig", chargeFee: true }, NOW)).feeCents,
    ).toBe(1210);
    expect(
      (await cancelDate(actor, { occurrenceId: second!.id, reason: "Zaal nodig", chargeFee: false }, NOW)).feeCents,
    ).toBe(0);
    const after = await dates();
    expect(after.slice(0, 2).map((date) => [date.status, date.cancellationFeeCents])).toEqual([
      ["CANCELLED", 1210],
      ["CANCELLED", 0],
    ]);
  });

  it("moving one date and then changing 'this and following' neither duplicates nor loses a date", async () => {
    const { actor, dates, spare, room, booking } = await series();
    const before = await dates();
    await moveDate(actor, {
      occurrenceId: before[1]!.id,
      date: "2027-03-11",
      time: "20:00",
      roomId: spare.id,
      allowOutsideOpeningHours: false,
    });
    const input = {
      bookingId: booking.id,
      scope: "following" as const,
      fromOccurrenceId: before[4]!.id,
      pattern: {
        rrule: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270422T235959",
        localStart: "2027-04-01T20:00",
        durationMinutes: 60,
        roomId: room.id,
      },
      allowOutsideOpeningHours: false,
    };
    const plan = await previewPatternChange(actor, input, NOW);
    expect([plan.updated.length, plan.added.length, plan.cancelled.length, plan.conflicts.length]).toEqual([
      0, 4, 4, 0,
    ]);
    const { bookingId } = await applyPatternChange(actor, input, NOW);
    expect(bookingId).not.toBe(booking.id);

    const after = await dates();
    const active = after.filter((date) => date.status === "ACTIVE").map((date) => local(date.startsAt));
    expect(active).toEqual([
      "2027-03-02T19:30",
      "2027-03-11T20:00",
      "2027-03-16T19:30",
      "2027-03-23T19:30",
      "2027-04-01T20:00",
      "2027-04-08T20:00",
      "2027-04-15T20:00",
      "2027-04-22T20:00",
    ]);
    expect(new Set(active.map((start) => start.slice(0, 10))).size).toBe(active.length);
  });

  it("cancelling from a date on with the fee charges only the dates the policy charges for, and ends the series there", async () => {
    const { actor, dates, booking } = await series();
    const before = await dates();
    const result = await cancelFrom(
      actor,
      { bookingId: booking.id, fromOccurrenceId: before[0]!.id, reason: "Stopt", chargeFee: true },
      NOW,
    );
    // 7 days (50%) for the first date, 14 days (free) for the second onwards.
    // Nothing was paid on this series, so nothing comes back.
    expect(result).toEqual({ cancelled: 8, feeCents: 1210, refundCents: 0 });
    const after = await dates();
    expect(after.every((date) => date.status === "CANCELLED")).toBe(true);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CANCELLED");
  });

  it("the contact is told once about each change someone else made, in their language, and never twice", async () => {
    const { actor, dates, spare, centre, organisation } = await series({ locale: "en" });
    const [first] = await dates();
    await moveDate(actor, {
      occurrenceId: first!.id,
      date: "2027-03-04",
      time: "19:00",
      roomId: spare.id,
      allowOutsideOpeningHours: false,
    });
    // moveDate tells the contact right away; the job and another page find nothing left to tell.
    const again = await Promise.all([
      dispatchBookingNotices({ centreId: centre.id }),
      dispatchBookingNotices({ centreId: centre.id }),
    ]);
    expect(again).toEqual([0, 0]);
    const emails = await db().emailMessage.findMany({ where: { centreId: centre.id } });
    expect(emails.map((email) => [email.toAddress, email.kind, email.locale, email.subject])).toEqual([
      [organisation.contactEmail, "booking-changed", "en", "Changed: Yoga"],
    ]);
    expect(emails[0]!.textBody).toContain("has moved to Thursday 4 March, 19:00–20:00 in Zaal 2");
    expect(emails[0]!.htmlBody).toMatch(/^<!doctype html>/);
  });

  it("several changes waiting together go out as one email", async () => {
    const { centre, dates, manager, booking } = await series();
    const [first, second] = await dates();
    // Engine changes whose page stopped before it told anyone: only the audit trail has them.
    const { cancelOccurrence } = await import("~/domain/bookings/series-changes.server");
    await cancelOccurrence(
      { centreId: centre.id, actorId: manager.id },
      { occurrenceId: first!.id, reason: "Lekkage" },
    );
    await cancelOccurrence(
      { centreId: centre.id, actorId: manager.id },
      { occurrenceId: second!.id, reason: "Lekkage" },
    );
    expect(await dispatchBookingNotices({ centreId: centre.id })).toBe(1);
    const [email] = await db().emailMessage.findMany({ where: { centreId: centre.id } });
    expect(email!.textBody.match(/Lekkage/g)).toHaveLength(2);
    expect(await bookingHistory(centre.id, booking.id)).toHaveLength(3);
  });

  it("the contact's own cancellation is not emailed back to them", async () => {
    const { centre, dates, contact, organisation, booking } = await series();
    const [first] = await dates();
    await cancelByOrganisation(
      {
        centreId: centre.id,
        organisationIds: [organisation.id],
        bookingId: booking.id,
        scope: "date",
        occurrenceId: first!.id,
        actorId: contact.id,
        reason: "Ziek",
      },
      NOW,
    );
    expect(await dispatchBookingNotices({ centreId: centre.id })).toBe(0);
    expect(await db().emailMessage.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("an organisation without email gets nothing, and its confirmation can be sent to an address the manager types", async () => {
    const { actor, dates, centre, booking } = await series({ email: null });
    await cancelDate(actor, { occurrenceId: (await dates())[0]!.id, reason: "Zaal nodig", chargeFee: false }, NOW);
    expect(await db().emailMessage.count({ where: { centreId: centre.id } })).toBe(0);
    await expect(sendBookingConfirmation(actor, { bookingId: booking.id })).rejects.toMatchObject({
      code: "no-email-address",
    });
    await sendBookingConfirmation(actor, { bookingId: booking.id, to: "dochter@voorbeeld.example" });
    const [email] = await db().emailMessage.findMany({ where: { centreId: centre.id } });
    expect([email!.toAddress, email!.kind]).toEqual(["dochter@voorbeeld.example", "booking-confirmation"]);
    expect(email!.textBody).toContain("dinsdag 9 maart, 19:30–20:30, Zaal 1");
  });

  it("another centre's booking or date is not found", async () => {
    const { actor } = await series();
    const other = await series();
    const [date] = await other.dates();
    await expect(
      cancelDate(actor, { occurrenceId: date!.id, reason: "Test", chargeFee: false }, NOW),
    ).rejects.toMatchObject({ status: 404 });
    await expect(sendBookingConfirmation(actor, { bookingId: other.booking.id })).rejects.toMatchObject({
      status: 404,
    });
    expect((await db().occurrence.findUniqueOrThrow({ where: { id: date!.id } })).status).toBe("ACTIVE");
  });
});

describe("the reminder before a series starts", () => {
  it("goes out once, in the window before the first date", async () => {
    const { centre } = await series();
    // Default: two days ahead. A week before, nothing; a day before, one email; again, nothing more.
    expect(await sendSeriesReminders(NOW)).toBe(0);
    const dayBefore = new Date("2027-03-01T19:30:00Z");
    const sent = await sendSeriesReminders(dayBefore);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendSeriesReminders(dayBefore)).toBe(0);
    const reminders = await db().emailMessage.findMany({
      where: { centreId: centre.id, kind: "booking-series-reminder" },
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.textBody).toContain("dinsdag 2 maart, 19:30–20:30");
  });
});
