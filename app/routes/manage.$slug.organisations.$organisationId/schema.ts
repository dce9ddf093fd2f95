import { z } from "zod";
import { kvkNumberField, vatNumberField } from "~/domain/shared/business-numbers";
import { shownText } from "~/domain/shared/visible-text";

const optional = (max: number) => z.string().trim().max(max, { error: "booking.errors.text" }).optional().default("");

export const detailsSchema = z
  .object({
    name: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
    contactName: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
    contactEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, { error: "booking.errors.phone" })
      .optional()
      .or(z.literal("")),
    locale: z.enum(["nl", "en"]),
    billingName: optional(120),
    billingAddress: optional(200),
    billingPostalCode: optional(12),
    billingCity: optional(80),
    billingEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    kvkNumber: kvkNumberField,
    vatNumber: vatNumberField,
  })
  .refine((value) => Boolean(value.contactEmail) || Boolean(value.contactPhone), {
    path: ["contactPhone"],
    error: "workspace.onBehalf.contactNeeded",
  });
