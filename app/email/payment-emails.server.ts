import type { Tx } from "~/db/client.server";
import type { Booking, Centre, Organisation } from "~/generated/prisma/client";
import { formatMoney } from "~/i18n/format";
import { appUrl, enqueueTranslatedEmail } from "./compose.server";

/**
 * The emails of paying online, queued in the transaction of the change that causes them: the
 * slot released because nobody paid (to the contact), and a payment that came after the slot
 * was released (to the managers, who refund it). The confirmation itself is the booking's
 * own email (booking-emails.server.ts).
 */

/** To the contact: not paid in time, the slot is free again, book again. */
export async function holdReleasedEmail(
  tx: Tx,
  mail: { booking: Booking; organisation: Organisation; centre: Centre },
) {
  if (!mail.organisation.contactEmail) return;
  await enqueueTranslatedEmail(tx, {
    to: mail.organisation.contactEmail,
    kind: "booking-hold-released",
    centreId: mail.centre.id,
    locale: mail.organisation.locale,
    subject: "payments.email.releasedSubject",
    paragraphs: [{ key: "payments.email.releasedBody" }],
    values: { name: mail.organisation.contactName, title: mail.booking.title, centre: mail.centre.name },
    action: { label: "payments.email.bookAgain", url: appUrl(`/centres/${mail.centre.slug}/book`) },
    footer: "booking.email.footer",
  });
}

/** To each manager and admin: money arrived for a booking whose slot was already released. */
export async function refundNeededEmail(
  tx: Tx,
  mail: { booking: Booking; organisation: Organisation; centre: Centre; amountCents: number; paymentId: string },
) {
  const managers = await tx.membership.findMany({
    where: { centreId: mail.centre.id, role: { in: ["MANAGER", "ADMIN"] } },
    include: { user: true },
  });
  for (const { user } of managers) {
    await enqueueTranslatedEmail(tx, {
      to: user.email,
      kind: "payment-refund-needed",
      centreId: mail.centre.id,
      locale: user.locale,
      subject: "payments.email.refundSubject",
      paragraphs: [{ key: "payments.email.refundBody" }],
      values: {
        name: user.name,
        organisation: mail.organisation.name,
        title: mail.booking.title,
        amount: formatMoney(mail.amountCents, user.locale),
        payment: mail.paymentId,
        centre: mail.centre.name,
      },
      action: { label: "payments.email.openPayments", url: appUrl(`/manage/${mail.centre.slug}/payments`) },
      footer: "booking.email.footer",
    });
  }
}
