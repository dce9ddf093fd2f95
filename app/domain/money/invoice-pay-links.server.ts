import { createHmac } from "node:crypto";
import { serverSecret } from "~/auth/secrets.server";
import { hashToken } from "~/auth/sign-in-links.server";
import { db, type Tx } from "~/db/client.server";
import { appUrl } from "~/email/compose.server";
import { NotFoundError } from "../shared/errors";

/**
 * The pay link of an invoice: `/pay/invoice/<token>`, printed on the invoice and in its
 * reminders, opens a page with what is open, the IBAN and the number to quote, and (where the
 * centre takes online payments) a button to pay with iDEAL. The token is derived from the
 * server's secret and the invoice, so it can be shown again at any time without storing it;
 * only its hash is kept, to find the invoice. Whoever has the link sees that one invoice's
 * amount and number, nothing else (no names or addresses).
 */

/** The secret part of an invoice's pay link. */
async function payTokenFor(invoice: { centreId: string; number: string }): Promise<string> {
  return createHmac("sha256", await serverSecret())
    .update(`invoice-pay:${invoice.centreId}:${invoice.number}`)
    .digest("base64url")
    .slice(0, 32);
}

/** The hash stored with an invoice so its link finds it. */
export async function payTokenHashFor(invoice: { centreId: string; number: string }): Promise<string> {
  return hashToken(await payTokenFor(invoice));
}

/** The invoice's pay link (an invoice from before pay links gets its hash now). */
export async function payLinkOf(
  invoice: { id: string; centreId: string; number: string; payTokenHash: string | null },
  client: Tx = db(),
): Promise<string> {
  const token = await payTokenFor(invoice);
  if (!invoice.payTokenHash)
    await client.invoice.update({ where: { id: invoice.id }, data: { payTokenHash: hashToken(token) } });
  return appUrl(`/pay/invoice/${token}`);
}

/** What the pay page shows for a token; an unknown token is not found. */
export async function invoiceForPayLink(token: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) throw new NotFoundError("invoice");
  const invoice = await db().invoice.findUnique({
    where: { payTokenHash: hashToken(token) },
    include: {
      centre: { select: { id: true, slug: true, name: true, iban: true, timeZone: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
    },
  });
  if (!invoice) throw new NotFoundError("invoice");
  const paidCents = invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    centre: invoice.centre,
    totalInclCents: invoice.totalInclCents,
    openCents: Math.max(0, invoice.totalInclCents - paidCents),
    dueAt: invoice.dueAt,
  };
}
