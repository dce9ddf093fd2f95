import { z } from "zod";
import { submissionKeyField } from "~/domain/shared/submission-key";

const euros = z
  .string({ error: "workspace.payments.amountInvalid" })
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, { error: "workspace.payments.amountInvalid" });

const day = z.string({ error: "booking.errors.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "booking.errors.date" });

/** The deposit back after the last date: in full, or minus a deduction with its reason. */
export const depositSchema = z.object({
  intent: z.literal("return-deposit"),
  bookingId: z.uuid(),
  deduction: euros.optional(),
  reason: z.string().trim().max(300, { error: "booking.errors.text" }).optional().default(""),
  submissionKey: submissionKeyField,
});

/** A manual refund went out: the day of the bank transfer. */
export const transferSchema = z.object({
  intent: z.literal("confirm-transfer"),
  refundId: z.uuid(),
  paidOn: day,
  reference: z.string().trim().max(140, { error: "booking.errors.text" }).optional().default(""),
});

/** An online refund Stripe did not take yet, sent again (same idempotency key). */
export const retrySchema = z.object({
  intent: z.literal("retry"),
  refundId: z.uuid(),
});

/** Part of a payment back. */
export const refundSchema = z.object({
  intent: z.literal("refund"),
  paymentId: z.uuid({ error: "refunds.manage.choosePayment" }),
  amount: euros,
  reason: z
    .string({ error: "workspace.form.reasonRequired" })
    .trim()
    .min(3, { error: "workspace.form.reasonRequired" })
    .max(300),
  paidOn: day,
  submissionKey: submissionKeyField,
});
