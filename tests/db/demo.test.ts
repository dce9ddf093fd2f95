import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, connectDatabase } from "~/db/client.server";
import { formatWallClock, fromWallClock, localDateTimeAt, parseWallClock } from "~/domain/time/time-zone";
import { DEMO_ACCOUNTS, DemoError, demoState, loadDemo, loadDemoIfEmpty } from "../../prisma/demo";
import { DEMO_ZONE, planDemo, type DemoPlan } from "../../prisma/demo-plan";
import { createCentre, createUser } from "../../prisma/factories";
import { cloneTemplate, databaseName, query } from "../support/test-server";

// The demo gets a database of its own (its slugs and addresses are fixed).
const NOW = new Date("2026-11-21T12:00:00Z");
let demoUrl: string;

beforeAll(async () => {
  demoUrl = await cloneTemplate(
    inject("serverUrl"),
    inject("templateDatabase"),
    databaseName(`demo_w${process.env.VITEST_POOL_ID}`),
  );
  await connectDatabase(demoUrl);
  await loadDemo(NOW);
}, 120_000);

afterAll(async () => {
  await connectDatabase(process.env.TEST_DATABASE_URL!);
  await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${new URL(demoUrl).pathname.slice(1)} WITH (FORCE)`);
});

describe("the demo", () => {
  it("has a city buurthuis with five rooms and a combination, and a village dorpshuis with three rooms", async () => {
    const centres = await db().centre.findMany({ include: { rooms: true }, orderBy: { slug: "asc" } });
    expect(
      centres.map((centre) => [
        centre.slug,
        centre.rooms.filter((r) => r.kind === "ROOM").length,
        centre.rooms.filter((r) => r.kind === "COMBINATION").length,
      ]),
    ).toEqual([
      ["de-wilg", 5, 1],
      ["het-anker", 3, 0],
    ]);
  });

  it("has organisations of all four tiers", async () => {
    const tiers = await db().organisation.groupBy({ by: ["tier"], _count: true });
    expect(tiers.map((row) => row.tier).sort()).toEqual([
      "ASSOCIATION",
      "COMMERCIAL",
      "PRIVATE",
      "RESIDENT_INITIATIVE",
    ]);
  });

  it("has a weekly walk-in coffee morning at 10:00 local across both clock changes", async () => {
    const coffee = await db().booking.findFirstOrThrow({
      where: { title: "Koffieochtend" },
      include: { occurrences: { orderBy: { startsAt: "asc" } }, activity: true },
    });
    expect(coffee.activity?.kind).toBe("WALK_IN");
    const starts = coffee.occurrences.map((o) => o.startsAt);
    expect(starts[0]!.getTime()).toBeLessThan(new Date("2026-10-25T00:00:00Z").getTime()); // before October's change
    expect(starts.at(-1)!.getTime()).toBeGreaterThan(new Date("2027-03-28T00:00:00Z").getTime()); // after March's
    expect(new Set(starts.map((start) => localDateTimeAt(start, "Europe/Amsterdam").slice(11)))).toEqual(
      new Set(["10:00"]),
    );
    expect(new Set(starts.map((start) => start.getUTCHours()))).toEqual(new Set([8, 9])); // summer and winter
  });

  it("has a monthly walk-in bereavement café, the after-school club, the petanque club, yoga and a birthday party", async () => {
    const titles = (await db().booking.findMany({ select: { title: true } })).map((b) => b.title);
    expect(titles).toEqual(
      expect.arrayContaining(["Rouwcafé", "Huiswerkclub", "Jeu de boules en koffie", "Yoga", "Verjaardagsfeest"]),
    );
    const cafe = await db().booking.findFirstOrThrow({ where: { title: "Rouwcafé" }, include: { activity: true } });
    expect(cafe.rrule).toBe("FREQ=MONTHLY;BYDAY=1TH");
    expect(cafe.activity?.kind).toBe("WALK_IN");
  });

  it("keeps Christmas free: no activity takes place on a closed day", async () => {
    const closures = await db().closure.findMany({ where: { roomId: null } });
    expect(closures.length).toBeGreaterThanOrEqual(4);
    for (const closure of closures) {
      const inside = await db().occurrence.findMany({
        where: {
          centreId: closure.centreId,
          startsAt: { gte: closure.startDate, lt: new Date(closure.endDate.getTime() + 86_400_000) },
        },
      });
      expect(
        inside.filter((occurrence) => occurrence.status === "ACTIVE"),
        closure.reason,
      ).toEqual([]);
      // a series keeps those days as visible exceptions with the closure's reason
      expect(inside.every((occurrence) => occurrence.cancelReason === closure.reason)).toBe(true);
    }
  });

  it("has past headcounts, with first-time visitors", async () => {
    const attendance = await db().attendance.findMany({ include: { occurrence: true } });
    expect(attendance.length).toBeGreaterThan(20);
    expect(attendance.every((row) => row.occurrence.startsAt < NOW)).toBe(true);
    expect(attendance.some((row) => row.firstTimeCount > 0)).toBe(true);
  });

  it("has centres that joined before their first booked date and their first payment", async () => {
    for (const centre of await db().centre.findMany()) {
      const firstDate = await db().occurrence.findFirst({
        where: { booking: { centreId: centre.id } },
        orderBy: { startsAt: "asc" },
      });
      const firstPayment = await db().payment.findFirst({
        where: { centreId: centre.id },
        orderBy: { receivedAt: "asc" },
      });
      expect(firstDate).not.toBeNull();
      expect(centre.createdAt.getTime()).toBeLessThan(firstDate!.startsAt.getTime());
      if (firstPayment) expect(centre.createdAt.getTime()).toBeLessThan(firstPayment.receivedAt.getTime());
    }
  });

  it("has the demo accounts with their roles", async () => {
    const manager = await db().user.findUniqueOrThrow({
      where: { email: "beheer@de-wilg.example" },
      include: { memberships: { include: { centre: true } } },
    });
    expect(manager.memberships.map((m) => [m.centre.slug, m.role])).toEqual([["de-wilg", "MANAGER"]]);
    expect(await db().user.count()).toBe(DEMO_ACCOUNTS.length);
  });

  it("is the same every time for the same day", async () => {
    const fingerprint = async () =>
      (
        await db().occurrence.findMany({
          select: { startsAt: true, booking: { select: { title: true } } },
          orderBy: [{ startsAt: "asc" }, { bookingId: "asc" }],
        })
      )
        .map((o) => `${o.booking.title}@${o.startsAt.toISOString()}`)
        .sort()
        .join("\n");
    const first = await fingerprint();
    const otherUrl = await cloneTemplate(
      inject("serverUrl"),
      inject("templateDatabase"),
      databaseName(`demo2_w${process.env.VITEST_POOL_ID}`),
    );
    await connectDatabase(otherUrl);
    try {
      await loadDemo(NOW);
      expect(await fingerprint()).toBe(first);
    } finally {
      await connectDatabase(demoUrl);
      await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${new URL(otherUrl).pathname.slice(1)} WITH (FORCE)`);
    }
  }, 120_000);
});

/** Runs `work` on a database of its own (a clone of the migrated template), dropped afterwards. */
async function inOwnDatabase(suffix: string, work: () => Promise<void>): Promise<void> {
  const url = await cloneTemplate(
    inject("serverUrl"),
    inject("templateDatabase"),
    databaseName(`${suffix}_w${process.env.VITEST_POOL_ID}`),
  );
  await connectDatabase(url);
  try {
    await work();
  } finally {
    await connectDatabase(process.env.TEST_DATABASE_URL!);
    await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  }
}

const amsterdam = (wallClock: string) => fromWallClock(parseWallClock(wallClock)!, DEMO_ZONE);

/** What a loaded demo must hold whatever the day: the plan, whole, as the engine stored it. */
async function expectWholeDemo(plan: DemoPlan) {
  const centres = await db().centre.findMany({
    orderBy: { slug: "asc" },
    include: { _count: { select: { bookings: true, rooms: true, organisations: true } } },
  });
  expect(centres.map((centre) => [centre.slug, centre._count.rooms])).toEqual([
    ["de-wilg", 6],
    ["het-anker", 3],
  ]);
  const bookings = await db().booking.findMany({
    include: { centre: true, occurrences: { where: { status: "ACTIVE" } } },
  });
  expect(
    bookings.map((booking) => `${booking.centre.slug} ${booking.title} ${formatWallClock(booking.localStart)}`).sort(),
  ).toEqual(plan.bookings.map((booking) => `${booking.centre} ${booking.title} ${booking.localStart}`).sort());
  // Het Anker is not empty: its regulars take place in the coming weeks too
  const anker = bookings.filter((booking) => booking.centre.slug === "het-anker");
  expect(anker.length).toBeGreaterThanOrEqual(5);
  const inFourWeeks = new Date(plan.now.getTime() + 28 * 86_400_000);
  expect(
    anker
      .flatMap((booking) => booking.occurrences)
      .filter((date) => date.startsAt > plan.now && date.startsAt < inFourWeeks).length,
  ).toBeGreaterThan(4);
  // every one-off takes place where the plan put it
  for (const oneOff of plan.bookings.filter((booking) => !booking.rrule)) {
    const stored = bookings.find((booking) => booking.title === oneOff.title)!;
    expect(
      stored.occurrences.map((date) => localDateTimeAt(date.startsAt, DEMO_ZONE)),
      oneOff.title,
    ).toEqual([oneOff.localStart]);
  }
  // the opening hours the plan was checked against are the ones stored
  for (const centre of plan.centres) {
    const stored = await db().openingHours.findMany({
      where: { centre: { slug: centre.slug } },
      orderBy: { weekday: "asc" },
    });
    expect(
      stored.map(({ roomId, weekday, opensMinute, closesMinute }) => ({ roomId, weekday, opensMinute, closesMinute })),
    ).toEqual(centre.openingHours);
  }
  expect(await db().user.count()).toBe(DEMO_ACCOUNTS.length);
  expect(await db().attendance.count()).toBeGreaterThan(20);
  expect(await db().invoice.count()).toBeGreaterThan(20);
  expect(await db().signup.count()).toBeGreaterThan(0);
  expect(await demoState()).toBe("loaded");
}

describe("the demo on the days that broke it", () => {
  const edges: [string, Date][] = [
    ["Christmas Eve, 18:00", amsterdam("2026-12-24T18:00")],
    ["29 February 2028", amsterdam("2028-02-29T12:00")],
    ["the March clock change, just after it", amsterdam("2027-03-28T03:30")],
    ["New Year's Eve, 23:30", amsterdam("2027-12-31T23:30")],
  ];
  for (const [name, now] of edges) {
    it(`loads whole on ${name}, every booking through the engine`, async () => {
      await inOwnDatabase("demo_edge", async () => {
        const plan = await loadDemo(now);
        await expectWholeDemo(plan);
      });
    }, 120_000);
  }

  it("on Christmas Eve moves the board meeting that would fall in the closure to the first Thursday after it", async () => {
    const plan = planDemo(amsterdam("2026-12-24T18:00"));
    expect(plan.bookings.find((booking) => booking.title === "Bestuursvergadering koor")).toMatchObject({
      localStart: "2027-01-07T19:30",
      movedFrom: { localStart: "2026-12-31T19:30", refusal: "closed (Kerstsluiting)" },
    });
  });
});

describe("loading the demo is all or nothing", () => {
  it("a booking the engine refuses halfway leaves the database empty, and says so in one sentence", async () => {
    await inOwnDatabase("demo_fail", async () => {
      const plan = planDemo(NOW);
      // the last booking, after users, centres, rooms, rates and most bookings are written, lands on Christmas Day
      const last = plan.bookings.at(-1)!;
      expect(last.title).toBe("Bestuursvergadering koor");
      const broken: DemoPlan = {
        ...plan,
        bookings: [...plan.bookings.slice(0, -1), { ...last, localStart: "2026-12-25T19:30" }],
      };

      const error = await loadDemo(NOW, broken).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DemoError);
      expect((error as Error).message).toBe(
        "The demo could not be loaded and nothing of it was saved: Bestuurskamer is closed on 2026-12-25 (Kerstsluiting); start with DEMO_DATA=off, or report this as a bug.",
      );
      const left = await Promise.all([
        db().user.count(),
        db().centre.count(),
        db().room.count(),
        db().booking.count(),
        db().occurrence.count(),
        db().roomClaim.count(),
        db().auditEvent.count(),
      ]);
      expect(left).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(await demoState()).toBe("empty");
    });
  }, 120_000);

  it("a demo half loaded by an earlier version is not taken for a loaded one", async () => {
    await inOwnDatabase("demo_half", async () => {
      await createUser({ email: "voorzitter@de-wilg.example", name: "Ahmed El Amrani" });
      await createCentre({ slug: "de-wilg", name: "Buurthuis De Wilg" });
      await createCentre({ slug: "het-anker", name: "Dorpshuis Het Anker" });
      expect(await demoState()).toBe("half-loaded");
      const lines: string[] = [];
      await expect(loadDemoIfEmpty({ log: (line) => lines.push(line), now: NOW })).rejects.toThrow(
        "This database holds a demo that was only partly loaded by an earlier start; run npm run db:reset to empty it and load the demo again.",
      );
      expect(lines).toEqual([]);
    });
  });

  it("someone's own data is left alone: no demo, no demo accounts printed", async () => {
    await inOwnDatabase("demo_own", async () => {
      await createCentre({ slug: "buurthuis-de-brug", name: "Buurthuis De Brug" });
      expect(await demoState()).toBe("other-data");
      const lines: string[] = [];
      await loadDemoIfEmpty({ log: (line) => lines.push(line), now: NOW });
      expect(lines).toEqual([]);
      expect(await db().centre.count()).toBe(1);
    });
  });
});
