import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~/db/client.server";
import { applySessionOutcome } from "~/domain/money/checkout-outcomes.server";
import { payLinkOf } from "~/domain/money/invoice-pay-links.server";
import {
  collectInvoiceByDirectDebit,
  completeDirectDebitMandate,
  invoiceAndCollectLastMonth,
  settleDirectDebit,
  startDirectDebitMandate,
} from "~/domain/money/direct-debit.server";
import { issueInvoice } from "~/domain/money/invoices.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import { DomainError } from "~/domain/shared/errors";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import { answer, listenToStripe, stripeEdge, TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "../support/stripe-edge";

const NOW = new Date("2027-04-02T09:00:00Z");

beforeAll(() => listenToStripe());
afterEach(() => stripeEdge.resetHandlers());
afterAll(() => stripeEdge.close());

/** A choir that rehearses every Tuesday of March 2027 at €40 + 21% VAT, invoiced for the month. */
async function choir(options: { stripe?: boolean; invoiced?: boolean } = {}) {
  const centre = await createCentre({ invoicePrefix: "DD", iban: "NL91ABNA0417164300" });
  const manager = await createUser();
  const actor = { centreId: centre.id, actorId: manager.id };
  if (options.stripe !== false)
    await saveStripeSettings(actor, {
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: 30,
    });
  const room = await createRoom(centre.id, { name: "Zaal A" });
  const organisation = await createOrganisation(centre.id, {
    name: `Koor ${centre.id.slice(0, 6)}`,
    tier: "ASSOCIATION",
    contactEmail: "koor@voorbeeld.example",
  });
  await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    title: "Repetitie",
    rrule: "FREQ=WEEKLY;COUNT=5",
    localStart: "2027-03-02T19:30",
    durationMinutes: 120,
    tier: "ASSOCIATION",
    quote: { vatBp: 2100 },
    pricePerDate: () => ({ exclCents: 4000, vatCents: 840 }),
  });
  const invoice =
    options.invoiced === false
      ? null
      : await issueInvoice(actor, { organisationId: organisation.id, month: "2027-03" }, NOW);
  return { centre, actor, organisation, invoice: invoice! };
}

/** Stripe answers the mandate's calls: a customer, a setup session, and the setup intent with its SEPA method. */
function stripeForMandate(seen: { customers: URLSearchParams[]; sessions: URLSearchParams[] }) {
  stripeEdge.use(
    answer("post", "/v1/customers", () => ({ id: "cus_koor", object: "customer" }), seen.customers),
    answer(
      "post",
      "/v1/checkout/sessions",
      () => ({
        id: "cs_test_mandate",
        object: "checkout.session",
        url: "https://checkout.stripe.com/c/pay/cs_test_mandate",
      }),
      seen.sessions,
    ),
    answer("get", "/v1/setup_intents/:id", (_, params) => ({
      id: params.id,
      object: "setup_intent",
      status: "succeeded",
      latest_attempt: {
        id: "setatt_1",
        object: "setup_attempt",
        payment_method_details: { type: "ideal", ideal: { generated_sepa_debit: "pm_sepa_koor" } },
      },
    })),
  );
}

describe("SEPA Direct Debit with a mandate given once through iDEAL", () => {
  it("the mandate: a customer and an iDEAL setup session; when it completes, the SEPA method is kept", async () => {
    const { centre, organisation } = await choir();
    const seen = { customers: [] as URLSearchParams[], sessions: [] as URLSearchParams[] };
    stripeForMandate(seen);
    const { url } = await startDirectDebitMandate(
      centre.id,
      organisation.id,
      { success: "http://localhost/ok", cancel: "http://localhost/back" },
      NOW,
    );
    expect(url).toBe("https://checkout.stripe.com/c/pay/cs_test_mandate");
    expect(seen.sessions[0]!.get("mode")).toBe("setup");
    expect(seen.sessions[0]!.get("customer")).toBe("cus_koor");
    expect(seen.sessions[0]!.get("allowed_payment_method_types[0]")).toBe("ideal");
    expect(seen.sessions[0]!.get("metadata[organisationId]")).toBe(organisation.id);

    await completeDirectDebitMandate(
      centre.id,
      {
        id: "cs_test_mandate",
        setup_intent: "seti_1",
        metadata: { purpose: "mandate", organisationId: organisation.id },
      },
      NOW,
    );
    const stored = await db().organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect([stored.stripeCustomerId, stored.sepaPaymentMethodId]).toEqual(["cus_koor", "pm_sepa_koor"]);
    expect(stored.sepaMandateAt).toEqual(NOW);
  });

  it("collecting an invoice: one PaymentIntent for what is open, pending until Stripe says it succeeded; a second ask is refused", async () => {
    const { centre, actor, organisation, invoice } = await choir();
    await db().organisation.update({
      where: { id: organisation.id },
      data: { stripeCustomerId: "cus_koor", sepaPaymentMethodId: "pm_sepa_koor", sepaMandateAt: NOW },
    });
    const intents: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/payment_intents",
        () => ({ id: `pi_${centre.id.slice(0, 8)}`, object: "payment_intent", status: "processing", amount: 24200 }),
        intents,
      ),
    );
    const payment = await collectInvoiceByDirectDebit(actor, invoice.id, NOW);
    expect([payment.amountCents, payment.status, payment.method]).toEqual([24200, "PENDING", "SEPA_DEBIT"]);
    expect(intents[0]!.get("amount")).toBe("24200");
    expect(intents[0]!.get("payment_method")).toBe("pm_sepa_koor");
    expect(intents[0]!.get("off_session")).toBe("true");

    const again = await collectInvoiceByDirectDebit(actor, invoice.id, NOW).catch((error: unknown) => error);
    expect((again as DomainError).code).toBe("direct-debit-under-way");
    expect(intents).toHaveLength(1);

    // pending money does not count yet
    const open = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(open.status).toBe("ISSUED");

    expect(await settleDirectDebit(centre.id, { id: payment.providerPaymentId!, status: "succeeded" }, NOW)).toBe(
      "succeeded",
    );
    expect(await settleDirectDebit(centre.id, { id: payment.providerPaymentId!, status: "succeeded" }, NOW)).toBe(
      "ignored",
    );
    const settled = await db().payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(settled.status).toBe("SUCCEEDED");
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
  });

  it("a failed collection is marked failed and may be tried again", async () => {
    const { centre, actor, organisation, invoice } = await choir();
    await db().organisation.update({
      where: { id: organisation.id },
      data: { stripeCustomerId: "cus_koor", sepaPaymentMethodId: "pm_sepa_koor", sepaMandateAt: NOW },
    });
    let next = 1;
    stripeEdge.use(
      answer("post", "/v1/payment_intents", () => ({
        id: `pi_${centre.id.slice(0, 8)}_${next++}`,
        object: "payment_intent",
        status: "processing",
      })),
    );
    const first = await collectInvoiceByDirectDebit(actor, invoice.id, NOW);
    expect(
      await settleDirectDebit(centre.id, { id: first.providerPaymentId!, status: "requires_payment_method" }, NOW),
    ).toBe("failed");
    const retry = await collectInvoiceByDirectDebit(actor, invoice.id, new Date(NOW.getTime() + 86_400_000));
    expect(retry.status).toBe("PENDING");
  });

  it("refuses without a mandate, without Stripe, and for another centre's invoice", async () => {
    const { actor, invoice } = await choir();
    const noMandate = await collectInvoiceByDirectDebit(actor, invoice.id, NOW).catch((error: unknown) => error);
    expect((noMandate as DomainError).code).toBe("direct-debit-no-mandate");

    const plain = await choir({ stripe: false });
    const noStripe = await collectInvoiceByDirectDebit(plain.actor, plain.invoice.id, NOW).catch((e: unknown) => e);
    expect((noStripe as DomainError).code).toBe("payments-not-configured");

    const other = await collectInvoiceByDirectDebit(actor, plain.invoice.id, NOW).catch((e: unknown) => e);
    expect((other as DomainError).status).toBe(404);
  });
});

describe("the monthly run", () => {
  it("on the 1st: last month invoiced and collected for an organisation with a mandate; a second run does nothing", async () => {
    const { centre, organisation } = await choir({ invoiced: false });
    await db().organisation.update({
      where: { id: organisation.id },
      data: { stripeCustomerId: "cus_koor", sepaPaymentMethodId: "pm_sepa_koor", sepaMandateAt: NOW },
    });
    const intents: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/payment_intents",
        () => ({ id: `pi_${centre.id.slice(0, 8)}_month`, object: "payment_intent", status: "processing" }),
        intents,
      ),
    );
    const firstOfApril = new Date("2027-04-01T04:00:00Z");
    expect(await invoiceAndCollectLastMonth(firstOfApril, { centreId: centre.id })).toBe(1);
    expect(await invoiceAndCollectLastMonth(firstOfApril, { centreId: centre.id })).toBe(0);
    const invoices = await db().invoice.findMany({ where: { organisationId: organisation.id } });
    expect(
      invoices.map((invoice) => [invoice.totalInclCents, invoice.periodStart?.toISOString().slice(0, 10)]),
    ).toEqual([[24200, "2027-03-01"]]);
    expect(intents).toHaveLength(1);
    expect(intents[0]!.get("amount")).toBe("24200");
  });
});

describe("the pages: the hirer gives the mandate, the manager collects", () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await startHttpApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

  it("a contact is sent to Stripe for their own organisation only", async () => {
    const { centre, organisation } = await choir();
    const contact = await createUser({ name: "Contact" });
    await db().organisationMember.create({ data: { organisationId: organisation.id, userId: contact.id } });
    const cookie = await sessionCookie(contact.id);
    stripeForMandate({ customers: [], sessions: [] });

    const page = await fetch(`${app.baseUrl}/centres/${centre.slug}/direct-debit`, { headers: { Cookie: cookie } });
    expect(await page.text()).toContain("Toestemming geven met iDEAL");

    const post = (organisationId: string) =>
      fetch(`${app.baseUrl}/centres/${centre.slug}/direct-debit`, {
        method: "POST",
        redirect: "manual",
        headers: { ...FORM, Cookie: cookie, Origin: app.baseUrl },
        body: new URLSearchParams({ organisationId }),
      });
    const sent = await post(organisation.id);
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("https://checkout.stripe.com/c/pay/cs_test_mandate");

    const stranger = await createOrganisation(centre.id, { name: `Ander ${centre.id.slice(0, 6)}`, tier: "PRIVATE" });
    expect((await post(stranger.id)).status).toBe(404);
  });

  it("a manager collects an invoice from the mandate with one press; a second press does not debit again", async () => {
    const { centre, organisation, invoice } = await choir();
    await db().organisation.update({
      where: { id: organisation.id },
      data: { stripeCustomerId: "cus_koor", sepaPaymentMethodId: "pm_sepa_koor", sepaMandateAt: NOW },
    });
    const manager = await createUser({ name: "Beheer" });
    await addMembership(manager.id, centre.id, "MANAGER");
    const cookie = await sessionCookie(manager.id);
    const intents: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/payment_intents",
        () => ({ id: `pi_${centre.id.slice(0, 8)}_page`, object: "payment_intent", status: "processing" }),
        intents,
      ),
    );
    const path = `/manage/${centre.slug}/invoices/${invoice.id}`;
    expect(await (await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: cookie } })).text()).toContain(
      "Afschrijven van de rekening",
    );
    const press = () =>
      fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { ...FORM, Cookie: cookie, Origin: app.baseUrl },
        body: new URLSearchParams({ intent: "collect" }),
      });
    const [first, second] = [await press(), await press()];
    expect(first.status).toBe(302);
    expect(second.status).toBe(409);
    expect(intents).toHaveLength(1);
    expect(await db().payment.count({ where: { invoiceId: invoice.id, method: "SEPA_DEBIT" } })).toBe(1);
  });
});

describe("when Stripe cannot be reached", () => {
  it("collecting says so plainly (502) and writes nothing", async () => {
    const { actor, organisation, invoice } = await choir();
    await db().organisation.update({
      where: { id: organisation.id },
      data: { stripeCustomerId: "cus_koor", sepaPaymentMethodId: "pm_sepa_koor", sepaMandateAt: NOW },
    });
    stripeEdge.use(http.post("https://api.stripe.com/v1/payment_intents", () => HttpResponse.error()));
    const refused = await collectInvoiceByDirectDebit(actor, invoice.id, NOW).catch((error: unknown) => error);
    expect((refused as DomainError).code).toBe("payments-provider-failed");
    expect((refused as DomainError).status).toBe(502);
    expect(await db().payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });
});

describe("paying an invoice online from its pay link", () => {
  let app: HttpApp;
  beforeAll(async () => {
    app = await startHttpApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("two presses open one Checkout session for what is open; the paid session pays the invoice once", async () => {
    const { centre, invoice } = await choir();
    const stored = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const path = new URL(await payLinkOf(stored)).pathname;
    const sessions: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/checkout/sessions",
        () => ({
          id: `cs_${centre.id.slice(0, 8)}`,
          object: "checkout.session",
          url: `https://checkout.stripe.com/c/pay/cs_${centre.id.slice(0, 8)}`,
        }),
        sessions,
      ),
    );
    expect(await (await fetch(`${app.baseUrl}${path}`)).text()).toContain("online met iDEAL");
    const press = () =>
      fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
        body: new URLSearchParams({ intent: "pay" }),
      });
    const [first, second] = [await press(), await press()];
    expect(first.headers.get("Location")).toBe(`https://checkout.stripe.com/c/pay/cs_${centre.id.slice(0, 8)}`);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.get("line_items[0][price_data][unit_amount]")).toBe("24200");

    const session = { id: `cs_${centre.id.slice(0, 8)}`, payment_intent: `pi_${centre.id.slice(0, 8)}_inv` };
    for (let i = 0; i < 3; i++) await transaction((tx) => applySessionOutcome(tx, centre.id, session, "paid", NOW));
    const payments = await db().payment.findMany({ where: { invoiceId: invoice.id } });
    expect(payments.map((payment) => [payment.amountCents, payment.method, payment.status])).toEqual([
      [24200, "ONLINE", "SUCCEEDED"],
    ]);
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect(await (await fetch(`${app.baseUrl}${path}`)).text()).toContain("Deze factuur is betaald.");
  });
});
