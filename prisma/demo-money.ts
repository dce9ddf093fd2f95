import type { Tx } from "~/db/client.server";
import { issueCreditNote } from "~/domain/money/credit-notes.server";
import { encryptSecret } from "~/domain/money/secret-box.server";

/**
 * Money online in the demo (issue 12), after the extras and the reports: De Wilg has Stripe in
 * test configuration (placeholder test keys: nothing reaches Stripe from the demo, so trying to
 * pay online there says plainly that Stripe could not be reached), private hire pays online and
 * resident initiatives pay nothing; the Jansen family's party is paid online with its deposit
 * held; one Yoga date was cancelled by the hirer and what was paid beyond the fee refunded,
 * with its credit note. Open invoices from the reports demo carry a pay link. Called at the end
 * of loadDemo, in its transaction; deterministic for the same day.
 */

const DEMO_STRIPE_KEY = "sk_test_DemoDeWilgNotARealKey0000";
const DEMO_WEBHOOK_SECRET = "whsec_DemoDeWilgNotARealSecret0000";

export async function loadMoneyDemo(tx: Tx, now: Date): Promise<void> {
  const centre = await tx.centre.findUniqueOrThrow({ where: { slug: "de-wilg" } });
  await tx.centrePaymentSettings.create({
    data: {
      centreId: centre.id,
      secretKeyEncrypted: await encryptSecret(DEMO_STRIPE_KEY),
      webhookSecretEncrypted: await encryptSecret(DEMO_WEBHOOK_SECRET),
      keyHint: "sk_test_…0000",
      livemode: false,
      holdMinutes: 30,
    },
  });
  await tx.tierPolicy.updateMany({ where: { centreId: centre.id, tier: "PRIVATE" }, data: { paymentMode: "ONLINE" } });
  await tx.tierPolicy.updateMany({
    where: { centreId: centre.id, tier: "RESIDENT_INITIATIVE" },
    data: { paymentMode: "NONE" },
  });

  // The party, paid online with its deposit (as the checkout's webhook would have written it).
  const party = await tx.booking.findFirstOrThrow({
    where: { centreId: centre.id, title: "Verjaardagsfeest" },
    include: { occurrences: true },
  });
  const deposit = await tx.roomDeposit.findMany({ where: { centreId: centre.id, tier: "PRIVATE" } });
  const depositCents = Math.max(0, ...deposit.map((row) => row.amountCents));
  const feeCents = party.occurrences.reduce((sum, date) => sum + date.priceExclCents + date.vatCents, 0) || 32500;
  await tx.booking.update({
    where: { id: party.id },
    data: {
      paymentMode: "ONLINE",
      depositCents,
      depositStatus: depositCents > 0 ? "HELD" : "NONE",
      totalInclCents: feeCents,
    },
  });
  const paidAt = new Date(party.createdAt.getTime() + 10 * 60_000);
  await tx.checkout.create({
    data: {
      centreId: centre.id,
      purpose: "BOOKING",
      bookingId: party.id,
      amountCents: feeCents + depositCents,
      depositCents,
      status: "PAID",
      stripeSessionId: "cs_test_demo_party",
      paymentIntentId: "pi_demo_party",
      url: "https://checkout.stripe.com/c/pay/cs_test_demo_party",
      expiresAt: new Date(paidAt.getTime() + 30 * 60_000),
      createdAt: party.createdAt,
      completedAt: paidAt,
    },
  });
  await tx.payment.createMany({
    data: [
      { kind: "FEE" as const, amountCents: feeCents, providerPaymentId: "pi_demo_party" },
      ...(depositCents > 0
        ? [{ kind: "DEPOSIT" as const, amountCents: depositCents, providerPaymentId: "pi_demo_party:deposit" }]
        : []),
    ].map((row) => ({
      ...row,
      centreId: centre.id,
      organisationId: party.organisationId,
      bookingId: party.id,
      method: "ONLINE" as const,
      status: "SUCCEEDED" as const,
      reference: "cs_test_demo_party",
      receivedAt: paidAt,
    })),
  });

  // A Yoga date still to come, paid in advance by transfer, cancelled by the hirer with half as fee.
  const yoga = await tx.occurrence.findFirst({
    where: {
      centreId: centre.id,
      status: "ACTIVE",
      startsAt: { gt: now },
      booking: { title: "Yoga", tier: "COMMERCIAL" },
    },
    orderBy: { startsAt: "desc" },
    include: { booking: true },
  });
  if (!yoga) return;
  const priceCents = yoga.priceExclCents + yoga.vatCents || 6050;
  const feeOfDate = Math.round(priceCents / 2);
  const paid = await tx.payment.create({
    data: {
      centreId: centre.id,
      organisationId: yoga.booking.organisationId,
      bookingId: yoga.bookingId,
      amountCents: priceCents,
      method: "BANK_TRANSFER",
      kind: "FEE",
      reference: "Vooruitbetaling yogales",
      receivedAt: new Date(now.getTime() - 5 * 86_400_000),
    },
  });
  await tx.roomClaim.updateMany({ where: { occurrenceId: yoga.id }, data: { active: false } });
  await tx.occurrence.update({
    where: { id: yoga.id },
    data: {
      status: "CANCELLED",
      cancelledAt: new Date(now.getTime() - 2 * 86_400_000),
      cancelReason: "Afgezegd door de huurder",
      cancellationFeeCents: feeOfDate,
    },
  });
  const refund = await tx.payment.create({
    data: {
      centreId: centre.id,
      organisationId: yoga.booking.organisationId,
      bookingId: yoga.bookingId,
      amountCents: -(priceCents - feeOfDate),
      method: "BANK_TRANSFER",
      kind: "REFUND",
      status: "SUCCEEDED",
      refundOfId: paid.id,
      reference: "Terugbetaling afgezegde yogales",
      receivedAt: new Date(now.getTime() - 86_400_000),
    },
  });
  await issueCreditNote(tx, refund, now);
}
