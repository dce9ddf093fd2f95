import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormProblems } from "~/components/workspace";
import { canPayOnline, openInvoiceCheckout } from "~/domain/money/invoice-checkout.server";
import { answerForm, formMessage } from "~/lib/form-action.server";
import { clientAddress } from "~/lib/rate-limits.server";
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
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const invoice = await invoiceForPayLink(params.token ?? "");
    return {
      online: await canPayOnline(invoice.centre.id),
      paidJustNow: new URL(request.url).searchParams.get("paid") === "1",
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

/** "Pay online": to Stripe's page for what is open (a second click goes to the same page). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  return answerForm(await request.formData(), {
    schema: z.object({ intent: z.literal("pay") }),
    limits: () => [{ limit: "payInvoicePerClient", key: clientAddress(context) }],
    work: () => openInvoiceCheckout(params.token ?? ""),
    done: ({ url }) => redirect(url),
  });
}

export default function PayInvoice() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
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
  const { invoice, online, paidJustNow } = loaded;
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
          {paidJustNow ? (
            <p role="status" className="card border-brand-700 bg-brand-50">
              {t("invoices.payPage.paidJustNow")}
            </p>
          ) : null}
          {online ? (
            <Form method="post" className="my-4">
              <FormProblems errors={reply && formMessage(reply) ? [formMessage(reply)!] : undefined} />
              <p className="m-0 mb-2">{t("invoices.payPage.payOnlineHint")}</p>
              <button type="submit" name="intent" value="pay" className="button">
                {t("invoices.payPage.payOnline", { amount: formatMoney(invoice.openCents, locale) })}
              </button>
            </Form>
          ) : null}
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
