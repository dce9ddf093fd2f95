import { randomUUID } from "node:crypto";
import { db, transaction } from "~/db/client.server";
import { appUrl } from "~/email/compose.server";
import { clock } from "~/lib/clock";
import { DomainError } from "../shared/errors";
import { invoiceForPayLink } from "./invoice-pay-links.server";
import { callStripe, stripeFor } from "./stripe.server";

/**
 * Paying an invoice online from its pay link: a Stripe Checkout session (iDEAL, card,
 * Bancontact) for what is open, valid for a day. While one is open, every click goes to the
 * same one (the invoice row is locked, so a double click opens one session). What a paid
 * session does is in checkout-outcomes.server.ts, as for bookings.
 */

/** Stripe keeps a Checkout session open for at most 24 hours. */
const SESSION_MS = 23 * 60 * 60_000;

export async function openInvoiceCheckout(token: string, now = clock.now()): Promise<{ url: string }> {
  const found = await invoiceForPayLink(token);
  const centreStripe = await stripeFor(found.centre.id);
  if (!centreStripe) throw new DomainError("payments-not-configured", "The centre has no Stripe keys.", {}, 409);
  return transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM invoices WHERE id = ${found.id}::uuid FOR UPDATE`;
      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id: found.id },
        include: { payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } }, organisation: true },
      });
      const openCents = invoice.totalInclCents - invoice.payments.reduce((sum, row) => sum + row.amountCents, 0);
      if (invoice.status !== "ISSUED" || openCents <= 0)
        throw new DomainError("direct-debit-nothing-open", "Nothing is open on this invoice.", {}, 409);
      const open = await tx.checkout.findFirst({
        where: { invoiceId: invoice.id, status: "OPEN", amountCents: openCents, expiresAt: { gt: now } },
      });
      if (open) return { url: open.url };

      const checkoutId = randomUUID();
      const back = appUrl(`/pay/invoice/${token}`);
      const expiresAt = new Date(now.getTime() + SESSION_MS);
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
                  unit_amount: openCents,
                  product_data: { name: `Factuur ${invoice.number}` },
                },
              },
            ],
            metadata: { centreId: invoice.centreId, invoiceId: invoice.id, checkoutId },
            payment_intent_data: { metadata: { centreId: invoice.centreId, invoiceId: invoice.id, checkoutId } },
            client_reference_id: checkoutId,
            customer_email: invoice.organisation.billingEmail ?? invoice.organisation.contactEmail ?? undefined,
            locale: invoice.organisation.locale,
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
          centreId: invoice.centreId,
          purpose: "INVOICE",
          invoiceId: invoice.id,
          amountCents: openCents,
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

/** Whether the pay page may offer paying online: the centre takes online payments. */
export async function canPayOnline(centreId: string): Promise<boolean> {
  return Boolean(await db().centrePaymentSettings.findUnique({ where: { centreId }, select: { centreId: true } }));
}
