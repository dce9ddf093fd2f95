import type Stripe from "stripe";
import { db, transaction, type Tx } from "~/db/client.server";
import { clock } from "~/lib/clock";
import type { ActorOrJob } from "../shared/actor";
import { recordAudit } from "../shared/audit.server";
import { DomainError, isDomainError, NotFoundError } from "../shared/errors";
import { localDateAt } from "../time/time-zone";
import { issueInvoice } from "./invoices.server";
import { callStripe, stripeFor, type CentreStripe } from "./stripe.server";

/**
 * SEPA Direct Debit for regular hirers (associations, series): the organisation gives a mandate
 * once, through a one-cent iDEAL payment in Stripe Checkout (setup mode; Stripe refunds the
 * cent and keeps the verified IBAN as a SEPA Direct Debit payment method), and from then on
 * its invoices can be collected without anyone doing anything. A collection is a PaymentIntent
 * on that payment method; SEPA takes days to say yes or no, so the payment is written as
 * PENDING and counts only when Stripe reports it succeeded (settleDirectDebit, from the
 * webhook). See docs/decisions/095-sepa-direct-debit.md.
 */

/** `work` in the caller's transaction when there is one, else in its own. */
function inTransaction<T>(within: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return within ? work(within) : transaction(work);
}

async function centreStripe(centreId: string): Promise<CentreStripe> {
  const stripe = await stripeFor(centreId);
  if (!stripe) throw new DomainError("payments-not-configured", "This centre does not take online payments.", {}, 409);
  return stripe;
}

/** The organisation as a customer in the centre's Stripe account (made once). */
async function customerOf(
  stripe: Stripe,
  organisation: {
    id: string;
    name: string;
    contactEmail: string | null;
    billingEmail: string | null;
    stripeCustomerId: string | null;
  },
): Promise<string> {
  if (organisation.stripeCustomerId) return organisation.stripeCustomerId;
  const customer = await callStripe(() =>
    stripe.customers.create(
      {
        name: organisation.name,
        email: organisation.billingEmail ?? organisation.contactEmail ?? undefined,
        metadata: { organisationId: organisation.id },
      },
      { idempotencyKey: `customer-${organisation.id}` },
    ),
  );
  await db().organisation.update({ where: { id: organisation.id }, data: { stripeCustomerId: customer.id } });
  return customer.id;
}

/**
 * Opens Stripe Checkout for a mandate (iDEAL, setup mode); returns the address to send the
 * contact to. Another centre's organisation is not found.
 */
export async function startDirectDebitMandate(
  centreId: string,
  organisationId: string,
  urls: { success: string; cancel: string },
  now = clock.now(),
): Promise<{ url: string }> {
  const { stripe } = await centreStripe(centreId);
  const organisation = await db().organisation.findFirst({ where: { id: organisationId, centreId } });
  if (!organisation) throw new NotFoundError("organisation");
  const customer = await customerOf(stripe, organisation);
  const session = await callStripe(() =>
    stripe.checkout.sessions.create(
      {
        mode: "setup",
        currency: "eur",
        allowed_payment_method_types: ["ideal"],
        customer,
        success_url: urls.success,
        cancel_url: urls.cancel,
        metadata: { purpose: "mandate", centreId, organisationId },
      },
      // a double click within the same minute opens the same session
      { idempotencyKey: `mandate-${organisationId}-${Math.floor(now.getTime() / 60_000)}` },
    ),
  );
  if (!session.url) throw new DomainError("payments-provider-failed", "Stripe gave no address to go to.", {}, 502);
  return { url: session.url };
}

/**
 * A completed mandate session (from the webhook): the SEPA Direct Debit payment method that
 * iDEAL produced is kept on the organisation.
 */
export async function completeDirectDebitMandate(
  centreId: string,
  session: { id: string; setup_intent: string | { id: string } | null; metadata: Record<string, string> | null },
  now = clock.now(),
  /** the webhook's transaction, which also stores the event */
  within?: Tx,
): Promise<void> {
  const organisationId = session.metadata?.organisationId;
  const setupIntentId = typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
  if (!organisationId || !setupIntentId) return;
  const { stripe } = await centreStripe(centreId);
  const setupIntent = await callStripe(() =>
    stripe.setupIntents.retrieve(setupIntentId, { expand: ["latest_attempt"] }),
  );
  const attempt = setupIntent.latest_attempt;
  const generated =
    attempt && typeof attempt !== "string" ? attempt.payment_method_details?.ideal?.generated_sepa_debit : null;
  const paymentMethod = typeof generated === "string" ? generated : (generated?.id ?? null);
  if (!paymentMethod) return;
  await inTransaction(within, async (tx) => {
    const updated = await tx.organisation.updateMany({
      where: { id: organisationId, centreId },
      data: { sepaPaymentMethodId: paymentMethod, sepaMandateAt: now },
    });
    if (updated.count === 0) return;
    await recordAudit(tx, {
      centreId,
      actorId: null,
      entityType: "organisation",
      entityId: organisationId,
      action: "direct-debit-mandate-given",
      details: { session: session.id },
    });
  });
}

/**
 * Collects what is open on an invoice from the organisation's mandate. Refused when there is
 * no mandate, nothing is open, or a collection is already under way (a double click collects
 * once). Returns the pending payment.
 */
export async function collectInvoiceByDirectDebit(actor: ActorOrJob, invoiceId: string, now = clock.now()) {
  const { stripe } = await centreStripe(actor.centreId);
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, centreId: actor.centreId },
    include: { organisation: true, payments: { select: { amountCents: true, status: true, method: true } } },
  });
  if (!invoice) throw new NotFoundError("invoice");
  const { organisation } = invoice;
  const { sepaPaymentMethodId, stripeCustomerId } = organisation;
  if (!sepaPaymentMethodId || !stripeCustomerId)
    throw new DomainError(
      "direct-debit-no-mandate",
      "This organisation has not given a direct debit mandate.",
      {},
      409,
    );
  if (invoice.payments.some((payment) => payment.method === "SEPA_DEBIT" && payment.status === "PENDING"))
    throw new DomainError("direct-debit-under-way", "A direct debit for this invoice is under way.", {}, 409);
  const paid = invoice.payments
    .filter((payment) => payment.status === "SUCCEEDED")
    .reduce((sum, payment) => sum + payment.amountCents, 0);
  const openCents = invoice.totalInclCents - paid;
  if (invoice.status !== "ISSUED" || openCents <= 0)
    throw new DomainError("direct-debit-nothing-open", "Nothing is open on this invoice.", {}, 409);

  const intent = await callStripe(() =>
    stripe.paymentIntents.create(
      {
        amount: openCents,
        currency: "eur",
        customer: stripeCustomerId,
        payment_method: sepaPaymentMethodId,
        allowed_payment_method_types: ["sepa_debit"],
        confirm: true,
        off_session: true,
        description: `Factuur ${invoice.number}`,
        metadata: { purpose: "invoice-debit", centreId: actor.centreId, invoiceId: invoice.id },
      },
      // the same invoice and amount is debited once, however often this is asked
      { idempotencyKey: `invoice-debit-${invoice.id}-${openCents}` },
    ),
  );
  return transaction(async (tx) => {
    const existing = await tx.payment.findFirst({ where: { providerPaymentId: intent.id, centreId: actor.centreId } });
    if (existing) return existing;
    const payment = await tx.payment.create({
      data: {
        centreId: actor.centreId,
        organisationId: organisation.id,
        invoiceId: invoice.id,
        amountCents: openCents,
        method: "SEPA_DEBIT",
        status: intent.status === "succeeded" ? "SUCCEEDED" : "PENDING",
        reference: invoice.number,
        providerPaymentId: intent.id,
        receivedAt: now,
        recordedById: actor.actorId,
      },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "invoice",
      entityId: invoice.id,
      action: "direct-debit-started",
      details: { amountCents: openCents, paymentIntent: intent.id },
    });
    return payment;
  });
}

/**
 * Stripe's word on a collection (payment_intent.succeeded or .payment_failed, from the
 * webhook): the pending payment counts, or is marked failed. Applied once; a later word on
 * a payment already settled changes nothing.
 */
export async function settleDirectDebit(
  centreId: string,
  intent: { id: string; status: string },
  now = clock.now(),
  /** the webhook's transaction, which also stores the event */
  within?: Tx,
): Promise<"succeeded" | "failed" | "ignored"> {
  const outcome =
    intent.status === "succeeded"
      ? "SUCCEEDED"
      : intent.status === "requires_payment_method" || intent.status === "canceled"
        ? "FAILED"
        : null;
  if (!outcome) return "ignored";
  return inTransaction(within, async (tx) => {
    const settled = await tx.payment.updateMany({
      where: { centreId, providerPaymentId: intent.id, method: "SEPA_DEBIT", status: "PENDING" },
      data: { status: outcome, ...(outcome === "SUCCEEDED" ? { receivedAt: now } : {}) },
    });
    if (settled.count === 0) return "ignored";
    const payment = await tx.payment.findFirstOrThrow({ where: { providerPaymentId: intent.id, centreId } });
    if (outcome === "SUCCEEDED" && payment.invoiceId) {
      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id: payment.invoiceId },
        include: { payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } } },
      });
      const paid = invoice.payments.reduce((sum, row) => sum + row.amountCents, 0);
      if (paid >= invoice.totalInclCents && invoice.status === "ISSUED")
        await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID" } });
    }
    await recordAudit(tx, {
      centreId,
      actorId: null,
      entityType: "payment",
      entityId: payment.id,
      action: outcome === "SUCCEEDED" ? "direct-debit-succeeded" : "direct-debit-failed",
    });
    return outcome === "SUCCEEDED" ? "succeeded" : "failed";
  });
}

/** Whether an invoice of this centre can be collected now: a mandate, money open, nothing under way. */
export async function directDebitState(centreId: string, invoiceId: string) {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, centreId },
    include: {
      organisation: { select: { name: true, sepaPaymentMethodId: true } },
      payments: { select: { amountCents: true, status: true, method: true } },
    },
  });
  if (!invoice) throw new NotFoundError("invoice");
  const paid = invoice.payments
    .filter((payment) => payment.status === "SUCCEEDED")
    .reduce((sum, payment) => sum + payment.amountCents, 0);
  return {
    organisation: invoice.organisation.name,
    mandate: Boolean(invoice.organisation.sepaPaymentMethodId),
    underWay: invoice.payments.some((payment) => payment.method === "SEPA_DEBIT" && payment.status === "PENDING"),
    open: invoice.status === "ISSUED" && paid < invoice.totalInclCents,
  };
}

/**
 * The monthly run (the 1st, early): for every organisation with a mandate at a centre that
 * takes online payments, last month's dates are invoiced in one invoice and collected from the
 * mandate. Safe to run again: a month already invoiced has nothing left to invoice, and an
 * invoice already under way is not debited twice. Returns the invoices collected.
 */
export async function invoiceAndCollectLastMonth(
  now = clock.now(),
  /** one centre only (tests); the job runs for all */
  only?: { centreId: string },
): Promise<number> {
  const organisations = await db().organisation.findMany({
    where: {
      sepaPaymentMethodId: { not: null },
      centre: { paymentSettings: { isNot: null } },
      ...(only ? { centreId: only.centreId } : {}),
    },
    include: { centre: { select: { id: true, timeZone: true } } },
  });
  let collected = 0;
  for (const organisation of organisations) {
    const job = { centreId: organisation.centreId, actorId: null };
    const month = previousMonth(localDateAt(now, organisation.centre.timeZone));
    await issueInvoice(job, { organisationId: organisation.id, month }, now).catch((error: unknown) => {
      if (isDomainError(error) && error.code === "invoice-nothing-to-invoice") return null;
      throw error;
    });
    // The month's invoice, also when an earlier run made it but could not start the debit.
    const open = await db().invoice.findMany({
      where: {
        centreId: organisation.centreId,
        organisationId: organisation.id,
        status: "ISSUED",
        periodStart: new Date(`${month}-01T00:00:00Z`),
        payments: { none: { method: "SEPA_DEBIT", status: { in: ["PENDING", "SUCCEEDED"] } } },
      },
      select: { id: true },
    });
    for (const invoice of open) {
      await collectInvoiceByDirectDebit(job, invoice.id, now);
      collected++;
    }
  }
  return collected;
}

/** "2027-03" for any day of April 2027. */
function previousMonth(localDate: string): string {
  const [year, month] = localDate.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
