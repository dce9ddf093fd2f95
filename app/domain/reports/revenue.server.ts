import { db } from "~/db/client.server";
import { Prisma, type Tier } from "~/generated/prisma/client";
import type { InvoiceInput, MoneySplit, PaymentInput } from "./figures";

/**
 * Invoices, payments and yearly costs for the revenue figures. `from`/`to` are the period's
 * first and last midnight as instants in the centres' zone; amounts are cents.
 */

export interface RevenueRows {
  invoices: InvoiceInput[];
  payments: PaymentInput[];
  yearCosts: Map<number, number>;
  /** deposits held today (bookings whose deposit was paid and not returned yet) */
  depositsHeldCents: number;
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
      bookingExtraId: true,
      occurrence: { select: { roomId: true } },
      booking: { select: { roomId: true, tier: true } },
    },
  },
} satisfies Prisma.InvoiceSelect;

export async function loadRevenue(centreId: string, from: Date, to: Date): Promise<RevenueRows> {
  const [invoices, received, costs, held] = await Promise.all([
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
    db().booking.aggregate({ where: { centreId, depositStatus: "HELD" }, _sum: { depositCents: true } }),
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
      extra: line.bookingExtraId !== null,
    })),
  });
  for (const invoice of invoices) inputs.set(invoice.id, toInput(invoice, true));

  // Payments in the period on invoices of an earlier period still follow that invoice's lines.
  const earlierIds = [
    ...new Set(received.map((payment) => payment.invoiceId).filter((id): id is string => !!id && !inputs.has(id))),
  ];
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
    depositsHeldCents: held._sum.depositCents ?? 0,
  };
}

/**
 * The money totals of many centres at once, for the side-by-side view (no split per tier or
 * room, so plain sums suffice): invoiced (lines of invoices issued in the period, credited ones
 * left out), received (succeeded payments in the period), outstanding today on those invoices.
 */
export async function loadRevenueTotals(
  centreIds: string[],
  from: Date,
  to: Date,
): Promise<{ totals: Map<string, MoneySplit>; yearCosts: Map<string, Map<number, number>> }> {
  const [invoiced, received, costs] = await Promise.all([
    db().$queryRaw<{ centre_id: string; incl: number; excl: number; outstanding: number }[]>(Prisma.sql`
      SELECT i.centre_id::text AS centre_id, sum(lines.incl)::float8 AS incl, sum(lines.excl)::float8 AS excl,
             sum(greatest(i.total_incl_cents - coalesce(paid.cents, 0), 0))::float8 AS outstanding
      FROM invoices i
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(l.amount_excl_cents + l.vat_cents), 0) AS incl, coalesce(sum(l.amount_excl_cents), 0) AS excl
        FROM invoice_lines l WHERE l.invoice_id = i.id
      ) lines
      LEFT JOIN LATERAL (
        SELECT sum(p.amount_cents) AS cents FROM payments p WHERE p.invoice_id = i.id AND p.status = 'SUCCEEDED'
      ) paid ON true
      WHERE i.centre_id = ANY(${centreIds}::uuid[]) AND i.status <> 'CREDITED' AND i.issued_at >= ${from} AND i.issued_at < ${to}
      GROUP BY 1`),
    db().$queryRaw<{ centre_id: string; cents: number }[]>(Prisma.sql`
      SELECT centre_id::text AS centre_id, sum(amount_cents)::float8 AS cents FROM payments
      WHERE centre_id = ANY(${centreIds}::uuid[]) AND status = 'SUCCEEDED' AND received_at >= ${from} AND received_at < ${to}
      GROUP BY 1`),
    db().yearCosts.findMany({ where: { centreId: { in: centreIds } } }),
  ]);
  const totals = new Map<string, MoneySplit>(
    centreIds.map((id) => [id, { invoicedCents: 0, invoicedExclCents: 0, receivedCents: 0, outstandingCents: 0 }]),
  );
  for (const row of invoiced) {
    Object.assign(totals.get(row.centre_id)!, {
      invoicedCents: row.incl,
      invoicedExclCents: row.excl,
      outstandingCents: row.outstanding,
    });
  }
  for (const row of received) totals.get(row.centre_id)!.receivedCents = row.cents;
  const yearCosts = new Map<string, Map<number, number>>(centreIds.map((id) => [id, new Map()]));
  for (const row of costs) yearCosts.get(row.centreId)!.set(row.year, row.costsCents);
  return { totals, yearCosts };
}
