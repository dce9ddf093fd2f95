import { db, transaction } from "~/db/client.server";
import { enqueueTranslatedEmail } from "~/email/compose.server";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { clock } from "~/lib/clock";
import { recordAudit } from "../shared/audit.server";
import { payLinkOf } from "./invoice-pay-links.server";
import type { BillingSnapshot } from "./invoices.server";

/**
 * Reminders for invoices that are not paid in time: the customer's billing address gets one
 * email when the due date has passed and another every `REMIND_EVERY_DAYS` while money is still
 * open, each with the amount open, the centre's IBAN, the invoice number to quote and the pay link. The
 * reminder and its date are written in one transaction, so a job run twice reminds once.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const REMIND_EVERY_DAYS = 7;

/** Invoices of every centre that are overdue at `now` and due a reminder, with what is open. */
async function overdueInvoices(now: Date) {
  const invoices = await db().invoice.findMany({
    where: {
      status: "ISSUED",
      dueAt: { lt: now },
      OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: new Date(now.getTime() - REMIND_EVERY_DAYS * DAY_MS) } }],
    },
    include: { payments: { select: { amountCents: true } }, centre: true, organisation: true },
    orderBy: { dueAt: "asc" },
  });
  return invoices
    .map((invoice) => ({
      invoice,
      openCents: invoice.totalInclCents - invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    }))
    .filter(({ openCents }) => openCents > 0);
}

/** Sends the reminders due at `now`; returns how many invoices were reminded. */
export async function remindOverdueInvoices(now = clock.now()): Promise<number> {
  let reminded = 0;
  for (const { invoice, openCents } of await overdueInvoices(now)) {
    const billing = invoice.billingSnapshot as BillingSnapshot;
    const to = billing.customer?.email ?? invoice.organisation.billingEmail ?? invoice.organisation.contactEmail;
    if (!to) continue;
    const done = await transaction(async (tx) => {
      // Only the run that moves lastReminderAt sends: a second run at the same time finds it moved.
      const claimed = await tx.invoice.updateMany({
        where: { id: invoice.id, lastReminderAt: invoice.lastReminderAt },
        data: { lastReminderAt: now },
      });
      if (claimed.count === 0) return false;
      const locale = invoice.organisation.locale;
      const iban = billing.supplier?.iban ?? invoice.centre.iban;
      await enqueueTranslatedEmail(tx, {
        to,
        kind: "invoice-reminder",
        centreId: invoice.centreId,
        locale,
        subject: "invoices.reminder.subject",
        paragraphs: [{ key: iban ? "invoices.reminder.body" : "invoices.reminder.bodyNoIban" }],
        values: {
          name: billing.customer?.contact ?? invoice.organisation.contactName,
          number: invoice.number,
          centre: invoice.centre.name,
          due: formatShortDate(invoice.dueAt, invoice.centre.timeZone, locale),
          open: formatMoney(openCents, locale),
          iban: iban ?? "",
        },
        action: { label: "invoices.reminder.payAction", url: await payLinkOf(invoice, tx) },
      });
      await recordAudit(tx, {
        centreId: invoice.centreId,
        actorId: null,
        entityType: "invoice",
        entityId: invoice.id,
        action: "reminded",
        details: { openCents },
      });
      return true;
    });
    if (done) reminded++;
  }
  return reminded;
}
