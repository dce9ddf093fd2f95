import { ScrollArea } from "~/components/workspace";
import type { Catalogue, Locale } from "~/i18n/catalogue";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { translatorWith } from "~/i18n/translate";

interface DocumentView {
  kind: "invoice" | "credit-note";
  number: string;
  issuedAt: string | Date;
  invoiceNumber?: string | null;
  reason?: string;
  deposit?: boolean;
  billing: {
    supplier: {
      name: string;
      street: string;
      postalCode: string;
      city: string;
      kvkNumber: string | null;
      vatNumber: string | null;
      iban: string | null;
    };
    customer: {
      name: string;
      address: string | null;
      postalCode: string | null;
      city: string | null;
      vatNumber: string | null;
    };
    locale: Locale;
    timeZone: string;
  };
  lines: { description: string; amountExclCents: number; vatBp: number | null; vatCents: number }[];
  totalExclCents: number;
  vatCents: number;
  totalInclCents: number;
}

/**
 * A credit note (or invoice) as printed, in the language it was made in: `words` holds that
 * language's messages, since the page only loads the reader's catalogue.
 */
export function MoneyDocumentView({ doc, words }: { doc: DocumentView; words: Catalogue }) {
  const locale = doc.billing.locale;
  const t = translatorWith(locale, words);
  const money = (cents: number) => formatMoney(cents, locale);
  const { supplier, customer } = doc.billing;
  const title =
    doc.kind === "invoice"
      ? t("refunds.document.invoiceTitle", { number: doc.number })
      : t("refunds.document.creditNoteTitle", { number: doc.number });
  return (
    <article aria-labelledby="document-title" lang={locale} className="card my-4 print:border-0 print:p-0">
      <div className="flex flex-wrap justify-between gap-6">
        <div>
          <p className="m-0 text-lg font-bold">{supplier.name}</p>
          <p className="m-0">{supplier.street}</p>
          <p className="m-0">
            {supplier.postalCode} {supplier.city}
          </p>
          {supplier.kvkNumber ? (
            <p className="m-0">{t("workspace.invoice.kvk", { number: supplier.kvkNumber })}</p>
          ) : null}
          {supplier.vatNumber ? (
            <p className="m-0">{t("workspace.invoice.vatNumber", { number: supplier.vatNumber })}</p>
          ) : null}
          {supplier.iban ? <p className="m-0">{t("workspace.invoice.iban", { iban: supplier.iban })}</p> : null}
        </div>
        <div>
          <p className="m-0 font-bold">{t("workspace.invoice.to")}</p>
          <p className="m-0">{customer.name}</p>
          {customer.address ? <p className="m-0 whitespace-pre-line">{customer.address}</p> : null}
          {customer.postalCode || customer.city ? (
            <p className="m-0">
              {customer.postalCode} {customer.city}
            </p>
          ) : null}
          {customer.vatNumber ? (
            <p className="m-0">{t("workspace.invoice.vatNumber", { number: customer.vatNumber })}</p>
          ) : null}
        </div>
      </div>
      <h1 id="document-title" className="mt-6">
        {title}
      </h1>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("refunds.document.date")}</dt>
        <dd className="m-0">{formatShortDate(new Date(doc.issuedAt), doc.billing.timeZone, locale)}</dd>
        {doc.invoiceNumber ? (
          <>
            <dt className="font-bold">{t("refunds.document.invoiceRef")}</dt>
            <dd className="m-0">{doc.invoiceNumber}</dd>
          </>
        ) : null}
        {doc.reason ? (
          <>
            <dt className="font-bold">{t("refunds.document.reason")}</dt>
            <dd className="m-0">{doc.reason}</dd>
          </>
        ) : null}
      </dl>
      <ScrollArea label={t("refunds.document.credited")} className="mt-4">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("refunds.document.credited")}</caption>
          <thead>
            <tr className="border-b-2 border-gray-500">
              <th scope="col" className="py-2 pr-3">
                {t("refunds.document.description")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("refunds.document.excl")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("refunds.document.vatRate")}
              </th>
              <th scope="col" className="py-2 text-right">
                {t("refunds.document.vat")}
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((line, index) => (
              <tr key={index} className="border-b border-gray-200 align-top">
                <td className="py-2 pr-3">{line.description}</td>
                <td className="py-2 pr-3 text-right">{money(line.amountExclCents)}</td>
                <td className="py-2 pr-3 text-right">
                  {line.vatBp === null
                    ? doc.deposit
                      ? t("refunds.document.noVat")
                      : t("workspace.invoice.exempt")
                    : `${line.vatBp / 100}%`}
                </td>
                <td className="py-2 text-right">{money(line.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <dl className="ml-auto mt-4 grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        <dt>{t("refunds.document.totalExcl")}</dt>
        <dd className="m-0 text-right">{money(doc.totalExclCents)}</dd>
        <dt>{t("refunds.document.vat")}</dt>
        <dd className="m-0 text-right">{money(doc.vatCents)}</dd>
        <dt className="font-bold">
          {doc.kind === "invoice" ? t("refunds.document.total") : t("refunds.document.totalIncl")}
        </dt>
        <dd className="m-0 text-right font-bold">{money(doc.totalInclCents)}</dd>
      </dl>
      {doc.deposit ? <p className="mt-4">{t("refunds.document.depositNote")}</p> : null}
      {doc.kind === "credit-note" ? <p className="mt-4">{t("refunds.document.paidBackHow")}</p> : null}
    </article>
  );
}
