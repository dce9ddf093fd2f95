import { z } from "zod";

export const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), bookingId: z.uuid() }),
  z.object({
    intent: z.literal("decline"),
    bookingId: z.uuid(),
    reason: z
      .string({ error: "workspace.requests.reasonRequired" })
      .trim()
      .min(3, { error: "workspace.requests.reasonRequired" })
      .max(1000),
  }),
]);
