import type { Tx } from "~/db/client.server";
import type { Locale } from "~/generated/prisma/client";
import { clock } from "~/lib/clock";
import { renderEmail, type EmailContent } from "./render";

/**
 * Every email is written to the outbox inside the transaction that causes it, so a message
 * exists exactly when its cause was committed. The outbox job delivers it (SMTP when
 * configured); without SMTP, outside production, the development mailbox shows it.
 */
export async function enqueueEmail(
  tx: Tx,
  message: {
    to: string;
    kind: string;
    centreId?: string | null;
    locale: Locale;
    content: Omit<EmailContent, "locale">;
  },
): Promise<{ id: string }> {
  const rendered = renderEmail({ ...message.content, locale: message.locale });
  return tx.emailMessage.create({
    data: {
      toAddress: message.to,
      kind: message.kind,
      centreId: message.centreId ?? null,
      locale: message.locale,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      createdAt: clock.now(),
    },
    select: { id: true },
  });
}
