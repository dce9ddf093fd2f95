import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, useDatabase } from "~/db/client.server";
import { localDateTimeAt } from "~/domain/time-zone";
import { DEMO_ACCOUNTS, loadDemo } from "../../prisma/demo";
import { cloneTemplate, databaseName, query } from "../support/test-server";

// The demo gets a database of its own (its slugs and addresses are fixed).
const NOW = new Date("2026-11-21T12:00:00Z");
let demoUrl: string;

beforeAll(async () => {
  demoUrl = await cloneTemplate(inject("serverUrl"), inject("templateDatabase"), databaseName(`demo_w${process.env.VITEST_POOL_ID}`));
  await useDatabase(demoUrl);
  await loadDemo(NOW);
}, 120_000);

afterAll(async () => {
  await useDatabase(process.env.TEST_DATABASE_URL!);
  await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${new URL(demoUrl).pathname.slice(1)} WITH (FORCE)`);
});

describe("the demo", () => {
  it("has a city buurthuis with five rooms and a combination, and a village dorpshuis with three rooms", async () => {
    const centres = await db().centre.findMany({ include: { rooms: true }, orderBy: { slug: "asc" } });
    expect(centres.map((centre) => [centre.slug, centre.rooms.filter((r) => r.kind === "ROOM").length, centre.rooms.filter((r) => r.kind === "COMBINATION").length])).toEqual([
      ["de-wilg", 5, 1],
      ["het-anker", 3, 0],
    ]);
  });

  it("has organisations of all four tiers", async () => {
    const tiers = await db().organisation.groupBy({ by: ["tier"], _count: true });
    expect(tiers.map((row) => row.tier).sort()).toEqual(["ASSOCIATION", "COMMERCIAL", "PRIVATE", "RESIDENT_INITIATIVE"]);
  });

  it("has a weekly walk-in coffee morning at 10:00 local across both clock changes", async () => {
    const coffee = await db().booking.findFirstOrThrow({ where: { title: "Koffieochtend" }, include: { occurrences: { orderBy: { startsAt: "asc" } }, activity: true } });
    expect(coffee.activity?.kind).toBe("WALK_IN");
    const starts = coffee.occurrences.map((o) => o.startsAt);
    expect(starts[0]!.getTime()).toBeLessThan(new Date("2026-10-25T00:00:00Z").getTime()); // before October's change
    expect(starts.at(-1)!.getTime()).toBeGreaterThan(new Date("2027-03-28T00:00:00Z").getTime()); // after March's
    expect(new Set(starts.map((start) => localDateTimeAt(start, "Europe/Amsterdam").slice(11)))).toEqual(new Set(["10:00"]));
    expect(new Set(starts.map((start) => start.getUTCHours()))).toEqual(new Set([8, 9])); // summer and winter
  });

  it("has a monthly walk-in bereavement café, the after-school club, the petanque club, yoga and a birthday party", async () => {
    const titles = (await db().booking.findMany({ select: { title: true } })).map((b) => b.title);
    expect(titles).toEqual(expect.arrayContaining(["Rouwcafé", "Huiswerkclub", "Jeu de boules en koffie", "Yoga", "Verjaardagsfeest"]));
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
      expect(inside.filter((occurrence) => occurrence.status === "ACTIVE"), closure.reason).toEqual([]);
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

  it("has the demo accounts with their roles", async () => {
    const manager = await db().user.findUniqueOrThrow({ where: { email: "beheer@de-wilg.example" }, include: { memberships: { include: { centre: true } } } });
    expect(manager.memberships.map((m) => [m.centre.slug, m.role])).toEqual([["de-wilg", "MANAGER"]]);
    expect(await db().user.count()).toBe(DEMO_ACCOUNTS.length);
  });

  it("is the same every time for the same day", async () => {
    const fingerprint = async () =>
      (await db().occurrence.findMany({ select: { startsAt: true, booking: { select: { title: true } } }, orderBy: [{ startsAt: "asc" }, { bookingId: "asc" }] }))
        .map((o) => `${o.booking.title}@${o.startsAt.toISOString()}`).sort().join("\n");
    const first = await fingerprint();
    const otherUrl = await cloneTemplate(inject("serverUrl"), inject("templateDatabase"), databaseName(`demo2_w${process.env.VITEST_POOL_ID}`));
    await useDatabase(otherUrl);
    try {
      await loadDemo(NOW);
      expect(await fingerprint()).toBe(first);
    } finally {
      await useDatabase(demoUrl);
      await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${new URL(otherUrl).pathname.slice(1)} WITH (FORCE)`);
    }
  }, 120_000);
});
