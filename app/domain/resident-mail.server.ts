import type { Tx } from "~/db/client.server";
import { enqueueEmail } from "~/email/outbox.server";
import { env } from "~/env.server";
import type { Locale } from "~/i18n/catalogue";
import { formatDay, formatTimeRange } from "~/i18n/format";
import { translator, type Key, type MessageValues } from "~/i18n/translate";

/**
 * Emails to residents and volunteers about sign-ups and company requests: one place that
 * says a date the way the agenda does, in the centre's zone and the reader's language.
 * Kinds start with "signup-" or "companion-": the privacy job removes them after the
 * centre's retention period (see app/domain/personal-data.server.ts).
 */

export const RESIDENT_EMAIL_KINDS = {
  signupConfirmed: "signup-confirmed",
  signupWaitlisted: "signup-waitlisted",
  signupPromoted: "signup-promoted",
  signupCancelled: "signup-cancelled",
  signupDateCancelled: "signup-date-cancelled",
  companionReceived: "companion-received",
  companionNew: "companion-new",
  companionTaken: "companion-taken",
} as const;

/** "dinsdag 12 mei, 10:00–12:00" in the centre's zone. */
export function sayDate(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale): string {
  return `${formatDay(startsAt, timeZone, locale)}, ${formatTimeRange(startsAt, endsAt, timeZone, locale)}`;
}

export function appUrl(path: string): string {
  return `${env().APP_URL}${path}`;
}

export async function sendResidentEmail(
  tx: Tx,
  message: {
    to: string;
    kind: (typeof RESIDENT_EMAIL_KINDS)[keyof typeof RESIDENT_EMAIL_KINDS];
    centreId: string;
    locale: Locale;
    subject: Key;
    body: Key;
    values: MessageValues;
    action?: { label: Key; url: string };
  },
) {
  const t = translator(message.locale);
  return enqueueEmail(tx, {
    to: message.to,
    kind: message.kind,
    centreId: message.centreId,
    locale: message.locale,
    content: {
      subject: t(message.subject, message.values),
      body: t(message.body, message.values),
      action: message.action ? { label: t(message.action.label, message.values), url: message.action.url } : undefined,
      footer: t("email.footer"),
    },
  });
}
