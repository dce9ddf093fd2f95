import type { MessagesOf } from "../catalogue";
import type { payments as paymentsNl } from "../nl/payments";

/** Paying online with Stripe: the centre's settings, the return page and the hold emails. */
export const payments: MessagesOf<typeof paymentsNl> = {
  settings: {
    title: "Paying online",
    intro:
      "Hirers can pay with iDEAL, card or Bancontact. The money goes to your own Stripe account. Without keys you register payments yourself, as now.",
    configured: "Paying online is on, with key {hint}.",
    notConfigured: "Paying online is off. Fill in the keys of your Stripe account below.",
    test: "Test mode: no real money is paid.",
    live: "Real payments.",
    noEncryption:
      "The server cannot keep keys safely. Ask the installation's administrator to set PAYMENTS_ENCRYPTION_KEY.",
    secretKey: "Secret key (sk_… or rk_…)",
    secretKeyHelp: "You will not see the key again after saving. Leave the field empty to keep the saved key.",
    webhookSecret: "Webhook signing secret (whsec_…)",
    webhookUrl: "Paste this address in Stripe under Developers → Webhooks:",
    webhookEvents:
      "Choose these events: checkout.session.completed, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed and checkout.session.expired.",
    holdMinutes: "Minutes a time is held while paying",
    holdMinutesHelp: "Between 30 and 120 minutes. Not paid by then? The time is released.",
    save: "Save",
    saved: "Saved.",
    remove: "Remove keys",
    removeHelp: "After this nobody pays online. You register payments yourself.",
    removed: "The keys were removed.",
    adminOnly: "Only an administrator (all rights) can change these settings.",
    holdRange: "Choose a number from 30 to 120.",
  },
  tierMode: {
    label: "How does this group pay?",
    ONLINE: "Pay online to confirm",
    INVOICE: "On invoice",
    NONE: "No payment",
  },
  refusal: {
    "payments-hold-minutes-invalid": "Choose a number from 30 to 120 minutes.",
    "payments-no-encryption-key": "The server cannot keep keys safely. Ask the installation's administrator for help.",
    "payments-keys-required": "Fill in both the secret key and the signing secret.",
    "payments-secret-key-invalid": "This is not a Stripe secret key. It starts with sk_ or rk_.",
    "payments-webhook-secret-invalid": "This is not a webhook signing secret. It starts with whsec_.",
    "payments-not-configured": "Paying online is off at this centre.",
    "payment-not-open": "This payment is no longer possible. The time is no longer held. Please book again.",
    "payment-window-closed": "The time to pay is nearly over. Please book again.",
  },
  pay: {
    title: "Your payment",
    paidTitle: "Paid",
    paid: "Paid. Your booking is confirmed. You will get an email with the details.",
    paidTooLateTitle: "Paid, but too late",
    paidTooLate:
      "Your payment arrived after the time had been released, so the booking is not confirmed. You will get the money back. The centre will contact you.",
    processingTitle: "Waiting for the bank",
    processing:
      "Your payment is still being processed. With iDEAL that can take a moment. You need not do anything: we will email you when it is done.",
    openTitle: "Not paid yet",
    open: "You have not paid yet. We hold the time for you until {time}.",
    payAgain: "Pay now",
    expiredTitle: "Not paid",
    expired: "The payment did not arrive in time. The time has been released. You can book again.",
    failedTitle: "Payment failed",
    failed: "The payment failed. The time has been released. You can book again.",
    bookAgain: "Book again",
    myBookings: "To my bookings",
    amount: "Amount: {amount}",
    booking: "Booking: {title}",
  },
  stripe: {
    feeLine: "Hire: {title}",
    depositLine: "Deposit",
  },
  email: {
    releasedSubject: "Not paid: your time has been released",
    releasedBody:
      "Dear {name},\n\nThe booking ‘{title}’ was not paid in time, so the time has been released. Nothing was charged.\n\nStill want to book? You can do so again with the button below.\n\nKind regards,\n{centre}",
    bookAgain: "Book again",
    refundSubject: "Paid after the release: refund needed",
    refundBody:
      "Dear {name},\n\n{organisation} paid {amount} for ‘{title}’. But the time had already been released because the payment came too late, so the booking is not confirmed.\n\nRefund the amount in Stripe (payment {payment}), or contact {organisation}.",
    openPayments: "To the payments",
  },
};
