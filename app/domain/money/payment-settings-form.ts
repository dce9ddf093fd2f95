import { z } from "zod";

/**
 * The centre's online-payment settings form (pure, shared by browser and server). An empty
 * secret keeps the saved one; the hold is 30 to 120 minutes (decision 091).
 */

const secret = z.string().trim().max(300).optional().default("");
const holdRange = "payments.settings.holdRange";

export const paymentSettingsSchema = z.object({
  intent: z.literal("save").default("save"),
  secretKey: secret,
  webhookSecret: secret,
  holdMinutes: z.coerce
    .number({ error: holdRange })
    .int({ error: holdRange })
    .min(30, { error: holdRange })
    .max(120, { error: holdRange }),
});

export const removePaymentSettingsSchema = z.object({ intent: z.literal("remove") });

/** The fields a reply must never send back to the page (the browser would show them again). */
export const SECRET_FIELDS = ["secretKey", "webhookSecret"] as const;
