import type { MessagesOf } from "../catalogue";
import type { invoices as nl } from "../nl/invoices";

/** Emails about invoices: the reminder for an invoice that is not paid in time. */
export const invoices: MessagesOf<typeof nl> = {
  directDebit: {
    title: "Direct debit",
    intro:
      "Do you hire a room often? Then give permission once. After that we collect your invoices from your account automatically. You always get the invoice by email first.",
    how: "You give permission with an iDEAL payment of 1 cent, which you get back at once. That way we know the account is yours.",
    given: "Permission given on {date}.",
    notGiven: "No permission given yet.",
    give: "Give permission with iDEAL",
    giveAgain: "Use another account",
    thanks: "Thank you. As soon as your bank has confirmed it, it shows here. That usually takes a few minutes.",
    notOnline: "This community centre does not take online payments yet. Please pay your invoices by bank transfer.",
    none: "You are not yet the contact of an organisation at this community centre.",
    collect: "Collect from the account",
    collectHint: "{organisation} has given permission for direct debit.",
    collected: "The direct debit has started. The money usually arrives within a few working days.",
  },
  payPage: {
    payOnline: "Pay {amount} online with iDEAL",
    payOnlineHint: "You go to Stripe's payment page, and come back here afterwards.",
    paidJustNow:
      "Thank you. As soon as the bank has confirmed the payment, the invoice shows here as paid. That usually takes a few minutes.",
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
