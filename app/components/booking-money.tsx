import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

interface BookingMoneyView {
  paidCents: number;
  openCents: number;
  refundedCents: number;
  refundPendingCents: number;
  deposit: { status: string; cents: number } | null;
  invoices: { id: string; number: string }[];
  creditNotes: { id: string; number: string }[];
}

/** A hirer's view of one booking's money: paid, open, refunded, the deposit, and its documents as PDF. */
export function BookingMoney({ money, documentsHref }: { money: BookingMoneyView; documentsHref: string }) {
  const t = useT();
  const locale = useLocale();
  const amount = (cents: number) => formatMoney(cents, locale);
  const documents = [
    ...money.invoices.map((invoice) => ({
      href: `${documentsHref}/invoice/${invoice.id}`,
      label: t("refunds.hirer.invoice", { number: invoice.number }),
    })),
    ...money.creditNotes.map((note) => ({
      href: `${documentsHref}/credit-note/${note.id}`,
      label: t("refunds.hirer.creditNote", { number: note.number }),
    })),
  ];
  return (
    <div className="mt-3">
      <h3 className="m-0 text-base">{t("refunds.hirer.money")}</h3>
      <dl className="m-0 grid grid-cols-[max-content_auto] gap-x-4">
        <dt>{t("refunds.hirer.paid")}</dt>
        <dd className="m-0">{amount(money.paidCents)}</dd>
        {money.openCents > 0 ? (
          <>
            <dt>{t("refunds.hirer.open")}</dt>
            <dd className="m-0 font-bold">{amount(money.openCents)}</dd>
          </>
        ) : null}
        {money.refundedCents > 0 ? (
          <>
            <dt>{t("refunds.hirer.refunded")}</dt>
            <dd className="m-0">{amount(money.refundedCents)}</dd>
          </>
        ) : null}
        {money.refundPendingCents > 0 ? (
          <>
            <dt>{t("refunds.hirer.refundPending")}</dt>
            <dd className="m-0">{amount(money.refundPendingCents)}</dd>
          </>
        ) : null}
        {money.deposit ? (
          <>
            <dt>{t("refunds.hirer.deposit")}</dt>
            <dd className="m-0">
              {amount(money.deposit.cents)} · {t(`refunds.hirer.depositStatus.${money.deposit.status}` as Key)}
            </dd>
          </>
        ) : null}
      </dl>
      {documents.length > 0 ? (
        <>
          <h4 className="mb-0 mt-2 text-sm">{t("refunds.hirer.documents")}</h4>
          <ul className="m-0">
            {documents.map((document) => (
              <li key={document.href}>
                <a href={document.href} download>
                  {document.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
