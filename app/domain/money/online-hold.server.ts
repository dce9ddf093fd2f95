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
