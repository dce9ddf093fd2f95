import type { Tx } from "~/db/client.server";
import { env } from "~/env.server";
import type { Locale } from "~/i18n/catalogue";
import { translator, type Key, type MessageValues } from "~/i18n/translate.server";
import { enqueueEmail } from "./outbox.server";

/**
 * How every email of ours is written: catalogue keys filled in the reader's language, then
 * queued in the outbox (outbox.server.ts) in the caller's transaction.
 */

/** A paragraph: a catalogue key, filled with the email's values and its own. */
export interface EmailParagraph {
  key: Key;
  values?: MessageValues;
}

/** The address of a page of this app, for a link in an email. */
export function appUrl(path: string): string {
  return `${env().APP_URL}${path}`;
}

/**
 * Queues one email in `locale`. Subject, paragraphs (a blank line between them), the button's
 * label and the footer are catalogue keys, each filled with `values`. The footer is
 * Buurtrooster's own unless the email says a centre signs it.
 */
export function enqueueTranslatedEmail(
  tx: Tx,
  message: {
    to: string;
    kind: string;
    centreId?: string | null;
    locale: Locale;
    subject: Key;
    paragraphs: EmailParagraph[];
    values: MessageValues;
    action?: { label: Key; url: string };
    footer?: Key;
  },
): Promise<{ id: string }> {
  const t = translator(message.locale);
  return enqueueEmail(tx, {
    to: message.to,
    kind: message.kind,
    centreId: message.centreId,
    locale: message.locale,
    content: {
      subject: t(message.subject, message.values),
      body: message.paragraphs
        .map((paragraph) => t(paragraph.key, { ...message.values, ...paragraph.values }))
        .join("\n\n"),
      action: message.action ? { label: t(message.action.label, message.values), url: message.action.url } : undefined,
      footer: t(message.footer ?? "email.footer", message.values),
    },
  });
}

/** Dates as a list, a "- " line each; past `limit` the rest is counted ("en nog 3 data"). */
export function listDates(lines: string[], locale: Locale, limit = Number.POSITIVE_INFINITY): string {
  const listed = lines.slice(0, limit).map((line) => `- ${line}`);
  if (lines.length > listed.length)
    listed.push(translator(locale)("booking.email.moreDates", { count: lines.length - listed.length }));
  return listed.join("\n");
}
