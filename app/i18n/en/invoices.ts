import type { MessagesOf } from "../catalogue";
import type { invoices as nl } from "../nl/invoices";

/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices: MessagesOf<typeof nl> = {
  reminder: {
    subject: "Reminder: invoice {number} has not been paid yet",
    body: "Dear {name},\n\nInvoice {number} from {centre} was due on {due}. {open} is still open.\n\nPlease transfer the amount to {iban}, quoting invoice number {number}. Already paid? Then please ignore this email.",
    bodyNoIban: "Dear {name},\n\nInvoice {number} from {centre} was due on {due}. {open} is still open.",
  },
};
