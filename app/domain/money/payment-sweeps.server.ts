import { db, transaction } from "~/db/client.server";
import { clock } from "~/lib/clock";
import { logError } from "~/lib/log.server";
import { applySessionOutcome, outcomeOfSession, releaseHold } from "./checkout-outcomes.server";
import { stripeFor } from "./stripe.server";

/**
 * The two sweeps behind online payments (app/jobs/payments.server.ts runs them every few
 * minutes): slots held past their end are released, and checkouts still open a while after
 * they were opened are asked about at Stripe, so a lost webhook never leaves a paid booking
 * unpaid. Both take `now`, so tests call them directly.
 */

/** How long a checkout may stay open before we ask Stripe ourselves. */
const RECONCILE_AFTER_MINUTES = 10;

/**
 * Releases every booking that still waits for its payment after its hold ended: dates
 * cancelled, slots free, checkout closed, contact emailed. A checkout whose payment is still
 * being processed by the bank keeps its slot until Stripe says paid or failed. Returns the
 * number released.
 */
export async function releaseExpiredHolds(now = clock.now()): Promise<number> {
  const due = await db().booking.findMany({
    where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lte: now } },
    select: { id: true, centreId: true },
  });
  let released = 0;
  for (const { id, centreId } of due) {
    const done = await transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM bookings WHERE id = ${id}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
      const booking = await tx.booking.findUniqueOrThrow({
        where: { id },
        include: { organisation: true, centre: true },
      });
      if (booking.status !== "AWAITING_PAYMENT") return false;
      const processing = await tx.checkout.count({
        where: { bookingId: id, status: "OPEN", completedAt: { not: null } },
      });
      if (processing > 0) return false;
      await releaseHold(tx, booking, now, "expired");
      return true;
    });
    if (done) released++;
  }
  return released;
}

/**
 * Asks Stripe about each checkout still open `RECONCILE_AFTER_MINUTES` after it was opened, and
 * applies what Stripe says exactly as the webhook would (the same function). Returns how many
 * checkouts changed.
 */
export async function reconcileOpenCheckouts(now = clock.now()): Promise<number> {
  const open = await db().checkout.findMany({
    where: { status: "OPEN", createdAt: { lte: new Date(now.getTime() - RECONCILE_AFTER_MINUTES * 60_000) } },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  let changed = 0;
  const clients = new Map<string, Awaited<ReturnType<typeof stripeFor>>>();
  for (const checkout of open) {
    if (!clients.has(checkout.centreId)) clients.set(checkout.centreId, await stripeFor(checkout.centreId));
    const centreStripe = clients.get(checkout.centreId);
    if (!centreStripe) continue;
    try {
      const session = await centreStripe.stripe.checkout.sessions.retrieve(checkout.stripeSessionId);
      const outcome = outcomeOfSession(session);
      if (!outcome) continue;
      const result = await transaction((tx) => applySessionOutcome(tx, checkout.centreId, session, outcome, now));
      if (result !== "nothing" && result !== "unknown") changed++;
    } catch (error) {
      logError(error, { checkout: checkout.id, during: "reconciling a checkout with Stripe" });
    }
  }
  return changed;
}
