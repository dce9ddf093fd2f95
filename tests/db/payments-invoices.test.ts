import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { getInvoice, issueInvoice, previewInvoice, splitInclusive } from "~/domain/money/invoices.server";
import { accounts, recordPayment, recordPaymentFor, unpaidBookings } from "~/domain/money/payments.server";
import { cancelOccurrence } from "~/domain/bookings/series-changes.server";
import { AlreadySubmittedError } from "~/domain/shared/submissions.server";
import { createCentre, createOrganisation, createRoom, createTestBooking, createUser } from "../../prisma/factories";

// Four Tuesday evenings in March 2027 (19:30 Amsterdam), €50 + 21% VAT each; "now" is after the second.
const NOW = new Date("2027-03-10T12:00:00Z");

async function hire(options: { prefix?: string } = {}) {
  const centre = await createCentre({
    invoicePrefix: options.prefix ?? "DW",
    kvkNumber: "12345678",
    vatNumber: "NL123456789B01",
    iban: "NL91ABNA0417164300",
  });
  const room = await createRoom(centre.id, { name: "Zaal A" });
  const organisation = await createOrganisation(centre.id, {
    name: "Dansschool",
    tier: "COMMERCIAL",
    billingAddress: "Dorpsstraat 9",
    billingPostalCode: "1234 AB",
    billingCity: "Voorbeeld",
  });
  const manager = await createUser();
  const booking = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    title: "Dansles",
    rrule: "FREQ=WEEKLY;COUNT=4",
    localStart: "2027-03-02T19:30",
    durationMinutes: 90,
    tier: "COMMERCIAL",
    quote: { vatBp: 2100 },
    pricePerDate: () => ({ exclCents: 5000, vatCents: 1050 }),
  });
  const dates = await db().occurrence.findMany({ where: { bookingId: booking.id }, orderBy: { startsAt: "asc" } });
  return { centre, room, organisation, manager, booking, dates, actor: { centreId: centre.id, actorId: manager.id } };
}

describe("what is owed and paid", () => {
  it("dates that took place are owed, later ones are still to come, and payments lower what is open", async () => {
    const { centre, actor, organisation, booking } = await hire();
    let [account] = await accounts(centre.id, NOW);
    expect([account!.dueCents, account!.upcomingCents, account!.paidCents, account!.outstandingCents]).toEqual([
      12100, 12100, 0, 12100,
    ]);
    expect((await unpaidBookings(centre.id, NOW)).map((item) => [item.title, item.outstandingCents])).toEqual([
      ["Dansles", 12100],
    ]);

    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        bookingId: booking.id,
        amountCents: 12100,
        method: "PIN",
        receivedOn: "2027-03-09",
      },
      NOW,
    );
    [account] = await accounts(centre.id, NOW);
    expect([account!.paidCents, account!.outstandingCents]).toEqual([12100, 0]);
    expect(await unpaidBookings(centre.id, NOW)).toEqual([]);
  });

  it("a cancelled date owes its cancellation fee only", async () => {
    const { centre, actor, dates } = await hire();
    await cancelOccurrence(actor, { occurrenceId: dates[3]!.id, reason: "Ziek", feeCents: 3025 });
    const [account] = await accounts(centre.id, NOW);
    expect([account!.dueCents, account!.upcomingCents]).toEqual([12100 + 3025, 6050]);
  });

  it("refuses a payment for another organisation's booking, another centre's booking, a zero amount and a day still to come", async () => {
    const { actor, organisation, booking } = await hire();
    const other = await hire();
    const neighbour = await createOrganisation(actor.centreId, { name: "Buren" });
    await expect(
      recordPayment(
        actor,
        {
          organisationId: neighbour.id,
          bookingId: booking.id,
          amountCents: 100,
          method: "CASH",
          receivedOn: "2027-03-09",
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "payment-booking-other-organisation" });
    await expect(
      recordPayment(
        actor,
        {
          organisationId: organisation.id,
          bookingId: other.booking.id,
          amountCents: 100,
          method: "CASH",
          receivedOn: "2027-03-09",
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "not-found" });
    await expect(
      recordPayment(
        actor,
        {
          organisationId: organisation.id,
          bookingId: booking.id,
          amountCents: 0,
          method: "CASH",
          receivedOn: "2027-03-09",
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "payment-amount-zero" });
    await expect(
      recordPayment(
        actor,
        {
          organisationId: organisation.id,
          bookingId: booking.id,
          amountCents: 100,
          method: "CASH",
          receivedOn: "2027-03-11",
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "payment-date-future" });
    expect(await db().payment.count({ where: { centreId: actor.centreId } })).toBe(0);
  });
});

describe("registering money through the form's choice", () => {
  it("refuses a day before the centre was in Buurtrooster (1900-01-01 too)", async () => {
    const centre = await createCentre({ createdAt: new Date("2027-01-15T10:00:00Z") });
    const organisation = await createOrganisation(centre.id);
    const actor = { centreId: centre.id, actorId: (await createUser()).id };
    for (const receivedOn of ["1900-01-01", "2027-01-14"]) {
      await expect(
        recordPayment(actor, { organisationId: organisation.id, amountCents: 100, method: "CASH", receivedOn }, NOW),
      ).rejects.toMatchObject({
        code: "payment-date-before-centre",
        params: { date: "2027-01-15" },
      });
    }
    await recordPayment(
      actor,
      { organisationId: organisation.id, amountCents: 100, method: "CASH", receivedOn: "2027-01-15" },
      NOW,
    );
    expect(await db().payment.count({ where: { centreId: centre.id } })).toBe(1);
  });

  it("pays back no more than was paid: for a booking, an invoice, or an organisation's credit", async () => {
    const { actor, organisation, booking } = await hire();
    // Nothing paid: a refund of €999,999.99 is refused.
    await expect(
      recordPayment(
        actor,
        {
          organisationId: organisation.id,
          amountCents: -99_999_999,
          method: "BANK_TRANSFER",
          receivedOn: "2027-03-09",
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "payment-refund-too-large",
      params: { paid: 0 },
    });
    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        bookingId: booking.id,
        amountCents: 6050,
        method: "PIN",
        receivedOn: "2027-03-03",
      },
      NOW,
    );
    await expect(
      recordPayment(
        actor,
        {
          organisationId: organisation.id,
          bookingId: booking.id,
          amountCents: -6051,
          method: "BANK_TRANSFER",
          receivedOn: "2027-03-09",
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "payment-refund-too-large",
      params: { paid: 60.5 },
    });
    // Two refunds of the whole amount at the same moment: one fits, the other is refused.
    const refunds = await Promise.allSettled(
      [1, 2].map(() =>
        recordPayment(
          actor,
          {
            organisationId: organisation.id,
            bookingId: booking.id,
            amountCents: -6050,
            method: "BANK_TRANSFER",
            receivedOn: "2027-03-09",
          },
          NOW,
        ),
      ),
    );
    expect(refunds.map((refund) => refund.status).sort()).toEqual(["fulfilled", "rejected"]);
    const paid = await db().payment.aggregate({ where: { bookingId: booking.id }, _sum: { amountCents: true } });
    expect(paid._sum.amountCents).toBe(0);
  });

  it("the same payment form sent twice at once registers the money once", async () => {
    const { actor, booking } = await hire();
    const key = randomUUID();
    const send = () =>
      recordPaymentFor(
        actor,
        { target: `booking:${booking.id}`, amountCents: 12100, method: "BANK_TRANSFER", receivedOn: "2027-03-09" },
        NOW,
        { key, centreId: actor.centreId, kind: "payment" },
      );
    const results = await Promise.allSettled([send(), send()]);
    const registered = results.filter(
      (result): result is PromiseFulfilledResult<Awaited<ReturnType<typeof send>>> => result.status === "fulfilled",
    );
    expect(registered).toHaveLength(1);
    const again = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
    expect(again.reason).toBeInstanceOf(AlreadySubmittedError);
    expect(again.reason.entityId).toBe(registered[0]!.value.id);
    await expect(send()).rejects.toBeInstanceOf(AlreadySubmittedError);
    expect(await db().payment.count({ where: { bookingId: booking.id } })).toBe(1);
  });

  it("a booking, an invoice or an organisation; the organisation follows from the booking or invoice", async () => {
    const { actor, booking, organisation } = await hire();
    const other = await hire();
    const payment = await recordPaymentFor(
      actor,
      { target: `booking:${booking.id}`, amountCents: 500, method: "CASH", receivedOn: "2027-03-09" },
      NOW,
    );
    expect([payment.organisationId, payment.bookingId, payment.invoiceId]).toEqual([organisation.id, booking.id, null]);
    const credit = await recordPaymentFor(
      actor,
      { target: `organisation:${organisation.id}`, amountCents: 250, method: "PIN", receivedOn: "2027-03-09" },
      NOW,
    );
    expect([credit.bookingId, credit.invoiceId]).toEqual([null, null]);
    await expect(
      recordPaymentFor(
        actor,
        { target: `booking:${other.booking.id}`, amountCents: 500, method: "CASH", receivedOn: "2027-03-09" },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      recordPaymentFor(
        actor,
        { target: `organisation:${other.organisation.id}`, amountCents: 500, method: "CASH", receivedOn: "2027-03-09" },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      recordPaymentFor(
        actor,
        { target: "booking:kapot", amountCents: 500, method: "CASH", receivedOn: "2027-03-09" },
        NOW,
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(await db().payment.count({ where: { centreId: other.centre.id } })).toBe(0);
  });
});

describe("invoices", () => {
  it("an invoice per booking holds every priced date once, with what Dutch invoices must show", async () => {
    const { actor, booking, centre } = await hire();
    const made = await issueInvoice(actor, { bookingId: booking.id }, NOW);
    expect([made.number, made.totalExclCents, made.vatCents, made.totalInclCents]).toEqual([
      "DW-2027-0001",
      20000,
      4200,
      24200,
    ]);
    const invoice = await getInvoice(centre.id, made.id);
    expect(invoice.lines.map((line) => line.description)).toEqual([
      "Huur Zaal A, di 2 mrt 2027 19:30–21:00: Dansles",
      "Huur Zaal A, di 9 mrt 2027 19:30–21:00: Dansles",
      "Huur Zaal A, di 16 mrt 2027 19:30–21:00: Dansles",
      "Huur Zaal A, di 23 mrt 2027 19:30–21:00: Dansles",
    ]);
    expect(invoice.vatByRate).toEqual([{ vatBp: 2100, baseCents: 20000, vatCents: 4200 }]);
    expect(invoice.billing.supplier).toMatchObject({
      kvkNumber: "12345678",
      vatNumber: "NL123456789B01",
      iban: "NL91ABNA0417164300",
    });
    expect(invoice.billing.customer).toMatchObject({
      name: "Dansschool",
      address: "Dorpsstraat 9",
      postalCode: "1234 AB",
      city: "Voorbeeld",
    });
    expect(invoice.dueAt.getTime() - invoice.issuedAt.getTime()).toBe(14 * 24 * 60 * 60 * 1000);
    // A date is invoiced once: a second invoice for the booking has nothing left and uses no number.
    await expect(issueInvoice(actor, { bookingId: booking.id }, NOW)).rejects.toMatchObject({
      code: "invoice-nothing-to-invoice",
    });
    expect(
      (await db().invoiceSequence.findUniqueOrThrow({ where: { centreId_year: { centreId: centre.id, year: 2027 } } }))
        .lastNumber,
    ).toBe(1);
  });

  it("an invoiced date is owed now, and paying the invoice settles the booking it covers", async () => {
    const { actor, booking, centre, organisation } = await hire();
    const invoice = await issueInvoice(actor, { bookingId: booking.id }, NOW);
    let [account] = await accounts(centre.id, NOW);
    expect([account!.dueCents, account!.upcomingCents]).toEqual([24200, 0]);
    await recordPayment(
      actor,
      {
        organisationId: organisation.id,
        invoiceId: invoice.id,
        amountCents: 24200,
        method: "BANK_TRANSFER",
        receivedOn: "2027-03-10",
      },
      NOW,
    );
    [account] = await accounts(centre.id, NOW);
    expect([account!.bookings[0]!.paidCents, account!.outstandingCents]).toEqual([24200, 0]);
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
  });

  it("a month invoice takes the dates of that local month only, and a cancellation fee with its VAT", async () => {
    const { actor, organisation, dates, room, centre } = await hire();
    await cancelOccurrence(actor, { occurrenceId: dates[1]!.id, reason: "Ziek", feeCents: 3025 });
    // The month is the centre's: 31 March 22:30 is March; 1 April 00:30 (31 March 22:30 UTC) is April.
    const late = {
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      durationMinutes: 60,
      tier: "COMMERCIAL" as const,
      allowOutsideOpeningHours: true,
      pricePerDate: () => ({ exclCents: 1000, vatCents: 210 }),
    };
    await createTestBooking({ ...late, title: "Laat", localStart: "2027-03-31T22:30" });
    await createTestBooking({ ...late, title: "April", localStart: "2027-04-01T00:30" });
    const preview = await previewInvoice(centre.id, { organisationId: organisation.id, month: "2027-03" });
    expect(preview.lines.map((line) => line.description.slice(line.description.lastIndexOf(": ") + 2))).toEqual([
      "Dansles",
      "Dansles",
      "Dansles",
      "Dansles",
      "Laat",
    ]);
    const fee = preview.lines.find((line) => line.description.startsWith("Annuleringskosten"))!;
    expect([fee.amountExclCents, fee.vatCents, fee.vatBp]).toEqual([2500, 525, 2100]);
    const invoice = await issueInvoice(actor, { organisationId: organisation.id, month: "2027-03" }, NOW);
    expect(invoice.totalInclCents).toBe(3 * 6050 + 3025 + 1210);
  });

  it("numbers run on without gaps per centre and year, also when managers invoice at the same moment", async () => {
    const first = await hire({ prefix: "AA" });
    const second = await hire({ prefix: "BB" });
    // Five other organisations of the same centre, so nothing but the number row makes them wait.
    const extra = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        const organisation = await createOrganisation(first.centre.id, {
          name: `Huurder ${index}`,
          tier: "COMMERCIAL",
        });
        return createTestBooking({
          centreId: first.centre.id,
          organisationId: organisation.id,
          roomId: first.room.id,
          title: `Losse ${index}`,
          localStart: `2027-05-0${index + 1}T11:00`,
          durationMinutes: 60,
          tier: "COMMERCIAL",
          pricePerDate: () => ({ exclCents: 1000, vatCents: 210 }),
        });
      }),
    );
    const made = await Promise.all(
      [first.booking, ...extra].map((booking) => issueInvoice(first.actor, { bookingId: booking.id }, NOW)),
    );
    expect(made.map((invoice) => invoice.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(made.map((invoice) => invoice.number).sort()).toEqual([
      "AA-2027-0001",
      "AA-2027-0002",
      "AA-2027-0003",
      "AA-2027-0004",
      "AA-2027-0005",
      "AA-2027-0006",
    ]);
    expect((await issueInvoice(second.actor, { bookingId: second.booking.id }, NOW)).number).toBe("BB-2027-0001");
  });

  it("another centre's booking or invoice is not found", async () => {
    const { actor } = await hire();
    const other = await hire();
    const invoice = await issueInvoice(other.actor, { bookingId: other.booking.id }, NOW);
    await expect(issueInvoice(actor, { bookingId: other.booking.id }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(getInvoice(actor.centreId, invoice.id)).rejects.toMatchObject({ status: 404 });
  });

  it("a fee including VAT is split with VAT rounded once; an exempt fee has no VAT", () => {
    expect(splitInclusive(3025, 2100)).toEqual({ exclCents: 2500, vatCents: 525 });
    expect(splitInclusive(1001, 900)).toEqual({ exclCents: 918, vatCents: 83 });
    expect(splitInclusive(1000, null)).toEqual({ exclCents: 1000, vatCents: 0 });
  });
});
