import type { DomainError } from "~/domain/shared/errors";
import type { Key } from "~/i18n/translate";

/**
 * The plain sentence for each refusal of the sign-up and company rules, and where it goes:
 * next to the date choice, or above the form.
 */
const MESSAGES: Record<string, { key: Key; field?: "occurrenceId" }> = {
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
};

/** The conform reply options for a refusal: a field error or a form error, as catalogue keys. */
export function replyForRefusal(error: DomainError): { formErrors?: string[]; fieldErrors?: Record<string, string[]> } {
  const message = MESSAGES[error.code] ?? { key: "agenda.error.invalid" as Key };
  return message.field ? { fieldErrors: { [message.field]: [message.key] } } : { formErrors: [message.key] };
}

export function refusalKey(error: DomainError): Key {
  return (MESSAGES[error.code] ?? { key: "agenda.error.invalid" as Key }).key;
}
