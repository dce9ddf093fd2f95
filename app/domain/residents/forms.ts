import { z } from "zod";
import { submissionKeyField } from "../shared/submission-key";
import { stripBidiControls } from "../shared/visible-text";

/**
 * The two forms a resident fills in without an account: signing up for a date, and asking
 * for company the first time. Shared by the browser (conform) and the server; every message
 * is a catalogue key. We ask a name and one way to reach the person, nothing more.
 */

const NAME_MAX = 100;
export const MESSAGE_MAX = 1000;

/** Names hold letters, spaces, hyphens, apostrophes, dots; never markup or control characters (bidi controls are removed first). */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_MARKUP = /^[^<>{}\\\u0000-\u001f\u007f]*$/;

const name = z
  .string({ error: "agenda.form.nameRequired" })
  .overwrite(stripBidiControls)
  .trim()
  .min(1, { error: "agenda.form.nameRequired" })
  .max(NAME_MAX, { error: "agenda.form.nameTooLong" })
  .regex(NO_MARKUP, { error: "agenda.form.nameInvalid" });

const email = z
  .string()
  .trim()
  .max(254, { error: "agenda.form.emailInvalid" })
  .pipe(z.email({ error: "agenda.form.emailInvalid" }))
  .optional();

const phone = z
  .string()
  .trim()
  .max(30, { error: "agenda.form.phoneInvalid" })
  .refine((value) => /^\+?[0-9 ()./-]+$/.test(value) && digitsOf(value).length >= 10 && digitsOf(value).length <= 15, {
    error: "agenda.form.phoneInvalid",
  })
  .optional();

function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

/**
 * One of the two is needed; the message goes next to the email field, which comes first. It
 * is checked even when the name has a mistake, so the form says everything at once, but not
 * when the email address or phone number itself is wrong (that message says enough).
 */
function hasWayToReach(value: { email?: string; phone?: string }): boolean {
  return Boolean(value.email || value.phone);
}
const wayToReachRequired = {
  path: ["email"],
  message: "agenda.form.contactRequired",
  when: (payload: z.core.ParsePayload<unknown>) =>
    payload.issues.every((issue) => !["email", "phone"].includes(String(issue.path?.[0]))),
};

/** The fields a person fills in, without the date (the domain checks those too). */
export const contactFieldsSchema = z.object({ name, email, phone }).refine(hasWayToReach, wayToReachRequired);

export const signupSchema = z
  .object({
    occurrenceId: z.uuid({ error: "agenda.form.chooseDate" }),
    name,
    email,
    phone,
    submissionKey: submissionKeyField,
  })
  .refine(hasWayToReach, wayToReachRequired);

export const companionSchema = z
  .object({
    /** empty: "I do not know which date yet" */
    occurrenceId: z.uuid({ error: "agenda.form.chooseDate" }).optional(),
    name,
    email,
    phone,
    message: z
      .string()
      .overwrite(stripBidiControls)
      .trim()
      .max(MESSAGE_MAX, { error: "agenda.form.messageTooLong" })
      .optional(),
    submissionKey: submissionKeyField,
  })
  .refine(hasWayToReach, wayToReachRequired);

/**
 * The key we compare to refuse the same person twice for one date: a lower-case email, or
 * a phone number's digits in the Dutch national form (+31 6… and 06… are the same number).
 */
export function emailKey(value: string): string {
  return `e:${value.trim().toLowerCase()}`;
}

export function phoneKey(value: string): string {
  let digits = digitsOf(value);
  if (digits.startsWith("0031")) digits = `0${digits.slice(4)}`;
  else if (value.trim().startsWith("+31")) digits = `0${digits.slice(2)}`;
  return `p:${digits}`;
}
