import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { payLinkOf } from "~/domain/money/invoice-pay-links.server";
import { remindOverdueInvoices } from "~/domain/money/invoice-reminders.server";
import { issueInvoice } from "~/domain/money/invoices.server";
import { recordPayment } from "~/domain/money/payments.server";
import { createCentre, createOrganisation, createRoom, createTestBooking, createUser } from "../../prisma/factories";
import { startHttpApp, type HttpApp } from "../support/http-app";

// Two Tuesday evenings in March 2027 at €50 + 21% VAT; the invoice is made on 12 March, due 14 days later.
const ISSUED = new Date("2027-03-12T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

async function invoiced() {
  const centre = await createCentre({ invoicePrefix: "HR", iban: "NL91ABNA0417164300", paymentTermDays: 14 });
  const room = await createRoom(centre.id, { name: "Zaal A" });
  const organisation = await createOrganisation(centre.id, {
    name: `Dansschool ${centre.id.slice(0, 6)}`,
    tier: "COMMERCIAL",
    contactEmail: `dans-${centre.id.slice(0, 6)}@voorbeeld.example`,
  });
  const manager = await createUser();
  const actor = { centreId: centre.id, actorId: manager.id };
  const booking = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    title: "Dansles",
    rrule: "FREQ=WEEKLY;COUNT=2",
    localStart: "2027-03-02T19:30",
    durationMinutes: 90,
    tier: "COMMERCIAL",
    quote: { vatBp: 2100 },
    pricePerDate: () => ({ exclCents: 5000, vatCents: 1050 }),
  });
  const invoice = await issueInvoice(actor, { bookingId: booking.id }, ISSUED);
  const mails = () =>
    db().emailMessage.findMany({
      where: { centreId: centre.id, kind: "invoice-reminder" },
      orderBy: { createdAt: "asc" },
    });
  return { actor, organisation, booking, invoice, mails };
}

describe("reminders for overdue invoices", () => {
  it("nothing before the due date; one reminder after it with the amount open and the IBAN; again a week later", async () => {
    const { invoice, mails } = await invoiced();
    const due = invoice.dueAt.getTime();
    await remindOverdueInvoices(new Date(due - DAY));
    expect(await mails()).toHaveLength(0);

    await remindOverdueInvoices(new Date(due + DAY));
    await remindOverdueInvoices(new Date(due + 2 * DAY)); // the next morning: not again yet
    const [first, ...rest] = await mails();
    expect(rest).toHaveLength(0);
    expect(first!.subject).toBe(`Herinnering: factuur ${invoice.number} is nog niet betaald`);
    expect(first!.textBody).toMatch(/€\s121,00/);
    expect(first!.textBody).toContain("NL91ABNA0417164300");

    await remindOverdueInvoices(new Date(due + 8 * DAY));
    expect(await mails()).toHaveLength(2);
  });

  it("a paid invoice gets no reminder; a part payment lowers the amount in it", async () => {
    const { actor, organisation, booking, invoice, mails } = await invoiced();
    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        bookingId: booking.id,
        invoiceId: invoice.id,
        amountCents: 2100,
        method: "BANK_TRANSFER",
        receivedOn: "2027-03-12",
      },
      ISSUED,
    );
    await remindOverdueInvoices(new Date(invoice.dueAt.getTime() + DAY));
    const [reminder] = await mails();
    expect(reminder!.textBody).toMatch(/€\s100,00/);

    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        bookingId: booking.id,
        invoiceId: invoice.id,
        amountCents: 10000,
        method: "BANK_TRANSFER",
        receivedOn: "2027-03-12",
      },
      ISSUED,
    );
    await remindOverdueInvoices(new Date(invoice.dueAt.getTime() + 9 * DAY));
    expect(await mails()).toHaveLength(1);
  });

  it("two runs at the same moment remind once", async () => {
    const { invoice, mails } = await invoiced();
    const at = new Date(invoice.dueAt.getTime() + DAY);
    await Promise.all([remindOverdueInvoices(at), remindOverdueInvoices(at)]);
    expect(await mails()).toHaveLength(1);
  });
});

describe("an invoice's pay link", () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await startHttpApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("is in the reminder and opens a page with what is open, the IBAN and the number; a changed link finds nothing", async () => {
    const { invoice, mails } = await invoiced();
    await remindOverdueInvoices(new Date(invoice.dueAt.getTime() + DAY));
    const [reminder] = await mails();
    const link = /https?:\/\/\S+\/pay\/invoice\/[A-Za-z0-9_-]{32}/.exec(reminder!.textBody)?.[0];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname;

    const page = await fetch(`${app.baseUrl}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(invoice.number);
    expect(html).toMatch(/Nog te betalen: €\s121,00/);
    expect(html).toContain("NL91ABNA0417164300");

    const changed = path.slice(0, -1) + (path.endsWith("A") ? "B" : "A");
    const wrong = await fetch(`${app.baseUrl}${changed}`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain("Deze link werkt niet");
  });

  it("says an invoice that has been paid is paid", async () => {
    const { actor, organisation, booking, invoice } = await invoiced();
    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        bookingId: booking.id,
        invoiceId: invoice.id,
        amountCents: 12100,
        method: "BANK_TRANSFER",
        receivedOn: "2027-03-12",
      },
      ISSUED,
    );
    const stored = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const page = await fetch(new URL(await payLinkOf(stored)).pathname.replace(/^/, app.baseUrl));
    expect(await page.text()).toContain("Deze factuur is betaald.");
  });
});
