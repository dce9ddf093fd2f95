import { z } from "zod";

export const TIERS = ["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const;
const optional = (max: number) => z.string().trim().max(max, { error: "booking.errors.text" }).optional().default("");

/** A group that phones or walks in: a phone number or an email address is enough. */
export const newOrganisationSchema = z
  .object({
    intent: z.literal("add-organisation"),
    name: z
      .string({ error: "booking.errors.name" })
      .trim()
      .min(2, { error: "booking.errors.name" })
      .max(120, { error: "booking.errors.name" }),
    tier: z.enum(TIERS, { error: "booking.errors.tier" }),
    contactName: z
      .string({ error: "booking.errors.name" })
      .trim()
      .min(2, { error: "booking.errors.name" })
      .max(120, { error: "booking.errors.name" }),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, { error: "booking.errors.phone" })
      .optional()
      .or(z.literal("")),
    contactEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    locale: z.enum(["nl", "en"]).default("nl"),
    billingAddress: optional(300),
  })
  .refine((value) => Boolean(value.contactPhone) || Boolean(value.contactEmail), {
    path: ["contactPhone"],
    error: "workspace.onBehalf.contactNeeded",
  });
