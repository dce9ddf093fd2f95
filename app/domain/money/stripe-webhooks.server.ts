import type Stripe from "stripe";
import { transaction } from "~/db/client.server";
import { clock } from "~/lib/clock";
import { logInfo } from "~/lib/log.server";
import { findCentreBySlug } from "../centre/centres.server";
import { applySessionOutcome, type SessionOutcome } from "./checkout-outcomes.server";
import { completeDirectDebitMandate, settleDirectDebit } from "./direct-debit.server";
import { stripeFor } from "./stripe.server";

/**
 * Stripe's calls to `/webhooks/stripe/<slug>`: verified with the centre's signing secret
 * (a tampered body or an old timestamp is refused and nothing is written), then each event is
 * applied once: its id is stored in the same transaction as its effect, so a second delivery
 * finds it and does nothing. See docs/decisions/092-stripe-webhooks-applied-once.md.
 */

export type WebhookAnswer =
  { status: 200; text: "ok" | "already applied" } | { status: 400; text: string } | { status: 404; text: string };

/** Which session outcome an event type means (null: not one we act on). */
function outcomeOfEvent(event: Stripe.Event): SessionOutcome | null {
  switch (event.type) {
    case "checkout.session.completed":
      return event.data.object.payment_status === "unpaid" ? "processing" : "paid";
    case "checkout.session.async_payment_succeeded":
      return "paid";
    case "checkout.session.async_payment_failed":
      return "failed";
    case "checkout.session.expired":
      return "expired";
    default:
      return null;
  }
}

/** Verifies and applies one webhook call for the centre `slug`: raw body and Stripe-Signature header. */
export async function receiveStripeWebhook(
  slug: string,
  payload: string,
  signature: string | null,
  now = clock.now(),
): Promise<WebhookAnswer> {
  const centre = await findCentreBySlug(slug);
  const centreStripe = centre ? await stripeFor(centre.id) : null;
  if (!centre || !centreStripe) return { status: 404, text: "No online payments at this address." };
  let event: Stripe.Event;
  try {
    event = centreStripe.stripe.webhooks.constructEvent(payload, signature ?? "", centreStripe.webhookSecret);
  } catch (error) {
    logInfo("Refused a Stripe webhook.", { centre: slug, reason: (error as Error).message });
    return { status: 400, text: "The signature does not match this body, or it is too old." };
  }
  const outcome = outcomeOfEvent(event);
  const applied = await transaction(
    async (tx) => {
      const stored = await tx.stripeEvent.createMany({
        data: [{ id: event.id, centreId: centre.id, type: event.type, receivedAt: now }],
        skipDuplicates: true,
      });
      if (stored.count === 0) return null;
      const object = event.data.object as { metadata?: Record<string, string> | null };
      if (object.metadata?.centreId && object.metadata.centreId !== centre.id) return "other-centre";
      // SEPA Direct Debit (decision 095): a mandate given, a collection settled
      if (event.type === "checkout.session.completed" && event.data.object.mode === "setup") {
        if (event.data.object.metadata?.purpose !== "mandate") return "ignored";
        await completeDirectDebitMandate(centre.id, event.data.object, now, tx);
        return "mandate";
      }
      if (event.type === "payment_intent.succeeded" || event.type === "payment_intent.payment_failed") {
        if (event.data.object.metadata?.purpose !== "invoice-debit") return "ignored";
        return settleDirectDebit(centre.id, event.data.object, now, tx);
      }
      if (!outcome) return "ignored";
      return applySessionOutcome(tx, centre.id, event.data.object as Stripe.Checkout.Session, outcome, now);
    },
    // a mandate asks Stripe for its setup intent inside the transaction
    { timeoutMs: 70_000 },
  );
  if (applied === null) return { status: 200, text: "already applied" };
  logInfo("Applied a Stripe event.", { centre: slug, event: event.id, type: event.type, result: applied });
  return { status: 200, text: "ok" };
}
