import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { refundPayment } from "~/domain/money/refunds.server";
import { setClock } from "~/lib/clock";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";

/** Refunds, deposits and money documents over real HTTP: the forms, and who may download what. */

const NOW = new Date("2027-03-10T08:30:00Z");
let app: HttpApp;

beforeAll(async () => {
  setClock(NOW, { frozen: true });
  app = await startHttpApp();
});
afterAll(() => app.close());

async function place() {
  const centre = await createCentre({ invoicePrefix: "DW" });
  const room = await createRoom(centre.id, { name: "Grote zaal", capacity: 80 });
  const manager = await createUser();
  await addMembership(manager.id, centre.id, "ADMIN");
  const hirerUser = await createUser({ name: "Sanne" });
  const hirer = await createOrganisation(centre.id, {
    name: "Familie de Vries",
    tier: "PRIVATE",
    members: { create: { userId: hirerUser.id } },
  });
  const neighbour = await createOrganisation(centre.id, { name: "Buren", tier: "PRIVATE" });
  const party = async (organisationId: string, localStart = "2027-03-06T19:00") => {
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId,
      roomId: room.id,
      title: "Verjaardag",
      localStart,
      durationMinutes: 180,
      tier: "PRIVATE",
      pricePerDate: () => ({ exclCents: 10000, vatCents: 2100 }),
    });
    const payment = await db().payment.create({
      data: {
        centreId: centre.id,
        organisationId,
        bookingId: booking.id,
        amountCents: 12100,
        method: "BANK_TRANSFER",
        receivedAt: new Date("2027-03-01T10:00:00Z"),
      },
    });
    return { booking, payment };
  };
  const actor = { centreId: centre.id, actorId: manager.id };
  return {
    centre,
    actor,
    hirer,
    neighbour,
    party,
    managerCookie: await sessionCookie(manager.id),
    hirerCookie: await sessionCookie(hirerUser.id),
  };
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl, Cookie: cookie },
    body: new URLSearchParams(fields),
  });
}

function get(path: string, cookie: string) {
  return fetch(`${app.baseUrl}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
}

describe("the managers' refund form", () => {
  it("sent twice with the same key refunds once, with one credit note", async () => {
    const { centre, hirer, party, managerCookie } = await place();
    const { payment } = await party(hirer.id);
    const form = {
      intent: "refund",
      paymentId: payment.id,
      amount: "25,00",
      reason: "Korting voor de lekkage",
      paidOn: "2027-03-10",
      submissionKey: randomUUID(),
    };
    const answers = await Promise.all([
      post(`/manage/${centre.slug}/refunds`, managerCookie, form),
      post(`/manage/${centre.slug}/refunds`, managerCookie, form),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([302, 302]);
    const refunds = await db().payment.findMany({ where: { refundOfId: payment.id }, include: { creditNote: true } });
    expect(refunds.map((row) => [row.amountCents, row.status, row.creditNote?.number])).toEqual([
      [-2500, "SUCCEEDED", "DW-C-2027-0001"],
    ]);
  });

  it("too much back is refused next to the form, in words", async () => {
    const { centre, hirer, party, managerCookie } = await place();
    const { payment } = await party(hirer.id);
    const answer = await post(`/manage/${centre.slug}/refunds`, managerCookie, {
      intent: "refund",
      paymentId: payment.id,
      amount: "500",
      reason: "Te veel",
      paidOn: "2027-03-10",
      submissionKey: randomUUID(),
    });
    expect(answer.status).toBe(409);
    expect(await answer.text()).toContain("Van deze betaling kan nog € 121 terug");
    expect(await db().payment.count({ where: { refundOfId: payment.id } })).toBe(0);
  });

  it("a deposit goes back minus a deduction with its reason, and the bank transfer is registered", async () => {
    const { centre, hirer, party, managerCookie } = await place();
    const { booking } = await party(hirer.id);
    await db().booking.update({ where: { id: booking.id }, data: { depositCents: 15000, depositStatus: "HELD" } });
    await db().payment.create({
      data: {
        centreId: centre.id,
        organisationId: hirer.id,
        bookingId: booking.id,
        amountCents: 15000,
        method: "CASH",
        kind: "DEPOSIT",
        receivedAt: new Date("2027-03-01T10:00:00Z"),
      },
    });
    const page = await (await get(`/manage/${centre.slug}/payments`, managerCookie)).text();
    expect(page).toContain("Borg in bewaring");
    expect(page).toContain("Verjaardag");
    const returned = await post(`/manage/${centre.slug}/refunds`, managerCookie, {
      intent: "return-deposit",
      bookingId: booking.id,
      deduction: "20",
      reason: "Vlekken op de vloer",
      submissionKey: randomUUID(),
    });
    expect(returned.status).toBe(302);
    const due = await db().payment.findFirstOrThrow({ where: { bookingId: booking.id, kind: "DEPOSIT_RETURN" } });
    expect(due).toMatchObject({ amountCents: -13000, status: "PENDING" });
    const confirmed = await post(`/manage/${centre.slug}/refunds`, managerCookie, {
      intent: "confirm-transfer",
      refundId: due.id,
      paidOn: "2027-03-10",
    });
    expect(confirmed.status).toBe(302);
    const note = await db().creditNote.findFirstOrThrow({ where: { paymentId: due.id } });
    expect(note.reason).toContain("Vlekken op de vloer");
    const printable = await (await get(`/manage/${centre.slug}/credit-notes/${note.id}`, managerCookie)).text();
    expect(printable).toContain(note.number);
  });
});

describe("a hirer's money and documents", () => {
  it("sees paid and refunded per booking and downloads its own credit note, never another organisation's", async () => {
    const { centre, actor, hirer, neighbour, party, hirerCookie } = await place();
    const own = await party(hirer.id);
    const other = await party(neighbour.id, "2027-03-05T19:00");
    await refundPayment(
      actor,
      { paymentId: own.payment.id, amountCents: 2100, reason: "Korting", paidOn: "2027-03-10" },
      NOW,
    );
    await refundPayment(
      actor,
      { paymentId: other.payment.id, amountCents: 500, reason: "Korting", paidOn: "2027-03-10" },
      NOW,
    );
    const ownNote = await db().creditNote.findFirstOrThrow({ where: { bookingId: own.booking.id } });
    const otherNote = await db().creditNote.findFirstOrThrow({ where: { bookingId: other.booking.id } });

    const page = await (await get(`/centres/${centre.slug}/my-bookings`, hirerCookie)).text();
    expect(page).toContain("Terugbetaald");
    expect(page).toContain(`Creditnota ${ownNote.number} (PDF)`);
    expect(page).not.toContain(otherNote.number);

    const pdf = await get(`/centres/${centre.slug}/my-bookings/documents/credit-note/${ownNote.id}`, hirerCookie);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const foreign = await get(`/centres/${centre.slug}/my-bookings/documents/credit-note/${otherNote.id}`, hirerCookie);
    expect(foreign.status).toBe(404);
    const anonymous = await get(`/centres/${centre.slug}/my-bookings/documents/credit-note/${ownNote.id}`, "");
    expect([302, 303, 401]).toContain(anonymous.status);
  });
});
