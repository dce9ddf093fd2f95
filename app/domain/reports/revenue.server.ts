import { db } from "~/db/client.server";
import type { Prisma, Tier } from "~/generated/prisma/client";
import type { InvoiceInput, PaymentInput } from "./figures";

/**
 * Invoices, payments and yearly costs for the revenue figures. `from`/`to` are the period's
 * first and last midnight as instants in the centres' zone; amounts are cents.
 */

export interface RevenueRows {
  invoices: InvoiceInput[];
  payments: PaymentInput[];
  yearCosts: Map<number, number>;
}

const invoiceSelect = {
  id: true,
  status: true,
  totalInclCents: true,
  organisation: { select: { tier: true } },
  payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
  lines: {
    orderBy: { id: "asc" },
    select: {
      amountExclCents: true,
      vatCents: true,
      occurrence: { select: { roomId: true } },
      booking: { select: { roomId: true, tier: true } },
    },
  },
} satisfies Prisma.InvoiceSelect;

export async function loadRevenue(centreId: string, from: Date, to: Date): Promise<RevenueRows> {
  const [invoices, received, costs] = await Promise.all([
    db().invoice.findMany({
      where: { centreId, issuedAt: { gte: from, lt: to } },
      select: invoiceSelect,
    }),
    db().payment.findMany({
      where: { centreId, status: "SUCCEEDED", receivedAt: { gte: from, lt: to } },
      select: {
        amountCents: true,
        invoiceId: true,
        organisation: { select: { tier: true } },
        booking: { select: { roomId: true, tier: true } },
      },
    }),
    db().yearCosts.findMany({ where: { centreId } }),
  ]);

  const inputs = new Map<string, InvoiceInput>();
  const toInput = (invoice: (typeof invoices)[number], inPeriod: boolean): InvoiceInput => ({
    id: invoice.id,
    inPeriod,
    credited: invoice.status === "CREDITED",
    totalInclCents: invoice.totalInclCents,
    paidCents: invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    lines: invoice.lines.map((line) => ({
      spaceId: line.occurrence?.roomId ?? line.booking?.roomId ?? null,
      tier: (line.booking?.tier ?? invoice.organisation.tier) as Tier,
      inclCents: line.amountExclCents + line.vatCents,
      exclCents: line.amountExclCents,
    })),
  });
  for (const invoice of invoices) inputs.set(invoice.id, toInput(invoice, true));

  // Payments in the period on invoices of an earlier period still follow that invoice's lines.
  const earlierIds = [...new Set(received.map((payment) => payment.invoiceId).filter((id): id is string => !!id && !inputs.has(id)))];
  if (earlierIds.length > 0) {
    const earlier = await db().invoice.findMany({
      where: { centreId, id: { in: earlierIds } },
      select: invoiceSelect,
    });
    for (const invoice of earlier) inputs.set(invoice.id, toInput(invoice, false));
  }

  return {
    invoices: [...inputs.values()],
    payments: received.map((payment) => ({
      amountCents: payment.amountCents,
      invoiceId: payment.invoiceId,
      spaceId: payment.booking?.roomId ?? null,
      tier: (payment.booking?.tier ?? payment.organisation.tier) as Tier,
    })),
    yearCosts: new Map(costs.map((row) => [row.year, row.costsCents])),
  };
}
