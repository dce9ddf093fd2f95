import { z } from "zod";

/**
 * The numbers a Dutch organisation is known by on invoices, as form fields (empty when it has
 * none): the Chamber of Commerce (KvK) number, the VAT number and the IBAN. One definition for
 * a centre's own details and for a hirer's billing details.
 */

/** Eight digits, or empty. */
export const kvkNumberField = z
  .string()
  .trim()
  .regex(/^(\d{8})?$/, { error: "workspace.centreDetails.kvkInvalid" })
  .optional()
  .default("");

/** Country code and 8 to 12 letters or digits (NL123456789B01), or empty. */
export const vatNumberField = z
  .string()
  .trim()
  .regex(/^([A-Z]{2}[0-9A-Z]{8,12})?$/, { error: "workspace.centreDetails.vatInvalid" })
  .optional()
  .default("");

/** An IBAN without spaces, in capitals, or empty. */
export const ibanField = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, "").toUpperCase())
  .refine((value) => value === "" || /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value), {
    error: "workspace.centreDetails.ibanInvalid",
  })
  .optional()
  .default("");
