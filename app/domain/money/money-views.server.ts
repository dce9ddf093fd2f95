import { db } from "~/db/client.server";
import { clock } from "~/lib/clock";
import { listInvoices } from "./invoices.server";
import { accounts } from "./payments.server";

/**
 * What managers and hirers see of money beyond what is owed and paid (payments.server.ts):
 * overdue invoices, deposits held, refunds waiting and done with their credit notes, and per
 * booking of a hirer what was paid, is open and came back, with its documents. Integer cents.
 */

/** Invoices past their due date and not paid in full, most overdue first. */
export async function overdueInvoices(centreId: string, now = clock.now()) {
  const invoices = await listInvoices(centreId);
  return invoices
    .filter(
      (invoice) => invoice.status === "ISSUED" && invoice.dueAt < now && invoice.paidCents < invoice.totalInclCents,
    )
    .map((invoice) => ({ ...invoice, openCents: invoice.totalInclCents - invoice.paidCents }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Bookings whose deposit is held, with the deposit received and whether their last date is over. */
export async function depositsHeld(centreId: string, now = clock.now()) {
  const bookings = await db().booking.findMany({
    where: { centreId, depositStatus: "HELD" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      title: true,
      depositCents: true,
      organisation: { select: { name: true } },
      payments: {
        where: { kind: "DEPOSIT", status: "SUCCEEDED", amountCents: { gt: 0 } },
        select: { amountCents: true, method: true },
      },
      occurrences: { where: { status: "ACTIVE" }, orderBy: { endsAt: "desc" }, take: 1, select: { endsAt: true } },
    },
  });
  return bookings.map((booking) => {
    const lastEndsAt = booking.occurrences[0]?.endsAt ?? null;
    return {
      bookingId: booking.id,
      title: booking.title,
      organisation: booking.organisation.name,
      depositCents: booking.depositCents,
      heldCents: booking.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
      online: booking.payments.some((payment) => payment.method === "ONLINE"),
      lastEndsAt,
      canReturn: !lastEndsAt || lastEndsAt <= now,
    };
  });
}

/** Refunds still to go back (PENDING) and the latest done, with their credit notes. */
export async function refundsOverview(centreId: string) {
  const rows = await db().payment.findMany({
    where: { centreId, refundOfId: { not: null }, amountCents: { lt: 0 } },
    orderBy: { createdAt: "desc" },
    take: 100,
    include: {
      organisation: { select: { name: true } },
      booking: { select: { id: true, title: true } },
      creditNote: { select: { id: true, number: true } },
    },
  });
  const view = rows.map((row) => ({
    id: row.id,
    amountCents: -row.amountCents,
    method: row.method,
    kind: row.kind,
    status: row.status,
    reason: row.reference,
    organisation: row.organisation.name,
    booking: row.booking,
    creditNote: row.creditNote,
    at: row.receivedAt,
  }));
  return {
    waiting: view.filter((row) => row.status === "PENDING"),
    done: view.filter((row) => row.status !== "PENDING"),
  };
}

/** Payments received that can still be (partly) refunded, newest first, for the refund form. */
export async function refundablePayments(centreId: string) {
  const payments = await db().payment.findMany({
    where: { centreId, status: "SUCCEEDED", amountCents: { gt: 0 }, kind: { in: ["FEE", "DEPOSIT"] } },
    orderBy: { receivedAt: "desc" },
    take: 200,
    include: {
      organisation: { select: { name: true } },
      booking: { select: { title: true } },
      refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } }, select: { amountCents: true } },
    },
  });
  return payments
    .map((payment) => ({
      id: payment.id,
      organisation: payment.organisation.name,
      title: payment.booking?.title ?? payment.reference,
      amountCents: payment.amountCents,
      method: payment.method,
      leftCents: payment.amountCents + payment.refunds.reduce((sum, refund) => sum + refund.amountCents, 0),
    }))
    .filter((payment) => payment.leftCents > 0);
}

/**
 * Per booking of these organisations: what was paid (fee and deposit), what is still open,
 * what came back and what is still coming back, the deposit's state, and the booking's invoices
 * and credit notes. Only bookings of `organisationIds` at this centre are read.
 */
export async function moneyOfBookings(centreId: string, organisationIds: string[], now = clock.now()) {
  if (organisationIds.length === 0) return {};
  const [payments, invoiceLines, creditNotes, owed, deposits] = await Promise.all([
    db().payment.findMany({
      where: { centreId, organisationId: { in: organisationIds }, bookingId: { not: null } },
      select: { bookingId: true, amountCents: true, status: true, kind: true },
    }),
    db().invoiceLine.findMany({
      where: { invoice: { centreId, organisationId: { in: organisationIds } }, bookingId: { not: null } },
      distinct: ["invoiceId", "bookingId"],
      select: { bookingId: true, invoice: { select: { id: true, number: true } } },
    }),
    db().creditNote.findMany({
      where: { centreId, organisationId: { in: organisationIds }, bookingId: { not: null } },
      orderBy: [{ year: "asc" }, { sequence: "asc" }],
      select: { id: true, number: true, bookingId: true },
    }),
    Promise.all(organisationIds.map((organisationId) => accounts(centreId, now, { organisationId }))),
    db().booking.findMany({
      where: { centreId, organisationId: { in: organisationIds }, depositStatus: { not: "NONE" } },
      select: { id: true, depositStatus: true, depositCents: true },
    }),
  ]);
  const open = new Map(
    owed
      .flat()
      .flatMap((organisation) => organisation.bookings.map((booking) => [booking.bookingId, booking.outstandingCents])),
  );
  const result: Record<
    string,
    {
      paidCents: number;
      openCents: number;
      refundedCents: number;
      refundPendingCents: number;
      deposit: { status: string; cents: number } | null;
      invoices: { id: string; number: string }[];
      creditNotes: { id: string; number: string }[];
    }
  > = {};
  const of = (bookingId: string) =>
    (result[bookingId] ??= {
      paidCents: 0,
      openCents: Math.max(0, open.get(bookingId) ?? 0),
      refundedCents: 0,
      refundPendingCents: 0,
      deposit: null,
      invoices: [],
      creditNotes: [],
    });
  for (const payment of payments) {
    const row = of(payment.bookingId!);
    // the deposit and its return are shown on the deposit's own line
    if (payment.kind === "DEPOSIT" || payment.kind === "DEPOSIT_RETURN") continue;
    if (payment.amountCents > 0 && payment.status === "SUCCEEDED") row.paidCents += payment.amountCents;
    if (payment.amountCents < 0 && payment.status === "SUCCEEDED") row.refundedCents -= payment.amountCents;
    if (payment.amountCents < 0 && payment.status === "PENDING") row.refundPendingCents -= payment.amountCents;
  }
  for (const line of invoiceLines) of(line.bookingId!).invoices.push(line.invoice);
  for (const note of creditNotes) of(note.bookingId!).creditNotes.push({ id: note.id, number: note.number });
  for (const booking of deposits)
    of(booking.id).deposit = { status: booking.depositStatus, cents: booking.depositCents };
  for (const [bookingId, cents] of open) if (cents > 0) of(bookingId);
  return result;
}
