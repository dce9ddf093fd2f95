import { randomUUID } from "node:crypto";
import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { cancelByOrganisation } from "~/domain/bookings/cancel.server";
import { approveBooking, requestBooking, type BookingRequestInput } from "~/domain/bookings/requests.server";
import { cancelDate } from "~/domain/bookings/manager-changes.server";
import { issueInvoice } from "~/domain/money/invoices.server";
import {
  confirmRefund,
  refundPayment,
  returnDeposit,
  sendRefund,
  sendWaitingRefunds,
} from "~/domain/money/refunds.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import { DomainError } from "~/domain/shared/errors";
import { setClock } from "~/lib/clock";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";
import {
  formOf,
  listenToStripe,
  STRIPE_API,
  stripeEdge,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "../support/stripe-edge";

const NOW = new Date("2027-03-10T08:30:00Z");

beforeAll(() => listenToStripe());
beforeEach(() => setClock(NOW, { frozen: true }));
afterEach(() => stripeEdge.resetHandlers());
afterAll(() => stripeEdge.close());

interface StripeCall {
  form: URLSearchParams;
  idempotencyKey: string | null;
}

/** Stripe's refunds endpoint at the edge: each call recorded; `fail` answers the first n calls with an error. */
function stripeRefunds(options: { fail?: number } = {}) {
  const calls: StripeCall[] = [];
  const made = new Map<string, string>();
  stripeEdge.use(
    http.post(`${STRIPE_API}/v1/refunds`, async ({ request }) => {
      const form = await formOf(request);
      const idempotencyKey = request.headers.get("idempotency-key");
      calls.push({ form, idempotencyKey });
      if (calls.length <= (options.fail ?? 0))
        return HttpResponse.json(
          { error: { type: "api_error", message: "Something went wrong on Stripe's end." } },
          { status: 500, headers: { "stripe-should-retry": "false" } },
        );
      // Stripe answers the same idempotency key with the same refund.
      const id = made.get(idempotencyKey ?? "") ?? `re_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
      made.set(idempotencyKey ?? id, id);
      return HttpResponse.json({
        id,
        object: "refund",
        amount: Number(form.get("amount")),
        currency: "eur",
        payment_intent: form.get("payment_intent"),
        status: "succeeded",
      });
    }),
  );
  return { calls, refundsMade: () => new Set(made.values()).size };
}

/** A centre with Stripe keys, a private hirer and its contact, and a manager. */
async function house(options: { stripe?: boolean } = {}) {
  const centre = await createCentre({ invoicePrefix: "DW" });
  const room = await createRoom(centre.id, { name: "Grote zaal", capacity: 80 });
  const manager = await createUser({ name: "Penningmeester" });
  await addMembership(manager.id, centre.id, "ADMIN");
  const actor = { centreId: centre.id, actorId: manager.id };
  if (options.stripe !== false)
    await saveStripeSettings(actor, {
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: 30,
    });
  const contact = await createUser({ name: "Sanne" });
  const hirer = await createOrganisation(centre.id, {
    name: "Familie de Vries",
    tier: "PRIVATE",
    contactEmail: "sanne@voorbeeld.example",
    members: { create: { userId: contact.id } },
  });
  return { centre, room, manager, actor, contact, hirer };
}

/** A one-off party priced €100 + €21 VAT, paid in full (online unless said otherwise). */
async function paidParty(
  place: Awaited<ReturnType<typeof house>>,
  options: { localStart?: string; method?: "ONLINE" | "BANK_TRANSFER" } = {},
) {
  const booking = await createTestBooking({
    centreId: place.centre.id,
    organisationId: place.hirer.id,
    roomId: place.room.id,
    title: "Verjaardag",
    localStart: options.localStart ?? "2027-03-20T19:00",
    durationMinutes: 240,
    tier: "PRIVATE",
    pricePerDate: () => ({ exclCents: 10000, vatCents: 2100 }),
  });
  const method = options.method ?? "ONLINE";
  const payment = await db().payment.create({
    data: {
      centreId: place.centre.id,
      organisationId: place.hirer.id,
      bookingId: booking.id,
      amountCents: 12100,
      method,
      kind: "FEE",
      providerPaymentId: method === "ONLINE" ? `pi_${randomUUID().replaceAll("-", "")}` : null,
      receivedAt: new Date("2027-03-01T10:00:00Z"),
    },
  });
  return { booking, payment };
}

async function refusedWith(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

const refundsOf = (paymentId: string) =>
  db().payment.findMany({ where: { refundOfId: paymentId }, include: { creditNote: true } });

describe("a hirer cancels: the fee is kept, the rest goes back the way they paid", () => {
  it("paid online: 10 days' notice costs 50%, the other half is refunded through Stripe with a credit note", async () => {
    const place = await house();
    const { booking, payment } = await paidParty(place);
    const stripe = stripeRefunds();
    const [date] = await db().occurrence.findMany({ where: { bookingId: booking.id } });
    const result = await cancelByOrganisation(
      {
        centreId: place.centre.id,
        organisationIds: [place.hirer.id],
        bookingId: booking.id,
        scope: "date",
        occurrenceId: date!.id,
        actorId: place.contact.id,
        reason: "Ziek",
      },
      NOW,
    );
    expect(result.totalFeeCents).toBe(6050);
    expect(result.refundCents).toBe(6050);
    expect(stripe.calls).toHaveLength(1);
    expect(stripe.calls[0]!.form.get("payment_intent")).toBe(payment.providerPaymentId);
    expect(stripe.calls[0]!.form.get("amount")).toBe("6050");
    const [refund] = await refundsOf(payment.id);
    expect(stripe.calls[0]!.idempotencyKey).toBe(`buurtrooster-refund-${refund!.id}`);
    expect(refund).toMatchObject({ amountCents: -6050, kind: "REFUND", status: "SUCCEEDED", method: "ONLINE" });
    expect(refund!.providerRefundId).toMatch(/^re_/);
    expect(refund!.creditNote).toMatchObject({
      number: "DW-C-2027-0001",
      totalInclCents: 6050,
      totalExclCents: 5000,
      vatCents: 1050,
      bookingId: booking.id,
    });
    expect(refund!.creditNote!.reason).toContain("Verjaardag");
  });

  it("the cancel form sent twice at the same moment (a double click) cancels once and refunds once", async () => {
    const place = await house();
    const { booking, payment } = await paidParty(place);
    const stripe = stripeRefunds();
    const [date] = await db().occurrence.findMany({ where: { bookingId: booking.id } });
    const submission = { key: randomUUID(), centreId: place.centre.id, kind: "cancellation" };
    const send = () =>
      cancelByOrganisation(
        {
          centreId: place.centre.id,
          organisationIds: [place.hirer.id],
          bookingId: booking.id,
          scope: "date",
          occurrenceId: date!.id,
          actorId: place.contact.id,
          reason: "",
        },
        NOW,
        submission,
      );
    const results = await Promise.allSettled([send(), send()]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "already-submitted" });
    expect(stripe.calls).toHaveLength(1);
    expect(await refundsOf(payment.id)).toHaveLength(1);
  });

  it("paid by bank: the refund is due until the treasurer registers the transfer, then it gets its credit note", async () => {
    const place = await house({ stripe: false });
    const { booking, payment } = await paidParty(place, { method: "BANK_TRANSFER", localStart: "2027-04-24T19:00" });
    const [date] = await db().occurrence.findMany({ where: { bookingId: booking.id } });
    const result = await cancelByOrganisation(
      {
        centreId: place.centre.id,
        organisationIds: [place.hirer.id],
        bookingId: booking.id,
        scope: "date",
        occurrenceId: date!.id,
        actorId: place.contact.id,
        reason: "",
      },
      NOW,
    );
    // more than 14 days' notice: free, everything goes back
    expect(result.totalFeeCents).toBe(0);
    const [due] = await refundsOf(payment.id);
    expect(due).toMatchObject({ amountCents: -12100, status: "PENDING", method: "BANK_TRANSFER", creditNote: null });
    await confirmRefund(place.actor, { refundId: due!.id, paidOn: "2027-03-10", reference: "NL91 terug" }, NOW);
    const [done] = await refundsOf(payment.id);
    expect(done).toMatchObject({ status: "SUCCEEDED" });
    expect(done!.creditNote?.number).toBe("DW-C-2027-0001");
    await refusedWith(
      confirmRefund(place.actor, { refundId: due!.id, paidOn: "2027-03-10" }, NOW),
      "refund-not-pending",
    );
  });
});

describe("a manager cancels for the hirer", () => {
  it("with the fee: the rest goes back through Stripe, and the credit note refers to the booking's invoice", async () => {
    const place = await house();
    const { booking, payment } = await paidParty(place);
    const invoice = await issueInvoice(place.actor, { bookingId: booking.id }, NOW);
    const stripe = stripeRefunds();
    const [date] = await db().occurrence.findMany({ where: { bookingId: booking.id } });
    const result = await cancelDate(place.actor, { occurrenceId: date!.id, reason: "Lekkage", chargeFee: true }, NOW);
    expect(result.feeCents).toBe(6050);
    expect(result.refundCents).toBe(6050);
    expect(stripe.calls.map((call) => call.form.get("amount"))).toEqual(["6050"]);
    const [refund] = await refundsOf(payment.id);
    expect(refund!.creditNote).toMatchObject({ invoiceId: invoice.id, totalInclCents: 6050 });
  });

  it("without the fee: everything paid goes back", async () => {
    const place = await house({ stripe: false });
    const { booking, payment } = await paidParty(place, { method: "BANK_TRANSFER" });
    const [date] = await db().occurrence.findMany({ where: { bookingId: booking.id } });
    await cancelDate(place.actor, { occurrenceId: date!.id, reason: "Lekkage", chargeFee: false }, NOW);
    expect((await refundsOf(payment.id)).map((row) => [row.amountCents, row.status])).toEqual([[-12100, "PENDING"]]);
  });
});

describe("an initiative bumps a provisional commercial booking", () => {
  it("the hirer is refunded in full at once through Stripe, and the email says so", async () => {
    const centre = await createCentre({ invoicePrefix: "BH", commercialShareCapBp: null });
    const room = await createRoom(centre.id, { name: "Zaal A", capacity: 40 });
    await createRoom(centre.id, { name: "Zaal B", capacity: 40 });
    for (const tier of ["RESIDENT_INITIATIVE", "COMMERCIAL"] as const)
      await createRate(centre.id, room.id, tier, {
        hourlyCents: tier === "COMMERCIAL" ? 4000 : 500,
        validFrom: new Date("2026-01-01T00:00:00Z"),
      });
    const manager = await createUser();
    await addMembership(manager.id, centre.id, "ADMIN");
    await saveStripeSettings(
      { centreId: centre.id, actorId: manager.id },
      { secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, holdMinutes: 30 },
    );
    const company = await createOrganisation(centre.id, {
      name: "Yoga BV",
      tier: "COMMERCIAL",
      contactEmail: "yoga@voorbeeld.example",
    });
    const initiative = await createOrganisation(centre.id, { name: "Koffieochtend", tier: "RESIDENT_INITIATIVE" });
    const ask = (organisationId: string, overrides: Partial<BookingRequestInput>): BookingRequestInput => ({
      centreId: centre.id,
      roomId: room.id,
      organisationId,
      actor: { userId: null, isManager: false },
      title: "Yoga",
      rrule: null,
      localStart: "2027-04-06T19:30",
      durationMinutes: 120,
      attendees: 12,
      ...overrides,
    });
    const hire = await requestBooking(ask(company.id, {}), NOW);
    await approveBooking({ centreId: centre.id, actorId: manager.id }, hire.booking.id, NOW);
    const paidRow = await db().payment.create({
      data: {
        centreId: centre.id,
        organisationId: company.id,
        bookingId: hire.booking.id,
        amountCents: 9680,
        method: "ONLINE",
        providerPaymentId: `pi_${randomUUID().replaceAll("-", "")}`,
        receivedAt: NOW,
      },
    });
    const stripe = stripeRefunds();
    await requestBooking(ask(initiative.id, { title: "Buurtvergadering", localStart: "2027-04-06T19:00" }), NOW);

    expect((await db().booking.findUniqueOrThrow({ where: { id: hire.booking.id } })).status).toBe("BUMPED");
    expect(stripe.calls.map((call) => call.form.get("amount"))).toEqual(["9680"]);
    const [refund] = await refundsOf(paidRow.id);
    expect(refund).toMatchObject({ amountCents: -9680, status: "SUCCEEDED" });
    expect(refund!.creditNote?.number).toBe("BH-C-2027-0001");
    const mail = await db().emailMessage.findFirstOrThrow({ where: { centreId: centre.id, kind: "booking-bumped" } });
    expect(mail.textBody).toMatch(/U betaalde online\. U krijgt €\s96,80 meteen terug/);
  });
});

describe("the deposit", () => {
  async function heldDeposit(method: "ONLINE" | "CASH" = "ONLINE") {
    const place = await house();
    const { booking } = await paidParty(place, { localStart: "2027-03-06T19:00" });
    await db().booking.update({ where: { id: booking.id }, data: { depositCents: 25000, depositStatus: "HELD" } });
    const deposit = await db().payment.create({
      data: {
        centreId: place.centre.id,
        organisationId: place.hirer.id,
        bookingId: booking.id,
        amountCents: 25000,
        method,
        kind: "DEPOSIT",
        providerPaymentId: method === "ONLINE" ? `pi_${randomUUID().replaceAll("-", "")}` : null,
        receivedAt: new Date("2027-03-01T10:00:00Z"),
      },
    });
    return { place, booking, deposit };
  }

  it("is returned after the date minus a stated deduction: online through Stripe, RETURNED, a credit note without VAT", async () => {
    const { place, booking, deposit } = await heldDeposit();
    const stripe = stripeRefunds();
    await refusedWith(
      returnDeposit(place.actor, { bookingId: booking.id, deductionCents: 4000, reason: " " }, NOW),
      "deposit-reason-required",
    );
    await refusedWith(
      returnDeposit(place.actor, { bookingId: booking.id, deductionCents: 30000, reason: "Alles kapot" }, NOW),
      "deposit-deduction-invalid",
    );
    await returnDeposit(place.actor, { bookingId: booking.id, deductionCents: 4000, reason: "Glas gebroken" }, NOW);
    expect(stripe.calls.map((call) => call.form.get("amount"))).toEqual(["21000"]);
    expect(stripe.calls[0]!.form.get("payment_intent")).toBe(deposit.providerPaymentId);
    const [back] = await refundsOf(deposit.id);
    expect(back).toMatchObject({ amountCents: -21000, kind: "DEPOSIT_RETURN", status: "SUCCEEDED" });
    expect(back!.creditNote).toMatchObject({ totalInclCents: 21000, vatCents: 0 });
    expect(back!.creditNote!.reason).toContain("Glas gebroken");
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).depositStatus).toBe("RETURNED");
    // once: a second return is refused
    await refusedWith(
      returnDeposit(place.actor, { bookingId: booking.id, deductionCents: 0, reason: "" }, NOW),
      "deposit-not-held",
    );
    expect(stripe.calls).toHaveLength(1);
  });

  it("is not returned before the booking's last date", async () => {
    const { place, booking } = await heldDeposit("CASH");
    await refusedWith(
      returnDeposit(
        place.actor,
        { bookingId: booking.id, deductionCents: 0, reason: "" },
        new Date("2027-03-06T19:30:00Z"),
      ),
      "deposit-too-early",
    );
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).depositStatus).toBe("HELD");
  });
});

describe("refunds never exceed what was paid", () => {
  it("a second refund that would go over is refused with what is left", async () => {
    const place = await house({ stripe: false });
    const { payment } = await paidParty(place, { method: "BANK_TRANSFER" });
    const input = { paymentId: payment.id, reason: "Coulance", paidOn: "2027-03-10" };
    await refundPayment(place.actor, { ...input, amountCents: 8000 }, NOW);
    const error = await refundPayment(place.actor, { ...input, amountCents: 5000 }, NOW).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "refund-too-large", params: { left: 41 } });
    const refunds = await refundsOf(payment.id);
    expect(refunds.reduce((sum, row) => sum + row.amountCents, 0)).toBe(-8000);
  });

  it("refunds at the same moment that together exceed the payment: as many pass as fit, the others are refused", async () => {
    const place = await house({ stripe: false });
    const { payment } = await paidParty(place, { method: "BANK_TRANSFER" });
    const input = { paymentId: payment.id, reason: "Dubbel betaald", paidOn: "2027-03-10", amountCents: 3000 };
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => refundPayment(place.actor, input, NOW)));
    // €121 holds four refunds of €30
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(4);
    for (const result of results.filter((result) => result.status === "rejected"))
      expect(((result as PromiseRejectedResult).reason as DomainError).code).toBe("refund-too-large");
    const refunds = await refundsOf(payment.id);
    expect(refunds.reduce((sum, row) => sum + row.amountCents, 0)).toBe(-12000);
  });

  it("a refund of another centre's payment is not found", async () => {
    const place = await house({ stripe: false });
    const other = await house({ stripe: false });
    const { payment } = await paidParty(other, { method: "BANK_TRANSFER" });
    await refusedWith(
      refundPayment(place.actor, { paymentId: payment.id, amountCents: 100, reason: "x", paidOn: "2027-03-10" }, NOW),
      "not-found",
    );
  });
});

describe("credit notes", () => {
  it("ten refunds at once get the numbers 1 to 10, without a gap or a twin", async () => {
    const place = await house({ stripe: false });
    const { payment } = await paidParty(place, { method: "BANK_TRANSFER" });
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        refundPayment(
          place.actor,
          { paymentId: payment.id, amountCents: 100 + index, reason: `Deel ${index}`, paidOn: "2027-03-10" },
          NOW,
        ),
      ),
    );
    const notes = await db().creditNote.findMany({
      where: { centreId: place.centre.id },
      orderBy: { sequence: "asc" },
    });
    expect(notes.map((note) => note.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(notes.map((note) => note.number)).toEqual(
      Array.from({ length: 10 }, (_, index) => `DW-C-2027-${String(index + 1).padStart(4, "0")}`),
    );
    expect(new Set(notes.map((note) => note.paymentId)).size).toBe(10);
  });
});

describe("double clicks and Stripe failures", () => {
  it("the refund form sent twice at once refunds once", async () => {
    const place = await house();
    const { payment } = await paidParty(place);
    const stripe = stripeRefunds();
    const submission = { key: randomUUID(), centreId: place.centre.id, kind: "refund" };
    const input = { paymentId: payment.id, amountCents: 3000, reason: "Korting", paidOn: "2027-03-10" };
    const results = await Promise.allSettled([
      refundPayment(place.actor, input, NOW, submission),
      refundPayment(place.actor, input, NOW, submission),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("already-submitted");
    expect(stripe.calls).toHaveLength(1);
    const refunds = await refundsOf(payment.id);
    expect(refunds.map((row) => [row.amountCents, row.status])).toEqual([[-3000, "SUCCEEDED"]]);
  });

  it("a Stripe error leaves the refund reserved without a credit note; a retry sends the same key and completes it", async () => {
    const place = await house();
    const { payment } = await paidParty(place);
    const stripe = stripeRefunds({ fail: 1 });
    await refusedWith(
      refundPayment(
        place.actor,
        { paymentId: payment.id, amountCents: 12100, reason: "Alles terug", paidOn: "2027-03-10" },
        NOW,
      ),
      "refund-stripe-failed",
    );
    const [waiting] = await refundsOf(payment.id);
    expect(waiting).toMatchObject({ status: "PENDING", providerRefundId: null, creditNote: null });
    expect(await db().creditNoteSequence.count({ where: { centreId: place.centre.id } })).toBe(0);
    // still reserved: nothing more can be refunded meanwhile
    await refusedWith(
      refundPayment(place.actor, { paymentId: payment.id, amountCents: 1, reason: "x", paidOn: "2027-03-10" }, NOW),
      "refund-too-large",
    );

    const done = await sendRefund(place.actor, waiting!.id);
    expect(done.status).toBe("SUCCEEDED");
    expect(stripe.calls.map((call) => call.idempotencyKey)).toEqual([
      `buurtrooster-refund-${waiting!.id}`,
      `buurtrooster-refund-${waiting!.id}`,
    ]);
    const [after] = await refundsOf(payment.id);
    expect(after!.creditNote?.number).toBe("DW-C-2027-0001");
    // sending it again changes nothing and does not call Stripe
    await sendRefund(place.actor, waiting!.id);
    expect(stripe.calls).toHaveLength(2);
    expect(await db().creditNote.count({ where: { centreId: place.centre.id } })).toBe(1);
  });

  it("the refunds job sends a refund Stripe did not take again, and it is done", async () => {
    const place = await house();
    const { payment } = await paidParty(place);
    const stripe = stripeRefunds({ fail: 1 });
    await refusedWith(
      refundPayment(
        place.actor,
        { paymentId: payment.id, amountCents: 500, reason: "Korting", paidOn: "2027-03-10" },
        NOW,
      ),
      "refund-stripe-failed",
    );
    await sendWaitingRefunds(new Date(Date.now() + 5 * 60_000));
    const [refund] = await refundsOf(payment.id);
    expect(refund).toMatchObject({ status: "SUCCEEDED", amountCents: -500 });
    expect(refund!.creditNote?.number).toBe("DW-C-2027-0001");
    expect(new Set(stripe.calls.map((call) => call.idempotencyKey))).toEqual(
      new Set([`buurtrooster-refund-${refund!.id}`]),
    );
  });
});
