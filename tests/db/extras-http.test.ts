import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { saveExtra } from "~/domain/money/extras.server";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
} from "../../prisma/factories";

/** The extras over HTTP: the settings page, and the organisation's booking form refusing a wrong extra plainly. */

let app: HttpApp;
let cookie: string;
let slug: string;
let centreId: string;
let roomId: string;
let organisationId: string;
let foreignExtraId: string;
let beamerId: string;

beforeAll(async () => {
  app = await startHttpApp();
  const centre = await createCentre({ commercialShareCapBp: null });
  slug = centre.slug;
  centreId = centre.id;
  const room = await createRoom(centre.id, { name: "Grote zaal", capacity: 80 });
  roomId = room.id;
  await createRate(centre.id, room.id, "ASSOCIATION", {
    hourlyCents: 1250,
    validFrom: new Date("2026-01-01T00:00:00Z"),
  });
  const user = await createUser({ installationRole: null });
  await addMembership(user.id, centre.id, "ADMIN");
  const organisation = await createOrganisation(centre.id, { name: "Biljartclub", tier: "ASSOCIATION" });
  organisationId = organisation.id;
  await db().organisationMember.create({ data: { organisationId: organisation.id, userId: user.id } });
  const actor = { centreId: centre.id, actorId: user.id };
  beamerId = (
    await saveExtra(actor, null, {
      name: "Beamer",
      unit: "PER_BOOKING",
      vatBp: 2100,
      prices: { PRIVATE: 1500 },
      active: true,
    })
  ).id;
  const other = await createCentre();
  const otherUser = await createUser();
  foreignExtraId = (
    await saveExtra({ centreId: other.id, actorId: otherUser.id }, null, {
      name: "Koffie",
      unit: "PER_PERSON",
      vatBp: 900,
      prices: { ASSOCIATION: 150 },
      active: true,
    })
  ).id;
  cookie = await sessionCookie(user.id);
});

afterAll(async () => {
  await app?.close();
});

const post = (path: string, fields: [string, string][]) =>
  fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });

function booking(extraIds: string[], intent = "confirm"): [string, string][] {
  return [
    ["intent", intent],
    ["organisationId", organisationId],
    ["roomId", roomId],
    ["title", "Clubavond"],
    ["date", "2027-03-09"],
    ["time", "19:30"],
    ["duration", "120"],
    ["people", "12"],
    ["repeat", "none"],
    ["kind", "PRIVATE"],
    ["submissionKey", randomUUID()],
    ...extraIds.map((id): [string, string] => ["extraIds", id]),
  ];
}

describe("extras over HTTP", () => {
  it("a manager adds an extra with a price per tier in euros on the settings page", async () => {
    const page = await fetch(`${app.baseUrl}/manage/${slug}/settings/extras`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Beamer");

    const response = await post(`/manage/${slug}/settings/extras`, [
      ["name", "Koffie en thee"],
      ["unit", "PER_PERSON"],
      ["vatBp", "900"],
      ["active", "on"],
      ["ASSOCIATION", "1,50"],
      ["PRIVATE", "1.75"],
    ]);
    expect(response.status).toBe(302);
    const extra = await db().extra.findFirstOrThrow({
      where: { centreId, name: "Koffie en thee" },
      include: { prices: { orderBy: { tier: "asc" } } },
    });
    expect([extra.unit, extra.vatBp, extra.active]).toEqual(["PER_PERSON", 900, true]);
    expect(extra.prices.map((price) => [price.tier, price.priceCents])).toEqual([
      ["ASSOCIATION", 150],
      ["PRIVATE", 175],
    ]);
  });

  it("refuses a VAT rate other than 9% or 21%", async () => {
    const response = await post(`/manage/${slug}/settings/extras`, [
      ["name", "Zaalhuur extra"],
      ["unit", "PER_BOOKING"],
      ["vatBp", "600"],
      ["PRIVATE", "5"],
    ]);
    expect(response.status).toBe(400);
    expect(await db().extra.count({ where: { centreId, name: "Zaalhuur extra" } })).toBe(0);
  });

  it("the booking form refuses another centre's extra, one not offered to the tier and a made-up id plainly, and books nothing", async () => {
    for (const extraIds of [[foreignExtraId], [beamerId], [randomUUID()]]) {
      const response = await post(`/centres/${slug}/book/new`, booking(extraIds));
      expect(response.status).toBe(422);
      expect(await response.text()).toContain("Deze extra kunt u niet kiezen");
    }
    const garbage = await post(`/centres/${slug}/book/new`, booking(["'; DROP TABLE extras; --"]));
    expect(garbage.status).toBe(400);
    expect(await db().booking.count({ where: { centreId } })).toBe(0);
  });

  it("the booking form's review shows the extras chosen, the total with them and the room's deposit", async () => {
    const soup = await saveExtra({ centreId, actorId: (await createUser()).id }, null, {
      name: "Soep",
      unit: "PER_PERSON",
      vatBp: 900,
      prices: { ASSOCIATION: 200 },
      active: true,
    });
    const deposit = await post(`/manage/${slug}/settings/rooms/${roomId}`, [
      ["intent", "deposits"],
      ["ASSOCIATION", "100"],
    ]);
    expect(deposit.status).toBe(302);
    const form = await fetch(`${app.baseUrl}/centres/${slug}/book/new`, { headers: { Cookie: cookie } });
    const page = await form.text();
    // offered to the organisation's tier; the projector has no price for associations
    expect(page).toContain("Soep: €");
    expect(page).not.toContain("Beamer: €");

    const response = await post(`/centres/${slug}/book/new`, booking([soup.id], "review"));
    expect(response.status).toBe(200);
    const review = await response.text();
    // 12 × 2,00 = 24,00 + 9% = 26,16; the room 2 h × 12,50 = 25,00 (exempt): 51,16 in all
    expect(review).toContain("26,16");
    expect(review).toContain("51,16");
    expect(review).toContain("Borg");
    expect(review).toContain("100,00");
  });
});
