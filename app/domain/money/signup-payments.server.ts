import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { db, transaction, type Tx } from "~/db/client.server";
import { appUrl } from "~/email/compose.server";
import { clock } from "~/lib/clock";
import { logError } from "~/lib/log.server";
import { cancelPlace, findSignupByToken, lockOccurrence, signupPath } from "../residents/signups.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { callStripe, stripeFor } from "./stripe.server";

/**
 * Paying a place of a sign-up activity online (decision 096). A place taken when signing up is
 * held until `paymentDueAt` and released when the payment does not come; a person who moved up
 * from the waiting list may pay online or at the door. The payment is kept on the sign-up
 * itself: a resident is not a hirer and gets no invoice. A cancelled place or date is refunded
 * in full by `sendDueSignupRefunds`, once (Stripe's idempotency key is the sign-up's id).
 */

/** Stripe keeps a Checkout session open at least this long and at most a day. */
const STRIPE_MINIMUM_MS = 30 * 60_000;
const STRIPE_MAXIMUM_MS = 23 * 60 * 60_000;

/**
 * The open Checkout of the sign-up behind `token`, opened at Stripe if there is none yet
 * (the sign-up's row is locked, so a double click opens one). Refuses `not-found`,
 * `payment-not-open` (nothing to pay) and `payments-not-configured`.
 */
export async function openSignupCheckout(centreId: string, token: string, now = clock.now()) {
  const found = await findSignupByToken(centreId, token);
  if (!found) throw new NotFoundError("signup");
  if (found.payment.state !== "due")
    throw new DomainError("payment-not-open", "This sign-up does not wait for a payment.", {}, 409);
  const centreStripe = await stripeFor(centreId);
  if (!centreStripe) throw new DomainError("payments-not-configured", "The centre has no Stripe keys.", {}, 409);
  return transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM signups WHERE id = ${found.id}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
      const signup = await tx.signup.findUniqueOrThrow({
        where: { id: found.id },
        include: { activity: true, centre: { select: { slug: true } } },
      });
      if (signup.status !== "CONFIRMED" || signup.paidCents > 0)
        throw new DomainError("payment-not-open", "This sign-up does not wait for a payment.", {}, 409);
      const open = await tx.checkout.findFirst({
        where: { signupId: signup.id, status: "OPEN", expiresAt: { gt: now } },
      });
      if (open) return { url: open.url };

      if (signup.paymentDueAt && signup.paymentDueAt <= now)
        throw new DomainError("payment-window-closed", "The place was held for its payment until now.", {}, 409);
      const endsAt = signup.paymentDueAt ?? new Date(now.getTime() + STRIPE_MAXIMUM_MS);
      // Stripe wants at least 30 minutes; the place is released at paymentDueAt all the same
      // (a payment after that is refunded in full).
      const expiresAt = new Date(Math.max(endsAt.getTime(), now.getTime() + STRIPE_MINIMUM_MS + 60_000));
      const checkoutId = randomUUID();
      const back = appUrl(await signupPath(signup.centre.slug, signup.id));
      const metadata = { centreId, signupId: signup.id, checkoutId };
      const session = await callStripe(() =>
        centreStripe.stripe.checkout.sessions.create(
          {
            mode: "payment",
            currency: "eur",
            allowed_payment_method_types: ["ideal", "card", "bancontact"],
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: "eur",
                  unit_amount: signup.activity.participantPriceCents,
                  product_data: { name: signup.activity.title },
                },
              },
            ],
            metadata,
            payment_intent_data: { metadata },
            client_reference_id: checkoutId,
            customer_email: signup.email ?? undefined,
            locale: signup.locale,
            expires_at: Math.floor(expiresAt.getTime() / 1000),
            success_url: `${back}?paid=1`,
            cancel_url: back,
          },
          { idempotencyKey: `checkout-${checkoutId}` },
        ),
      );
      if (!session.url) throw new DomainError("payments-provider-failed", "Stripe gave no address to go to.", {}, 502);
      await tx.checkout.create({
        data: {
          id: checkoutId,
          centreId,
          purpose: "SIGNUP",
          signupId: signup.id,
          amountCents: signup.activity.participantPriceCents,
          stripeSessionId: session.id,
          url: session.url,
          expiresAt,
          createdAt: now,
        },
      });
      return { url: session.url };
    },
    { timeoutMs: 70_000 },
  );
}

/**
 * What the end of a sign-up's Checkout does, in the caller's transaction (the webhook or the
 * reconciliation job, through applySessionOutcome): paid → written once on the sign-up, or owed
 * back when the place was given up meanwhile; expired or failed → a held place released.
 * Locks the date first, then the checkout: the order of signing up and cancelling.
 */
export async function applySignupOutcome(
  tx: Tx,
  centreId: string,
  signupId: string,
  session: Pick<Stripe.Checkout.Session, "id">,
  intentId: string,
  outcome: "paid" | "processing" | "expired" | "failed",
  now: Date,
): Promise<"nothing" | "processing" | "signup-paid" | "signup-refund-due" | "released" | "closed"> {
  const signup = await tx.signup.findFirstOrThrow({ where: { id: signupId, centreId } });
  const occurrence = await lockOccurrence(tx, centreId, signup.occurrenceId);
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM checkouts WHERE stripe_session_id = ${session.id} AND centre_id = ${centreId}::uuid FOR UPDATE`;
  const checkout = await tx.checkout.findUniqueOrThrow({ where: { id: row!.id } });
  if (checkout.status === "PAID") return "nothing";

  if (outcome === "processing") {
    if (checkout.completedAt || checkout.status !== "OPEN") return "nothing";
    await tx.checkout.update({ where: { id: checkout.id }, data: { completedAt: now } });
    return "processing";
  }
  if (outcome === "paid") {
    await tx.checkout.update({
      where: { id: checkout.id },
      data: { status: "PAID", paymentIntentId: intentId, completedAt: now },
    });
    const current = await tx.signup.findUniqueOrThrow({ where: { id: signupId } });
    if (current.paidCents > 0) return "nothing";
    // Paid after the place was released or cancelled: owed back in full, by the refund job.
    const owedBack = current.status === "CANCELLED";
    await tx.signup.update({
      where: { id: signupId },
      data: {
        paidAt: now,
        paidCents: checkout.amountCents,
        paymentIntentId: intentId,
        paymentDueAt: null,
        ...(owedBack ? { refundDueAt: now } : {}),
      },
    });
    await recordAudit(tx, {
      centreId,
      entityType: "signup",
      entityId: signupId,
      action: owedBack ? "paid-after-release" : "paid-online",
      details: { checkoutId: checkout.id, amountCents: checkout.amountCents, paymentIntent: intentId },
    });
    return owedBack ? "signup-refund-due" : "signup-paid";
  }
  await tx.checkout.update({
    where: { id: checkout.id },
    data: { status: outcome === "failed" ? "FAILED" : "EXPIRED", completedAt: checkout.completedAt ?? now },
  });
  const current = await tx.signup.findUniqueOrThrow({ where: { id: signupId } });
  // Only a place held for its payment is released; a person who moved up may still pay at the door.
  if (current.status === "CONFIRMED" && current.paidCents === 0 && current.paymentDueAt) {
    await cancelPlace(tx, occurrence, signupId, now, "unpaid");
    return "released";
  }
  return "closed";
}

/**
 * Releases every place held for a payment that did not come by its due time (a payment the bank
 * is still processing keeps its place until Stripe says paid or failed). Returns how many.
 */
export async function releaseUnpaidSignups(now = clock.now()): Promise<number> {
  const due = await db().signup.findMany({
    where: { status: "CONFIRMED", paidCents: 0, paymentDueAt: { lte: now } },
    select: { id: true, centreId: true, occurrenceId: true },
    take: 500,
  });
  let released = 0;
  for (const { id, centreId, occurrenceId } of due) {
    const done = await transaction(async (tx) => {
      const occurrence = await lockOccurrence(tx, centreId, occurrenceId);
      const signup = await tx.signup.findUniqueOrThrow({ where: { id } });
      if (signup.status !== "CONFIRMED" || signup.paidCents > 0 || !signup.paymentDueAt) return false;
      if (signup.paymentDueAt > now) return false;
      const processing = await tx.checkout.count({
        where: { signupId: id, status: "OPEN", completedAt: { not: null } },
      });
      if (processing > 0) return false;
      await tx.checkout.updateMany({ where: { signupId: id, status: "OPEN" }, data: { status: "EXPIRED" } });
      await cancelPlace(tx, occurrence, id, now, "unpaid");
      return true;
    });
    if (done) released++;
  }
  return released;
}

/**
 * Sends every refund owed to a resident to Stripe, in full. The idempotency key is the
 * sign-up's id, so a retry, a second job or a second server makes one refund; Stripe's refund
 * id is stored (unique) and the refund written once. A failure is logged and retried next time.
 * Returns how many were refunded.
 */
export async function sendDueSignupRefunds(now = clock.now(), only: { signupId?: string } = {}): Promise<number> {
  const due = await db().signup.findMany({
    where: {
      refundDueAt: { lte: now },
      refundedAt: null,
      paymentIntentId: { not: null },
      ...(only.signupId ? { id: only.signupId } : {}),
    },
    select: { id: true, centreId: true, paidCents: true, paymentIntentId: true },
    take: 200,
  });
  let refunded = 0;
  for (const signup of due) {
    const centreStripe = await stripeFor(signup.centreId);
    if (!centreStripe) continue;
    try {
      const refund = await centreStripe.stripe.refunds.create(
        {
          payment_intent: signup.paymentIntentId!,
          amount: signup.paidCents,
          metadata: { buurtrooster_signup: signup.id },
        },
        { idempotencyKey: `buurtrooster-signup-refund-${signup.id}` },
      );
      if (refund.status === "failed" || refund.status === "canceled") continue;
      const written = await transaction(async (tx) => {
        const changed = await tx.signup.updateMany({
          where: { id: signup.id, refundedAt: null },
          data: { refundedAt: now, providerRefundId: refund.id },
        });
        if (changed.count === 0) return false;
        await recordAudit(tx, {
          centreId: signup.centreId,
          entityType: "signup",
          entityId: signup.id,
          action: "refund-done",
          details: { amountCents: signup.paidCents, providerRefundId: refund.id },
        });
        return true;
      });
      if (written) refunded++;
    } catch (error) {
      logError(error, { signup: signup.id, during: "refunding a sign-up" });
    }
  }
  return refunded;
}
