import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invoiceForPayLink } from "~/domain/money/invoice-pay-links.server";
import { isDomainError } from "~/domain/shared/errors";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  ...(loaded && "invoice" in loaded
    ? pageTitle(matches, "invoices.payPage.title", { number: loaded.invoice.number })
    : pageTitle(matches, "invoices.payPage.invalidTitle")),
  { name: "robots", content: "noindex" },
];

/**
 * The page behind an invoice's pay link (printed on the invoice and in its reminders): what is
 * open, until when, and how to pay it. Opening it changes nothing.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const invoice = await invoiceForPayLink(params.token ?? "");
    return {
      invoice: {
        number: invoice.number,
        status: invoice.status,
        openCents: invoice.openCents,
        dueAt: invoice.dueAt,
        centre: { name: invoice.centre.name, iban: invoice.centre.iban, timeZone: invoice.centre.timeZone },
      },
    };
  } catch (error) {
    if (isDomainError(error) && error.status === 404) return data({ invalid: true as const }, { status: 404 });
    throw error;
  }
}

export default function PayInvoice() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  if (!("invoice" in loaded)) {
    return (
      <>
        <h1>{t("invoices.payPage.invalidTitle")}</h1>
        <p>{t("invoices.payPage.invalid")}</p>
      </>
    );
  }
  const { invoice } = loaded;
  const values = { number: invoice.number, centre: invoice.centre.name, iban: invoice.centre.iban ?? "" };
  return (
    <>
      <h1>{t("invoices.payPage.from", values)}</h1>
      {invoice.status === "CREDITED" ? (
        <p>{t("invoices.payPage.credited")}</p>
      ) : invoice.openCents === 0 ? (
        <p>{t("invoices.payPage.paid")}</p>
      ) : (
        <>
          <p className="text-xl font-bold">
            {t("invoices.payPage.open", { amount: formatMoney(invoice.openCents, locale) })}
          </p>
          <p>
            {t("invoices.payPage.due", {
              date: formatShortDate(new Date(invoice.dueAt), invoice.centre.timeZone, locale),
            })}
          </p>
          <p>
            {invoice.centre.iban
              ? t("invoices.payPage.transfer", values)
              : t("invoices.payPage.transferNoIban", values)}
          </p>
        </>
      )}
    </>
  );
}
