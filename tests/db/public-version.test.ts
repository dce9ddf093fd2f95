import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { cancelDate } from "~/domain/bookings/manager-changes.server";
import { cancelDatesInClosure, closureWithHits, createClosure } from "~/domain/centre/closures.server";
import { saveCentreDetails } from "~/domain/centre/settings.server";
import { publicVersionOf } from "~/domain/residents/agenda.server";
import { signUp } from "~/domain/residents/signups.server";
import { createCentre, createTestActivity, createTestBooking, createUser } from "../../prisma/factories";

/**
 * The centre's public version (decision 100): raised by database triggers in the transaction
 * of every change residents can see, once per transaction, and not by changes they cannot see.
 */

const NOW = new Date("2030-01-07T08:00:00Z");

const versionOf = async (centreId: string) =>
  (await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { publicVersion: true } })).publicVersion;

/** A weekly sign-up activity of four dates, and a manager to change things. */
async function centreWithActivity() {
  const made = await createTestActivity({
    title: "Schilderen",
    rrule: "FREQ=WEEKLY;COUNT=4",
    localStart: "2030-01-08T14:00",
    durationMinutes: 90,
    activity: { kind: "SIGN_UP", title: "Schilderen", capacity: 5 },
  });
  const manager = await createUser({ installationRole: null });
  return { ...made, actor: { centreId: made.centre.id, actorId: manager.id } };
}

/** How much `change` raised the centre's version. */
async function raisedBy(centreId: string, change: () => Promise<unknown>): Promise<bigint> {
  const before = await versionOf(centreId);
  await change();
  return (await versionOf(centreId)) - before;
}

describe("the public version", () => {
  it("a new centre starts at 0 and is read by its slug; an inactive centre has none", async () => {
    const centre = await createCentre();
    expect(await publicVersionOf(centre.slug)).toBe(0n);
    await db().centre.update({ where: { id: centre.id }, data: { active: false } });
    expect(await publicVersionOf(centre.slug)).toBeNull();
    expect(await publicVersionOf("Not a slug!")).toBeNull();
  });

  it("a public activity with many dates, written in one transaction, raises it once", async () => {
    const { centre } = await centreWithActivity();
    // the centre was made (0), then its booking, activity and four dates in one transaction
    expect(await versionOf(centre.id)).toBe(1n);
  });

  it("rises only when the transaction commits: not before, and not at all when it rolls back", async () => {
    const { centre, dates } = await centreWithActivity();
    const before = await versionOf(centre.id);
    let seenInside: bigint | undefined;
    await db().$transaction(async (tx) => {
      await tx.occurrence.update({ where: { id: dates[0]!.id }, data: { status: "CANCELLED" } });
      seenInside = await versionOf(centre.id); // another connection: the change is not there yet
    });
    expect(seenInside).toBe(before);
    expect(await versionOf(centre.id)).toBe(before + 1n);

    await expect(
      db().$transaction(async (tx) => {
        await tx.occurrence.update({ where: { id: dates[1]!.id }, data: { status: "CANCELLED" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await versionOf(centre.id)).toBe(before + 1n);
  });

  it("a manager cancelling a date raises it", async () => {
    const { centre, dates, actor } = await centreWithActivity();
    expect(
      await raisedBy(centre.id, () =>
        cancelDate(actor, { occurrenceId: dates[2]!.id, reason: "Ziek", chargeFee: false }, NOW),
      ),
    ).toBe(1n);
  });

  it("a closure alone changes nothing residents see; cancelling the dates it hits does", async () => {
    const { centre, actor } = await centreWithActivity();
    let closureId = "";
    expect(
      await raisedBy(centre.id, async () => {
        closureId = (
          await createClosure(
            actor,
            { roomId: null, startDate: "2030-01-15", endDate: "2030-01-15", reason: "Onderhoud" },
            NOW,
          )
        ).closure.id;
      }),
    ).toBe(0n);
    const { hits } = await closureWithHits(centre.id, closureId, NOW);
    expect(hits).toHaveLength(1);
    expect(
      await raisedBy(centre.id, () =>
        cancelDatesInClosure(actor, { closureId, occurrenceIds: [hits[0]!.occurrenceId], notify: false }, NOW),
      ),
    ).toBe(1n);
  });

  it("a confirmed sign-up raises it (the agenda shows free places)", async () => {
    const { centre, activity, dates } = await centreWithActivity();
    expect(
      await raisedBy(centre.id, () =>
        signUp(
          {
            centreId: centre.id,
            activityId: activity.id,
            occurrenceId: dates[0]!.id,
            name: "Anna",
            email: "anna@example.nl",
            locale: "nl",
          },
          NOW,
        ),
      ),
    ).toBe(1n);
  });

  it.each([
    [
      "an activity's title",
      async (made: Made) => db().activity.update({ where: { id: made.activity.id }, data: { title: "Tekenen" } }),
    ],
    [
      "a date moved",
      async (made: Made) =>
        db().occurrence.update({
          where: { id: made.dates[0]!.id },
          data: { startsAt: new Date("2030-01-08T14:00:00Z"), endsAt: new Date("2030-01-08T15:30:00Z") },
        }),
    ],
    ["a date removed", async (made: Made) => db().occurrence.delete({ where: { id: made.dates[3]!.id } })],
    [
      "the booking cancelled",
      async (made: Made) => db().booking.update({ where: { id: made.booking.id }, data: { status: "CANCELLED" } }),
    ],
    [
      "the room renamed",
      async (made: Made) => db().room.update({ where: { id: made.room.id }, data: { name: "Atelier" } }),
    ],
    [
      "the organisation renamed",
      async (made: Made) =>
        db().organisation.update({ where: { id: made.organisation.id }, data: { name: "Schildersclub" } }),
    ],
    [
      "the centre's address",
      async (made: Made) => db().centre.update({ where: { id: made.centre.id }, data: { street: "Dorpsstraat 2" } }),
    ],
    [
      "the centre's details saved by a manager",
      async (made: Made) =>
        saveCentreDetails(made.actor, {
          name: "Buurthuis Nieuw",
          street: "",
          postalCode: "",
          city: "",
          email: null,
          phone: null,
          iban: null,
          kvkNumber: null,
          vatNumber: null,
          invoicePrefix: "",
          paymentTermDays: 14,
        }),
    ],
    [
      "online payments switched on",
      async (made: Made) =>
        db().centrePaymentSettings.create({
          data: {
            centreId: made.centre.id,
            secretKeyEncrypted: "x",
            webhookSecretEncrypted: "x",
            keyHint: "sk_test_…",
          },
        }),
    ],
  ])("%s raises it", async (_, change) => {
    const made = await centreWithActivity();
    expect(await raisedBy(made.centre.id, () => change(made))).toBe(1n);
  });

  it.each([
    [
      "private hire booked",
      async (made: Made) =>
        createTestBooking({
          centreId: made.centre.id,
          organisationId: made.organisation.id,
          roomId: made.room.id,
          localStart: "2030-01-11T19:00",
          activity: { kind: "PRIVATE", title: "Feest" },
        }),
    ],
    [
      "a date's price",
      async (made: Made) =>
        db().occurrence.update({ where: { id: made.dates[0]!.id }, data: { priceExclCents: 1234 } }),
    ],
    [
      "the room's capacity",
      async (made: Made) => db().room.update({ where: { id: made.room.id }, data: { capacity: 99 } }),
    ],
    [
      "the centre's invoice prefix",
      async (made: Made) => db().centre.update({ where: { id: made.centre.id }, data: { invoicePrefix: "BW-" } }),
    ],
    [
      "a sign-up on the waiting list",
      async (made: Made) =>
        db().signup.create({
          data: {
            centreId: made.centre.id,
            activityId: made.activity.id,
            occurrenceId: made.dates[0]!.id,
            name: "Bo",
            email: "bo@example.nl",
            contactKey: "bo",
            status: "WAITLISTED",
            cancelTokenHash: `h-${made.activity.id}`,
          },
        }),
    ],
  ])("%s leaves it as it is", async (_, change) => {
    const made = await centreWithActivity();
    expect(await raisedBy(made.centre.id, () => change(made))).toBe(0n);
  });
});

type Made = Awaited<ReturnType<typeof centreWithActivity>>;
