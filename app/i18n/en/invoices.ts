import type { MessagesOf } from "../catalogue";
import type { invoices as nl } from "../nl/invoices";

/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices: MessagesOf<typeof nl> = {
  payPage: {
    title: "Pay invoice {number}",
    from: "Invoice {number} from {centre}",
    open: "Still to pay: {amount}",
    due: "Due before {date}.",
    transfer: "Please transfer the amount to {iban}, quoting invoice number {number}.",
    transferNoIban: "Please contact {centre} to pay.",
    paid: "This invoice has been paid. Thank you.",
    credited: "This invoice has been credited. There is nothing to pay.",
    invalidTitle: "This link does not work",
    invalid:
      "This pay link is not right. Check that you copied the whole link, or ask the community centre for a new one.",
  },
  reminder: {
    payAction: "View and pay the invoice",
    subject: "Reminder: invoice {number} has not been paid yet",
    body: "Dear {name},\n\nInvoice {number} from {centre} was due on {due}. {open} is still open.\n\nPlease transfer the amount to {iban}, quoting invoice number {number}. Already paid? Then please ignore this email.",
    bodyNoIban: "Dear {name},\n\nInvoice {number} from {centre} was due on {due}. {open} is still open.",
  },
};
