import type { DomainError } from "~/domain/shared/errors";
import { isMessageKey, type Key, type MessageValues, type Translate } from "~/i18n/translate";

/**
 * Messages that travel from an action to the page: a catalogue key with its values, written
 * "key|{json}" so a form's field errors (plain strings in conform) can carry them. The page
 * turns them back into a sentence in the reader's language. Also the one mapping from a domain
 * refusal to such a message and to the place on the form where it is shown.
 */

export function encodeMessage(key: Key, values?: Record<string, string | number>): string {
  return values && Object.keys(values).length > 0 ? `${key}|${JSON.stringify(values)}` : key;
}

export function decodeMessage(text: string): { key: Key; values?: MessageValues } {
  const bar = text.indexOf("|");
  if (bar === -1) return { key: text as Key };
  try {
    return { key: text.slice(0, bar) as Key, values: JSON.parse(text.slice(bar + 1)) as MessageValues };
  } catch {
    return { key: text.slice(0, bar) as Key };
  }
}

export function translateMessage(t: Translate, text: string): string {
  const { key, values } = decodeMessage(text);
  return t(key, values);
}

const known = isMessageKey;

/** Whether `text` is a message written by `encodeMessage` (a page's thrown refusal, say). */
export function isCatalogueMessage(text: unknown): text is string {
  return typeof text === "string" && known(decodeMessage(text).key);
}

/** The sentence for a refusal: the workspace's own words, else the booking area's, else a general one. */
export function refusalMessage(error: DomainError): string {
  const params = error.params as Record<string, string | number>;
  for (const key of [
    `workspace.refusal.${error.code}`,
    `booking.domainError.${error.code}`,
    `refunds.refusal.${error.code}`,
  ]) {
    if (known(key)) return encodeMessage(key as Key, params);
  }
  if (error.code.startsWith("recurrence-")) return encodeMessage("booking.domainError.recurrence" as Key);
  return encodeMessage("workspace.refusal.generic" as Key);
}

/** Where a refusal is shown and in which words, per refusal code, where a form differs from the defaults. */
export type RefusalWords = Record<string, { key: Key; field?: string }>;

/** Residents' forms (sign-up, company): their own words, and the date choice as the field. */
export const RESIDENT_REFUSALS: RefusalWords = {
  "date-cancelled": { key: "agenda.error.dateCancelled", field: "occurrenceId" },
  "date-past": { key: "agenda.error.datePast", field: "occurrenceId" },
  "not-found": { key: "agenda.error.dateNotFound", field: "occurrenceId" },
  "already-signed-up": { key: "agenda.error.alreadySignedUp" },
  "no-sign-up-needed": { key: "agenda.error.noSignUpNeeded" },
  "signup-invalid": { key: "agenda.error.invalid" },
  "companion-invalid": { key: "agenda.error.invalid" },
  "companion-already-asked": { key: "agenda.error.companionAlreadyAsked" },
  "companion-already-taken": { key: "agenda.error.companionAlreadyTaken" },
  "companion-not-taken": { key: "agenda.error.companionNotTaken" },
  "payment-not-open": { key: "agenda.error.paymentNotOpen" },
  "payment-window-closed": { key: "agenda.error.paymentWindowClosed" },
  "payments-not-configured": { key: "agenda.error.paymentsOff" },
  "payments-provider-failed": { key: "agenda.error.paymentProviderFailed" },
};

/** The sentence for a refusal in a form's own words, else the default (refusalMessage). */
function refusalText(error: DomainError, words: RefusalWords = {}): string {
  const own = words[error.code];
  return own ? encodeMessage(own.key, error.params as Record<string, string | number>) : refusalMessage(error);
}

/**
 * A refusal as conform's reply options: next to the field it is about (`fields` by code, or
 * the form's own words), else above the form.
 */
export function refusalReply(error: DomainError, fields: Record<string, string> = {}, words: RefusalWords = {}) {
  const message = refusalText(error, words);
  const field = fields[error.code] ?? words[error.code]?.field;
  return field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] };
}
