import { db, type Tx } from "~/db/client.server";
import type { Payment, Prisma } from "~/generated/prisma/client";
import { NotFoundError } from "../shared/errors";
import { localDateAt } from "../time/time-zone";
import { billingDetails, billingOf, quoteVat, splitInclusive, type BillingSnapshot } from "./invoices.server";

/**
 * Credit notes (creditnota's): every refund that is done gets one, in the transaction that
 * makes the refund final. Numbers run on without gaps per centre and year in their own series
 * ("DW-C-2027-0001"): the number comes from the centre's credit_note_sequences row, incremented
 * inside that transaction, so the row stays locked until the note is stored and a failed
 * attempt gives its number back (as invoices do). A note refers to the invoice the money was
 * paid on (or the booking's invoice) and keeps the billing details as they were on the day.
 * See docs/decisions/094-refunds-follow-the-policy.md.
 */

/** What a credit note credits, kept beside the billing details in its snapshot. */
type CreditedSnapshot = BillingSnapshot & {
  credited: { description: string; vatBp: number | null; kind: "REFUND" | "DEPOSIT_RETURN" };
};

async function nextCreditNoteNumber(tx: Tx, centreId: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO credit_note_sequences (centre_id, year, last_number) VALUES (${centreId}::uuid, ${year}, 1)
    ON CONFLICT (centre_id, year) DO UPDATE SET last_number = credit_note_sequences.last_number + 1
    RETURNING last_number`;
  return row!.last_number;
}

/** "DW-C-2027-0001": the invoice prefix, C for credit, the year, the number in four digits. */
function creditNoteNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix.trim() || "F"}-C-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The VAT rate of what a refund pays back: the booking's quoted rate, else its tier's; a deposit has no VAT. */
async function creditedVat(tx: Tx, refund: Payment): Promise<number | null> {
  if (refund.kind === "DEPOSIT_RETURN" || !refund.bookingId) return null;
  const booking = await tx.booking.findFirst({
    where: { id: refund.bookingId, centreId: refund.centreId },
    select: { quote: true, tier: true },
  });
  if (!booking) return null;
  const fromQuote = quoteVat(booking.quote);
  if (fromQuote !== undefined) return fromQuote;
  const policy = await tx.tierPolicy.findFirst({
    where: { centreId: refund.centreId, tier: booking.tier },
    select: { vatBp: true },
  });
  return policy?.vatBp ?? null;
}

/**
 * Issues the credit note of a refund (a negative Payment row that is done), in the caller's
 * transaction. The amount credited is the refund's amount (incl. VAT), split at the booking's
 * VAT rate. Returns the stored note.
 */
export async function issueCreditNote(tx: Tx, refund: Payment, now: Date) {
  // One after the other: a transaction is one connection.
  const centre = await tx.centre.findUniqueOrThrow({ where: { id: refund.centreId } });
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: refund.organisationId } });
  const paid = refund.refundOfId ? await tx.payment.findUnique({ where: { id: refund.refundOfId } }) : null;
  const invoiceId =
    refund.invoiceId ??
    paid?.invoiceId ??
    (refund.bookingId
      ? ((
          await tx.invoice.findFirst({
            where: {
              centreId: refund.centreId,
              status: { not: "CREDITED" },
              lines: { some: { bookingId: refund.bookingId } },
            },
            orderBy: { issuedAt: "desc" },
            select: { id: true },
          })
        )?.id ?? null)
      : null);
  const vatBp = await creditedVat(tx, refund);
  const inclCents = -refund.amountCents;
  const split = splitInclusive(inclCents, vatBp);
  const year = Number(localDateAt(now, centre.timeZone).slice(0, 4));
  const sequence = await nextCreditNoteNumber(tx, refund.centreId, year);
  const snapshot: CreditedSnapshot = {
    ...billingDetails(centre, organisation),
    credited: {
      description: refund.reference,
      vatBp,
      kind: refund.kind === "DEPOSIT_RETURN" ? "DEPOSIT_RETURN" : "REFUND",
    },
  };
  return tx.creditNote.create({
    data: {
      centreId: refund.centreId,
      organisationId: refund.organisationId,
      invoiceId,
      bookingId: refund.bookingId,
      paymentId: refund.id,
      year,
      sequence,
      number: creditNoteNumber(centre.invoicePrefix, year, sequence),
      issuedAt: now,
      reason: refund.reference,
      totalExclCents: split.exclCents,
      vatCents: split.vatCents,
      totalInclCents: inclCents,
      billingSnapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
  });
}

/**
 * One credit note of this centre, for the printable page and the PDF. With `organisationIds`
 * (a hirer) only a note of one of those organisations is found.
 */
export async function getCreditNote(
  centreId: string,
  creditNoteId: string,
  options: { organisationIds?: string[] } = {},
) {
  const note = await db().creditNote.findFirst({
    where: {
      id: creditNoteId,
      centreId,
      ...(options.organisationIds ? { organisationId: { in: options.organisationIds } } : {}),
    },
    include: {
      invoice: { select: { number: true, issuedAt: true } },
      booking: { select: { title: true } },
      payment: { select: { method: true, kind: true } },
    },
  });
  if (!note) throw new NotFoundError("credit-note");
  const stored = note.billingSnapshot as Partial<CreditedSnapshot> | null;
  const billing = await billingOf(note);
  return {
    ...note,
    billing,
    credited: stored?.credited ?? { description: note.reason, vatBp: null, kind: "REFUND" as const },
  };
}
