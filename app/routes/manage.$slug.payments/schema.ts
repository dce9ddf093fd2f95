import { z } from "zod";
import { submissionKeyField } from "~/domain/shared/submission-key";

export const paymentSchema = z.object({
  target: z
    .string({ error: "workspace.payments.targetRequired" })
    .regex(/^(booking|invoice|organisation):[0-9a-f-]{36}$/, { error: "workspace.payments.targetRequired" }),
  amount: z
    .string({ error: "workspace.payments.amountInvalid" })
    .trim()
    .regex(/^-?\d{1,6}([.,]\d{1,2})?$/, { error: "workspace.payments.amountInvalid" }),
  method: z.enum(["BANK_TRANSFER", "CASH", "PIN"], { error: "workspace.payments.methodRequired" }),
  receivedOn: z.string({ error: "booking.errors.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "booking.errors.date" }),
  reference: z.string().trim().max(140, { error: "booking.errors.text" }).optional().default(""),
  submissionKey: submissionKeyField,
});
