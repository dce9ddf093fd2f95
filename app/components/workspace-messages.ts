import type { DomainError } from "~/domain/shared/errors";
import { isMessageKey, type Key, type MessageValues, type Translate } from "~/i18n/translate";

/**
 * Messages of the manager's workspace that travel from an action to the page: a catalogue key
 * with its values, written "key|{json}" so a form's field errors (plain strings in conform)
 * can carry them. The page turns them back into a sentence in the reader's language.
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
  for (const key of [`workspace.refusal.${error.code}`, `booking.domainError.${error.code}`]) {
    if (known(key)) return encodeMessage(key as Key, params);
  }
  if (error.code.startsWith("recurrence-")) return encodeMessage("booking.domainError.recurrence" as Key);
  return encodeMessage("workspace.refusal.generic" as Key);
}

/**
 * A refusal as conform's reply options: next to the field it is about (when the code names
 * one in `fields`), else above the form.
 */
export function refusalReply(error: DomainError, fields: Record<string, string> = {}) {
  const message = refusalMessage(error);
  const field = fields[error.code];
  return field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] };
}
