import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { parseAgendaQuery } from "~/domain/residents/agenda";
import { findPublicActivity, listAgenda, upcomingDates } from "~/domain/residents/agenda.server";
import { signUp } from "~/domain/residents/signups.server";
import { createCentre, createOrganisation, createRoom, createTestBooking } from "../../prisma/factories";

// Monday 7 January 2030, 09:00 in Amsterdam: "this week" runs to Sunday 13 January.
const NOW = new Date("2030-01-07T08:00:00Z");

async function centreWithActivities() {
  const centre = await createCentre();
  const hall = await createRoom(centre.id, { name: "Zaal", stepFree: true, location: "Begane grond" });
  const attic = await createRoom(centre.id, { name: "Zolder", stepFree: false, location: "Tweede verdieping" });
  const organisation = await createOrganisation(centre.id, { name: "Bewoners Oost" });
  const book = (
    title: string,
    localStart: string,
    roomId: string,
    activity: Parameters<typeof createTestBooking>[0]["activity"],
    extra = {},
  ) =>
    createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId,
      title,
      localStart,
      durationMinutes: 90,
      activity,
      ...extra,
    });
  await book("Koffie", "2030-01-08T10:00", hall.id, { kind: "WALK_IN", title: "Koffie", audiences: ["OLDER_PEOPLE"] });
  await book("Schilderen", "2030-01-09T14:00", attic.id, {
    kind: "SIGN_UP",
    title: "Schilderen",
    audiences: ["ADULTS"],
    capacity: 2,
    participantPriceCents: 300,
  });
  await book("Huiswerk", "2030-01-10T15:30", hall.id, {
    kind: "SIGN_UP",
    title: "Huiswerk",
    audiences: ["CHILDREN"],
    capacity: 10,
  });
  await book("Feest", "2030-01-11T19:00", hall.id, { kind: "PRIVATE", title: "Feest" });
  await book(
    "Optie",
    "2030-01-12T10:00",
    hall.id,
    { kind: "WALK_IN", title: "Nog niet goedgekeurd" },
    { status: "PENDING" },
  );
  const cancelled = await book("Zingen", "2030-01-12T14:00", hall.id, {
    kind: "WALK_IN",
    title: "Zingen",
    audiences: ["OLDER_PEOPLE"],
  });
  await db().occurrence.updateMany({ where: { bookingId: cancelled.id }, data: { status: "CANCELLED" } });
  await book("Volgende week", "2030-01-15T10:00", hall.id, { kind: "WALK_IN", title: "Volgende week" });
  return { centre };
}

const titles = (items: { title: string; cancelled: boolean }[]) =>
  items.map((item) => (item.cancelled ? `${item.title} (gaat niet door)` : item.title));

describe("the public agenda", () => {
  it("shows this week's walk-in and sign-up activities, cancelled dates marked, never private hire or unapproved requests", async () => {
    const { centre } = await centreWithActivities();
    const items = await listAgenda([centre], parseAgendaQuery(new URLSearchParams()), NOW);
    expect(titles(items)).toEqual(["Koffie", "Schilderen", "Huiswerk", "Zingen (gaat niet door)"]);
    expect(items[1]).toMatchObject({
      organiser: "Bewoners Oost",
      priceCents: 300,
      room: { name: "Zolder", location: "Tweede verdieping", stepFree: false },
      placesLeft: 2,
    });
    expect(items[0]!.placesLeft).toBeNull();
  });

  it("filters by audience, free, walk-in and step-free", async () => {
    const { centre } = await centreWithActivities();
    const list = async (search: string) =>
      titles(await listAgenda([centre], parseAgendaQuery(new URLSearchParams(search)), NOW));
    expect(await list("for=older-people")).toEqual(["Koffie", "Zingen (gaat niet door)"]);
    expect(await list("for=children&for=adults")).toEqual(["Schilderen", "Huiswerk"]);
    expect(await list("free=1")).toEqual(["Koffie", "Huiswerk", "Zingen (gaat niet door)"]);
    expect(await list("walk-in=1")).toEqual(["Koffie", "Zingen (gaat niet door)"]);
    expect(await list("step-free=1&free=1&for=children")).toEqual(["Huiswerk"]);
    expect(await list("when=today")).toEqual([]);
    expect(await list("when=later")).toEqual(["Volgende week"]);
  });

  it("counts free places and shows a full date as full", async () => {
    const { centre } = await centreWithActivities();
    const [painting] = await listAgenda([centre], parseAgendaQuery(new URLSearchParams("for=adults")), NOW);
    for (const n of [1, 2, 3]) {
      await signUp(
        {
          centreId: centre.id,
          activityId: painting!.activityId,
          occurrenceId: painting!.occurrenceId,
          name: `P${n}`,
          email: `p${n}@voorbeeld.example`,
          locale: "nl",
        },
        NOW,
      );
    }
    const [after] = await listAgenda([centre], parseAgendaQuery(new URLSearchParams("for=adults")), NOW);
    expect(after!.placesLeft).toBe(0);
    const dates = await upcomingDates(centre.id, painting!.activityId, NOW);
    expect(dates.map((date) => date.placesLeft)).toEqual([0]);
  });

  it("the combined agenda lists several centres; another centre's activity id is not found", async () => {
    const first = await centreWithActivities();
    const second = await centreWithActivities();
    const items = await listAgenda(
      [first.centre, second.centre],
      parseAgendaQuery(new URLSearchParams("walk-in=1")),
      NOW,
    );
    expect(new Set(items.map((item) => item.centre.slug))).toEqual(new Set([first.centre.slug, second.centre.slug]));
    expect(items).toHaveLength(4);
    expect(
      await findPublicActivity(
        second.centre.id,
        items.find((item) => item.centre.slug === first.centre.slug)!.activityId,
      ),
    ).toBeNull();
    expect(await findPublicActivity(first.centre.id, "not-a-uuid")).toBeNull();
  });
});
