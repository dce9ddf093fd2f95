import type { Tx } from "~/db/client.server";
import type { BookingStatus, PaymentMode } from "~/generated/prisma/enums";

/**
 * Time to get from our confirm button to Stripe's page, on top of the centre's hold minutes:
 * a Checkout session must expire at least 30 minutes after Stripe creates it, and it expires
 * exactly when the hold ends (decision 091).
 */
const HOLD_GRACE_MINUTES = 2;

export interface PaymentOnConfirm {
  paymentMode: PaymentMode;
  /** AWAITING_PAYMENT when the person pays online before the booking is confirmed */
  status: BookingStatus | null;
  holdExpiresAt: Date | null;
}

/**
 * How a booking that is being confirmed is paid. Online first when the tier pays online, the
 * centre has its Stripe keys, the person is not a manager and the booking would be confirmed
 * straight away: then it waits for the payment and holds its slot until `holdExpiresAt`
 * (the centre's hold minutes plus HOLD_GRACE_MINUTES from `now`). A request that waits for a
 * manager, a manager's booking, or a centre without Stripe is paid on invoice instead.
 * See docs/decisions/091-slot-held-while-paying.md.
 */
export async function paymentOnConfirm(
  tx: Tx,
  request: {
    centreId: string;
    tierMode: PaymentMode | undefined;
    isManager: boolean;
    /** what the booking costs incl. VAT; nothing to pay, nothing to hold */
    amountCents: number;
    outcome: "confirmed" | "pending" | "refused";
  },
  now: Date,
): Promise<PaymentOnConfirm> {
  const mode = request.tierMode ?? "INVOICE";
  if (mode === "ONLINE" && request.amountCents <= 0) return { paymentMode: "NONE", status: null, holdExpiresAt: null };
  if (mode !== "ONLINE") return { paymentMode: mode, status: null, holdExpiresAt: null };
  const settings =
    request.isManager || request.outcome !== "confirmed"
      ? null
      : await tx.centrePaymentSettings.findUnique({
          where: { centreId: request.centreId },
          select: { holdMinutes: true },
        });
  if (!settings) return { paymentMode: "INVOICE", status: null, holdExpiresAt: null };
  return {
    paymentMode: "ONLINE",
    status: "AWAITING_PAYMENT",
    holdExpiresAt: new Date(now.getTime() + (settings.holdMinutes + HOLD_GRACE_MINUTES) * 60_000),
  };
}

/**
 * Until when a new place of a sign-up activity is held for its online payment, or null when
 * nothing is paid online: the activity asks for it, has a participant price, and the centre
 * has its Stripe keys. A waiting-list place is never charged, so the caller asks only for a
 * place. See docs/decisions/096-paying-a-sign-up-online.md.
 */
export async function signupPaymentDueAt(
  tx: Tx,
  centreId: string,
  activity: { payOnline: boolean; participantPriceCents: number },
  now: Date,
): Promise<Date | null> {
  if (!activity.payOnline || activity.participantPriceCents <= 0) return null;
  const settings = await tx.centrePaymentSettings.findUnique({ where: { centreId }, select: { holdMinutes: true } });
  if (!settings) return null;
  return new Date(now.getTime() + (settings.holdMinutes + HOLD_GRACE_MINUTES) * 60_000);
}

export type SignupPaymentState = "none" | "due" | "processing" | "paid" | "refundDue" | "refunded";

/** Where the online payment of a sign-up stands, for its page. */
export function signupPaymentState(signup: {
  status: string;
  paidCents: number;
  refundDueAt: Date | null;
  refundedAt: Date | null;
  activity: { payOnline: boolean; participantPriceCents: number };
  checkouts: { completedAt: Date | null }[];
  /** the centre has its Stripe keys */
  takesOnline: boolean;
}): { state: SignupPaymentState; amountCents: number } {
  if (signup.refundedAt) return { state: "refunded", amountCents: signup.paidCents };
  if (signup.refundDueAt) return { state: "refundDue", amountCents: signup.paidCents };
  if (signup.paidCents > 0) return { state: "paid", amountCents: signup.paidCents };
  const price = signup.activity.participantPriceCents;
  if (signup.status !== "CONFIRMED" || !signup.activity.payOnline || price <= 0 || !signup.takesOnline)
    return { state: "none", amountCents: 0 };
  if (signup.checkouts.some((checkout) => checkout.completedAt)) return { state: "processing", amountCents: price };
  return { state: "due", amountCents: price };
}
