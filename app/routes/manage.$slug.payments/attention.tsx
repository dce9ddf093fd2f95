import { Link } from "@remix-run/react";
import { Money, ScrollArea } from "~/components/workspace";
import { formatShortDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

interface Attention {
  slug: string;
  timeZone: string;
  overdue: { id: string; number: string; organisation: string; dueAt: string | Date; openCents: number }[];
  deposits: { bookingId: string; title: string; organisation: string; heldCents: number; canReturn: boolean }[];
  refundsWaiting: { id: string; amountCents: number; organisation: string; method: string }[];
}

/** What needs the treasurer: overdue invoices, deposits held, refunds still to go back. */
export function MoneyAttention({ slug, timeZone, overdue, deposits, refundsWaiting }: Attention) {
  const t = useT();
  const locale = useLocale();
  const refundsCents = refundsWaiting.reduce((sum, refund) => sum + refund.amountCents, 0);
  return (
    <>
      <section aria-labelledby="overdue-title" className="mt-6">
        <h2 id="overdue-title">{t("refunds.manage.overdueTitle")}</h2>
        <p>{t("refunds.manage.overdueIntro")}</p>
        {overdue.length === 0 ? (
          <p>{t("refunds.manage.overdueNone")}</p>
        ) : (
          <ScrollArea label={t("refunds.manage.overdueTitle")}>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("refunds.manage.overdueTitle")}</caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className="py-2 pr-3">
                    {t("refunds.manage.invoice")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("refunds.manage.organisation")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("refunds.manage.due")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("refunds.manage.open")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((invoice) => (
                  <tr key={invoice.id} className="border-b border-gray-200">
                    <td className="py-2 pr-3">
                      <Link to={`/manage/${slug}/invoices/${invoice.id}`}>{invoice.number}</Link>
                    </td>
                    <td className="py-2 pr-3">{invoice.organisation}</td>
                    <td className="py-2 pr-3">{formatShortDate(new Date(invoice.dueAt), timeZone, locale)}</td>
                    <td className="py-2 text-right font-bold">
                      <Money cents={invoice.openCents} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>
      <section aria-labelledby="held-title" className="mt-6">
        <h2 id="held-title">{t("refunds.manage.depositsTitle")}</h2>
        {deposits.length === 0 ? (
          <p>{t("refunds.manage.depositsNone")}</p>
        ) : (
          <ul>
            {deposits.map((deposit) => (
              <li key={deposit.bookingId}>
                <Link to={`/manage/${slug}/bookings/${deposit.bookingId}`}>{deposit.title}</Link> ·{" "}
                {deposit.organisation} · <Money cents={deposit.heldCents} />
                {deposit.canReturn ? null : <> · {t("refunds.manage.notYet")}</>}
              </li>
            ))}
          </ul>
        )}
        <h2 id="refunds-waiting-title" className="mt-4">
          {t("refunds.manage.refundsTitle")}
        </h2>
        {refundsWaiting.length === 0 ? (
          <p>{t("refunds.manage.refundsNone")}</p>
        ) : (
          <p>
            {t("refunds.status.PENDING")}: {refundsWaiting.length} · <Money cents={refundsCents} />
          </p>
        )}
        <p>
          <Link to={`/manage/${slug}/refunds`}>{t("refunds.manage.seeAll")}</Link>
        </p>
      </section>
    </>
  );
}
