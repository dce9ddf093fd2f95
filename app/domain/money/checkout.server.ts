import { env } from "~/env.server";
import type { BookingStatus, CheckoutStatus } from "~/generated/prisma/enums";
import { translator } from "~/i18n/translate.server";
import { clock } from "~/lib/clock";
import { db, transaction } from "~/db/client.server";
import type { ActorOrJob } from "../shared/actor";
import { DomainError, NotFoundError } from "../shared/errors";
import { privateId } from "./secret-box.server";
import { stripeFor } from "./stripe.server";

/**
 * Paying a booking online: one Stripe Checkout session per booking that waits for its payment,
 * in EUR with iDEAL first, expiring when the slot's hold ends. The checkout's id is derived
 * from the booking with the installation's secret (privateId): the same for every click, so
 * the Stripe request carries the same idempotency key and parameters (a double click opens one
 * session), and nobody can guess another person's return page from a booking id.
 */

/** Stripe refuses a session that expires sooner than this after it is created. */
const STRIPE_MINIMUM_MS = 30 * 60_000;

/**
 * The open Checkout of a booking that waits for its payment, opened at Stripe if there is none
 * yet. Refuses when the centre has no Stripe keys, the booking does not wait for a payment, or
 * its hold ends too soon for Stripe. Returns the address of Stripe's page.
 */
export async function openCheckout(
  actor: ActorOrJob,
  bookingId: string,
  now = clock.now(),
): Promise<{ checkoutId: string; url: string }> {
  const centreStripe = await stripeFor(actor.centreId);
  if (!centreStripe) throw new DomainError("payments-not-configured", "The centre has no Stripe keys.", {}, 409);
  const checkoutId = await privateId(`checkout:booking:${bookingId}`);
  return transaction(
    async (tx) => {
      // One at a time per booking: a second click waits here and then finds the first one's checkout.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM bookings WHERE id = ${bookingId}::uuid AND centre_id = ${actor.centreId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError("booking");
      const existing = await tx.checkout.findUnique({ where: { id: checkoutId } });
      if (existing?.status === "OPEN") return { checkoutId, url: existing.url };
      const booking = await tx.booking.findUniqueOrThrow({
        where: { id: bookingId },
        include: { centre: true, organisation: true },
      });
      if (booking.status !== "AWAITING_PAYMENT" || !booking.holdExpiresAt || existing)
        throw new DomainError("payment-not-open", "This booking does not wait for a payment.", {}, 409);
      if (booking.holdExpiresAt.getTime() - now.getTime() < STRIPE_MINIMUM_MS)
        throw new DomainError("payment-window-closed", "The hold ends too soon to open a payment.", {}, 409);

      const t = translator(booking.organisation.locale);
      const back = `${env().APP_URL}/centres/${booking.centre.slug}/pay/${checkoutId}`;
      const line = (name: string, cents: number) => ({
        quantity: 1,
        price_data: { currency: "eur", unit_amount: cents, product_data: { name } },
      });
      const session = await centreStripe.stripe.checkout.sessions.create(
        {
          mode: "payment",
          currency: "eur",
          // iDEAL first; this Stripe API version filters with allowed_payment_method_types (payment_method_types is gone)
          allowed_payment_method_types: ["ideal", "card", "bancontact"],
          line_items: [
            line(t("payments.stripe.feeLine", { title: booking.title }), booking.totalInclCents),
            ...(booking.depositCents > 0 ? [line(t("payments.stripe.depositLine"), booking.depositCents)] : []),
          ],
          metadata: { centreId: booking.centreId, bookingId: booking.id, checkoutId },
          payment_intent_data: { metadata: { centreId: booking.centreId, bookingId: booking.id, checkoutId } },
          client_reference_id: checkoutId,
          customer_email: booking.organisation.contactEmail ?? undefined,
          locale: booking.organisation.locale,
          expires_at: Math.floor(booking.holdExpiresAt.getTime() / 1000),
          success_url: back,
          cancel_url: back,
        },
        { idempotencyKey: `checkout-${checkoutId}` },
      );
      if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no url.`);
      await tx.checkout.create({
        data: {
          id: checkoutId,
          centreId: booking.centreId,
          purpose: "BOOKING",
          bookingId: booking.id,
          amountCents: booking.totalInclCents + booking.depositCents,
          depositCents: booking.depositCents,
          stripeSessionId: session.id,
          url: session.url,
          expiresAt: booking.holdExpiresAt,
          createdAt: now,
        },
      });
      return { checkoutId, url: session.url };
    },
    // Stripe is asked inside the transaction (its client waits up to 20 s, twice more on failure)
    { timeoutMs: 70_000 },
  );
}

export type CheckoutState = "paid" | "paidTooLate" | "processing" | "open" | "expired" | "failed";

/** Where a checkout stands, in the words of the return page. */
function stateOf(
  checkout: { status: CheckoutStatus; completedAt: Date | null; expiresAt: Date },
  bookingStatus: BookingStatus | undefined,
  now: Date,
) {
  if (checkout.status === "PAID") return bookingStatus === "EXPIRED" ? "paidTooLate" : "paid";
  if (checkout.status === "FAILED") return "failed";
  if (checkout.status === "EXPIRED") return "expired";
  if (checkout.completedAt) return "processing";
  return checkout.expiresAt > now ? "open" : "expired";
}

/**
 * The return page's view of a checkout at the centre `centreId`, or null when there is no such
 * checkout there. The checkout's id is the secret that opens it (see above).
 */
export async function checkoutStatusView(centreId: string, checkoutId: string, now = clock.now()) {
  if (!/^[0-9a-f-]{36}$/.test(checkoutId)) return null;
  const checkout = await db().checkout.findFirst({
    where: { id: checkoutId, centreId },
    include: { booking: { select: { title: true, status: true } } },
  });
  if (!checkout) return null;
  const state: CheckoutState = stateOf(checkout, checkout.booking?.status, now);
  return {
    state,
    amountCents: checkout.amountCents,
    title: checkout.booking?.title ?? "",
    holdUntil: checkout.expiresAt,
    /** Stripe's page again, while the hold lasts */
    payUrl: state === "open" ? checkout.url : null,
  };
}

/**
 * Where a person goes after confirming (or confirming twice): Stripe's page when the booking
 * waits for its payment, else null.
 */
export async function continuePayment(actor: ActorOrJob, bookingId: string, now = clock.now()) {
  const booking = await db().booking.findFirst({
    where: { id: bookingId, centreId: actor.centreId },
    select: { status: true },
  });
  if (booking?.status !== "AWAITING_PAYMENT") return null;
  return (await openCheckout(actor, bookingId, now)).url;
}
