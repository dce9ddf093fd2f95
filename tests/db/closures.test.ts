import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  cancelDatesInClosure,
  closureWithHits,
  createClosure,
  datesInClosures,
  listClosures,
} from "~/domain/centre/closures.server";
import { dispatchBookingNotices } from "~/domain/bookings/notifications.server";
import {
  createCentre,
  createCombination,
  createOrganisation,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";

const NOW = new Date("2027-03-01T08:00:00Z");

async function centreWithSeries() {
  const centre = await createCentre();
  const zaalA = await createRoom(centre.id, { name: "Zaal A" });
  const zaalB = await createRoom(centre.id, { name: "Zaal B" });
  const keuken = await createRoom(centre.id, { name: "Keuken" });
  const groot = await createCombination(centre.id, [zaalA.id, zaalB.id], { name: "Grote zaal" });
  const koffie = await createOrganisation(centre.id, {
    name: "Koffieclub",
    contactEmail: "koffie@voorbeeld.example",
    locale: "en",
  });
  const zonder = await createOrganisation(centre.id, {
    name: "Buurman Jan",
    contactEmail: null,
    contactPhone: "0612345678",
  });
  const manager = await createUser();
  const weekly = await createTestBooking({
    centreId: centre.id,
    organisationId: koffie.id,
    roomId: zaalA.id,
    title: "Koffie",
    rrule: "FREQ=WEEKLY;COUNT=6",
    localStart: "2027-03-02T10:00",
    durationMinutes: 120,
  });
  const party = await createTestBooking({
    centreId: centre.id,
    organisationId: zonder.id,
    roomId: groot.id,
    title: "Feest",
    localStart: "2027-03-10T19:00",
    durationMinutes: 180,
  });
  const cooking = await createTestBooking({
    centreId: centre.id,
    organisationId: koffie.id,
    roomId: keuken.id,
    title: "Koken",
    localStart: "2027-03-09T14:00",
    durationMinutes: 60,
  });
  return {
    centre,
    zaalA,
    zaalB,
    keuken,
    groot,
    koffie,
    zonder,
    manager,
    weekly,
    party,
    cooking,
    actor: { centreId: centre.id, actorId: manager.id },
  };
}

describe("closures", () => {
  it("a closure of one room lists the dates it hits there, and those of combinations holding that room", async () => {
    const { actor, zaalA } = await centreWithSeries();
    const { hits } = await createClosure(
      actor,
      { roomId: zaalA.id, startDate: "2027-03-09", endDate: "2027-03-16", reason: "Schilderwerk" },
      NOW,
    );
    expect(hits.map((hit) => [hit.title, hit.startsAt.toISOString()])).toEqual([
      ["Koffie", "2027-03-09T09:00:00.000Z"],
      ["Feest", "2027-03-10T18:00:00.000Z"],
      ["Koffie", "2027-03-16T09:00:00.000Z"],
    ]);
  });

  it("a closure of the whole centre hits every room; the last day counts in the centre's zone", async () => {
    const { actor } = await centreWithSeries();
    const { hits } = await createClosure(
      actor,
      { roomId: null, startDate: "2027-03-09", endDate: "2027-03-09", reason: "Verkiezingen" },
      NOW,
    );
    expect(hits.map((hit) => hit.title).sort()).toEqual(["Koffie", "Koken"]);
  });

  it("refuses a last day before the first day and another centre's room", async () => {
    const { actor } = await centreWithSeries();
    const other = await centreWithSeries();
    await expect(
      createClosure(actor, { roomId: null, startDate: "2027-03-10", endDate: "2027-03-09", reason: "Fout" }, NOW),
    ).rejects.toMatchObject({ code: "closure-end-before-start" });
    await expect(
      createClosure(
        actor,
        { roomId: other.zaalA.id, startDate: "2027-03-09", endDate: "2027-03-09", reason: "Fout" },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "not-found" });
    expect(await db().closure.count({ where: { centreId: actor.centreId } })).toBe(0);
  });

  it("cancelling the hit dates frees the rooms and emails each contact once, in their language; nobody is told twice", async () => {
    const { actor, zaalA, koffie, centre } = await centreWithSeries();
    const { closure, hits } = await createClosure(
      actor,
      { roomId: zaalA.id, startDate: "2027-03-09", endDate: "2027-03-16", reason: "Schilderwerk" },
      NOW,
    );
    expect((await datesInClosures(centre.id, NOW)).map((item) => item.hits.length)).toEqual([3]);

    const result = await cancelDatesInClosure(
      actor,
      { closureId: closure.id, occurrenceIds: hits.map((hit) => hit.occurrenceId), notify: true },
      NOW,
    );
    expect(result).toEqual({ cancelled: 3, emails: 1 });
    const dates = await db().occurrence.findMany({
      where: { id: { in: hits.map((hit) => hit.occurrenceId) } },
      include: { claims: true },
    });
    expect(
      dates.every(
        (date) =>
          date.status === "CANCELLED" &&
          date.cancelReason === "Schilderwerk" &&
          date.claims.every((claim) => !claim.active),
      ),
    ).toBe(true);

    const emails = await db().emailMessage.findMany({ where: { centreId: centre.id } });
    expect(emails.map((email) => [email.toAddress, email.kind, email.locale])).toEqual([
      [koffie.contactEmail, "booking-closure", "en"],
    ]);
    expect(emails[0]!.textBody).toContain("Schilderwerk");
    expect(emails[0]!.textBody).toMatch(/Tuesday 9 March, 10:00–12:00/);
    expect(emails[0]!.htmlBody).toContain("<p>");
    // The audit events of these cancellations are marked as told: the notice job sends nothing more.
    expect(await dispatchBookingNotices({ centreId: centre.id, now: NOW })).toBe(0);
    expect(await db().emailMessage.count({ where: { centreId: centre.id } })).toBe(1);
    expect(await datesInClosures(centre.id, NOW)).toEqual([]);
    expect((await listClosures(centre.id, NOW)).map((item) => item.hits)).toEqual([0]);
  });

  it("without 'notify' the dates are cancelled and nobody is emailed", async () => {
    const { actor, centre } = await centreWithSeries();
    const { closure, hits } = await createClosure(
      actor,
      { roomId: null, startDate: "2027-03-09", endDate: "2027-03-09", reason: "Verkiezingen" },
      NOW,
    );
    await cancelDatesInClosure(
      actor,
      { closureId: closure.id, occurrenceIds: hits.map((hit) => hit.occurrenceId), notify: false },
      NOW,
    );
    await dispatchBookingNotices({ centreId: centre.id, now: NOW });
    expect(await db().emailMessage.count({ where: { centreId: centre.id } })).toBe(0);
    expect((await closureWithHits(centre.id, closure.id, NOW)).hits).toEqual([]);
  });

  it("a date that is not hit by the closure cannot be cancelled through it", async () => {
    const { actor, weekly } = await centreWithSeries();
    const { closure } = await createClosure(
      actor,
      { roomId: null, startDate: "2027-03-09", endDate: "2027-03-09", reason: "Verkiezingen" },
      NOW,
    );
    const first = await db().occurrence.findFirstOrThrow({
      where: { bookingId: weekly.id },
      orderBy: { startsAt: "asc" },
    });
    await expect(
      cancelDatesInClosure(actor, { closureId: closure.id, occurrenceIds: [first.id], notify: true }, NOW),
    ).rejects.toMatchObject({ code: "closure-nothing-chosen" });
    expect((await db().occurrence.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("ACTIVE");
  });
});
