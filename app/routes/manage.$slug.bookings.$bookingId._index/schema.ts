import { z } from "zod";

/** One date to another day, time or room. */
export const moveSchema = z.object({
  intent: z.literal("move"),
  occurrenceId: z.uuid(),
  date: z
    .string({ error: "workspace.form.dateRequired" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "workspace.form.dateRequired" }),
  time: z
    .string({ error: "workspace.form.timeRequired" })
    .regex(/^\d{2}:\d{2}$/, { error: "workspace.form.timeRequired" }),
  roomId: z.uuid({ error: "workspace.form.roomRequired" }),
  allowOutsideOpeningHours: z.boolean().default(false),
});

/** One date, or this date and the ones after it, cancelled with a reason; with or without the fee. */
export const cancelSchema = z.object({
  intent: z.enum(["cancel", "cancel-from"]),
  occurrenceId: z.uuid(),
  reason: z
    .string({ error: "workspace.form.reasonRequired" })
    .trim()
    .min(3, { error: "workspace.form.reasonRequired" })
    .max(500),
  fee: z.enum(["charge", "free"], { error: "workspace.booking.feeChoice" }),
});
