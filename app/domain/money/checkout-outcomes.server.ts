import type Stripe from "stripe";
import type { Tx } from "~/db/client.server";
import { bookingConfirmedEmail } from "~/email/booking-emails.server";
import { holdReleasedEmail, refundNeededEmail } from "~/email/payment-emails.server";
import type { Prisma } from "~/generated/prisma/client";
import { notifySignupsOfCancelledDate } from "../residents/signups.server";
import { recordAudit } from "../shared/audit.server";
import type { Quote } from "./pricing";
import { applySignupOutcome } from "./signup-payments.server";

/**
 * What an online payment's end does to its booking, whoever tells us (the webhook or the
 * reconciliation job, decision 092): paid → the payment written once and the booking
 * confirmed; expired or failed → the slot released; still processing → nothing yet. Every
 * function here runs in the caller's transaction and locks the booking and the checkout first,
 * so the outcomes can arrive in any order, any number of times.
 */

export type SessionOutcome = "paid" | "processing" | "expired" | "failed";

/** What a Checkout session says about its payment, as Stripe returns it. */
export function outcomeOfSession(session: Pick<Stripe.Checkout.Session, "status" | "payment_status">) {
  if (session.status === "complete")
    return session.payment_status === "unpaid" ? ("processing" as const) : ("paid" as const);
  if (session.status === "expired") return "expired" as const;
  return null;
}

function paymentIntentOf(session: Pick<Stripe.Checkout.Session, "id" | "payment_intent">): string {
  const intent = session.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? session.id);
}

async function lockedCheckout(tx: Tx, centreId: string, sessionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM checkouts WHERE stripe_session_id = ${sessionId} AND centre_id = ${centreId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.checkout.findUniqueOrThrow({ where: { id: rows[0]!.id } });
}

async function lockedBooking(tx: Tx, centreId: string, bookingId: string) {
  await tx.$queryRaw`SELECT id FROM bookings WHERE id = ${bookingId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
  return tx.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { organisation: true, centre: true } });
}

/**
 * Applies `outcome` of the Checkout session `session` at centre `centreId`. Returns what it did
 * ("unknown" for a session that is not ours at this centre, "nothing" when already applied).
 */
export async function applySessionOutcome(
  tx: Tx,
  centreId: string,
  session: Pick<Stripe.Checkout.Session, "id" | "payment_intent">,
  outcome: SessionOutcome,
  now: Date,
): Promise<
  | "unknown"
  | "nothing"
  | "confirmed"
  | "paid-after-release"
  | "processing"
  | "released"
  | "closed"
  | "invoice-paid"
  | "signup-paid"
  | "signup-refund-due"
> {
  // The booking first, then its checkout: the same order as openCheckout and the release job.
  const found = await tx.checkout.findFirst({
    where: { stripeSessionId: session.id, centreId },
    select: { bookingId: true, signupId: true },
  });
  if (!found) return "unknown";
  if (found.signupId)
    return applySignupOutcome(tx, centreId, found.signupId, session, paymentIntentOf(session), outcome, now);
  const booking = found.bookingId ? await lockedBooking(tx, centreId, found.bookingId) : null;
  const checkout = (await lockedCheckout(tx, centreId, session.id))!;
  if (checkout.status === "PAID") return "nothing"; // paid is final: a late "expired" or "failed" changes nothing

  if (outcome === "processing") {
    if (checkout.completedAt || checkout.status !== "OPEN") return "nothing";
    await tx.checkout.update({ where: { id: checkout.id }, data: { completedAt: now } });
    return "processing";
  }

  if (outcome === "paid") {
    const intentId = paymentIntentOf(session);
    await tx.checkout.update({
      where: { id: checkout.id },
      data: { status: "PAID", paymentIntentId: intentId, completedAt: now },
    });
    if (!booking)
      return checkout.invoiceId
        ? payInvoice(tx, centreId, checkout.invoiceId, checkout.amountCents, intentId, session.id, now)
        : "nothing";
    const feeCents = checkout.amountCents - checkout.depositCents;
    const rows: Prisma.PaymentCreateManyInput[] = [
      { kind: "FEE" as const, amountCents: feeCents, providerPaymentId: intentId },
      ...(checkout.depositCents > 0
        ? [{ kind: "DEPOSIT" as const, amountCents: checkout.depositCents, providerPaymentId: `${intentId}:deposit` }]
        : []),
    ].map((row) => ({
      ...row,
      centreId,
      organisationId: booking.organisationId,
      bookingId: booking.id,
      method: "ONLINE" as const,
      status: "SUCCEEDED" as const,
      reference: session.id,
      receivedAt: now,
    }));
    // providerPaymentId is unique: the same payment is never written twice
    await tx.payment.createMany({ data: rows, skipDuplicates: true });

    if (booking.status === "AWAITING_PAYMENT") {
      const confirmed = await tx.booking.update({
        where: { id: booking.id },
        data: {
          status: "CONFIRMED",
          holdExpiresAt: null,
          depositStatus: checkout.depositCents > 0 ? "HELD" : booking.depositStatus,
        },
      });
      await recordAudit(tx, {
        centreId,
        actorId: null,
        entityType: "booking",
        entityId: booking.id,
        action: "paid-online",
        details: { checkoutId: checkout.id, amountCents: checkout.amountCents, paymentIntent: intentId },
      });
      const dates = await tx.occurrence.findMany({
        where: { bookingId: booking.id, status: "ACTIVE" },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, endsAt: true },
      });
      await bookingConfirmedEmail(tx, {
        booking: confirmed,
        organisation: booking.organisation,
        centre: booking.centre,
        dates: dates.map((date) => ({ ...date, state: "ok" })),
        quote: booking.quote as unknown as Quote,
      });
      return "confirmed";
    }
    // The slot was released (and may be someone else's now): keep the money on record and
    // ask a manager to refund it (decision 092).
    await recordAudit(tx, {
      centreId,
      actorId: null,
      entityType: "booking",
      entityId: booking.id,
      action: "paid-after-release",
      details: {
        checkoutId: checkout.id,
        amountCents: checkout.amountCents,
        paymentIntent: intentId,
        refundNeeded: true,
      },
    });
    await refundNeededEmail(tx, {
      booking,
      organisation: booking.organisation,
      centre: booking.centre,
      amountCents: checkout.amountCents,
      paymentId: intentId,
    });
    return "paid-after-release";
  }

  // expired or failed
  await tx.checkout.update({
    where: { id: checkout.id },
    data: { status: outcome === "failed" ? "FAILED" : "EXPIRED", completedAt: checkout.completedAt ?? now },
  });
  if (booking?.status === "AWAITING_PAYMENT") {
    await releaseHold(tx, booking, now, outcome);
    return "released";
  }
  return "closed";
}

/**
 * Releases the slot of a booking that waits for its payment (locked by the caller): its dates
 * cancelled, their room claims given up, the booking EXPIRED, its open checkouts closed, and
 * the contact emailed that they can book again.
 */
export async function releaseHold(
  tx: Tx,
  booking: Prisma.BookingGetPayload<{ include: { organisation: true; centre: true } }>,
  now: Date,
  why: "expired" | "failed",
) {
  await tx.roomClaim.updateMany({ where: { occurrence: { bookingId: booking.id } }, data: { active: false } });
  const dates = await tx.occurrence.findMany({
    where: { bookingId: booking.id, status: "ACTIVE" },
    select: { id: true },
  });
  await tx.occurrence.updateMany({
    where: { bookingId: booking.id, status: "ACTIVE" },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: "Niet op tijd betaald" },
  });
  for (const date of dates) await notifySignupsOfCancelledDate(tx, booking.centreId, date.id);
  const released = await tx.booking.update({ where: { id: booking.id }, data: { status: "EXPIRED" } });
  await tx.checkout.updateMany({
    where: { bookingId: booking.id, status: "OPEN" },
    data: { status: why === "failed" ? "FAILED" : "EXPIRED" },
  });
  await recordAudit(tx, {
    centreId: booking.centreId,
    actorId: null,
    entityType: "booking",
    entityId: booking.id,
    action: "hold-released",
    details: { why, holdExpiresAt: booking.holdExpiresAt?.toISOString() ?? null },
  });
  await holdReleasedEmail(tx, { booking: released, organisation: booking.organisation, centre: booking.centre });
}

/** An invoice paid from its pay link: the payment written once; the invoice paid when nothing is open. */
async function payInvoice(
  tx: Tx,
  centreId: string,
  invoiceId: string,
  amountCents: number,
  intentId: string,
  sessionId: string,
  now: Date,
): Promise<"invoice-paid"> {
  const invoice = await tx.invoice.findFirstOrThrow({ where: { id: invoiceId, centreId } });
  await tx.payment.createMany({
    data: [
      {
        centreId,
        organisationId: invoice.organisationId,
        invoiceId,
        amountCents,
        method: "ONLINE",
        kind: "FEE",
        status: "SUCCEEDED",
        reference: sessionId,
        providerPaymentId: intentId,
        receivedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  const paid = await tx.payment.aggregate({
    where: { invoiceId, status: "SUCCEEDED" },
    _sum: { amountCents: true },
  });
  if ((paid._sum.amountCents ?? 0) >= invoice.totalInclCents && invoice.status === "ISSUED")
    await tx.invoice.update({ where: { id: invoiceId }, data: { status: "PAID" } });
  await recordAudit(tx, {
    centreId,
    actorId: null,
    entityType: "invoice",
    entityId: invoiceId,
    action: "paid-online",
    details: { amountCents, paymentIntent: intentId },
  });
  return "invoice-paid";
}
