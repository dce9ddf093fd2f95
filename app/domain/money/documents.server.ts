import { NotFoundError } from "../shared/errors";
import { getCreditNote } from "./credit-notes.server";
import type { MoneyDocument } from "./document-pdf.server";
import { getInvoice } from "./invoices.server";

/**
 * An invoice or credit note of this centre as a document to print or download. With
 * `organisationIds` (a hirer) only one of those organisations' documents is found: nobody sees
 * another organisation's paperwork.
 */

interface Scope {
  organisationIds?: string[];
}

export async function invoiceDocument(centreId: string, invoiceId: string, scope: Scope = {}): Promise<MoneyDocument> {
  const invoice = await getInvoice(centreId, invoiceId);
  if (scope.organisationIds && !scope.organisationIds.includes(invoice.organisationId))
    throw new NotFoundError("invoice");
  return {
    kind: "invoice",
    number: invoice.number,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    billing: invoice.billing,
    lines: invoice.lines,
    totalExclCents: invoice.totalExclCents,
    vatCents: invoice.vatCents,
    totalInclCents: invoice.totalInclCents,
  };
}

export async function creditNoteDocument(
  centreId: string,
  creditNoteId: string,
  scope: Scope = {},
): Promise<MoneyDocument> {
  const note = await getCreditNote(centreId, creditNoteId, scope);
  const deposit = note.credited.kind === "DEPOSIT_RETURN";
  return {
    kind: "credit-note",
    number: note.number,
    issuedAt: note.issuedAt,
    invoiceNumber: note.invoice?.number ?? null,
    reason: note.reason,
    billing: note.billing,
    lines: [
      {
        description: note.credited.description || note.reason,
        amountExclCents: note.totalExclCents,
        vatBp: note.credited.vatBp,
        vatCents: note.vatCents,
      },
    ],
    totalExclCents: note.totalExclCents,
    vatCents: note.vatCents,
    totalInclCents: note.totalInclCents,
    deposit,
  };
}
