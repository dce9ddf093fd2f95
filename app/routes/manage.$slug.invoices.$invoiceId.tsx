import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { Done, FormProblems, ScrollArea } from "~/components/workspace";
import { collectInvoiceByDirectDebit, directDebitState } from "~/domain/money/direct-debit.server";
import { payLinkOf } from "~/domain/money/invoice-pay-links.server";
import { getInvoice } from "~/domain/money/invoices.server";
import { paymentSettingsView } from "~/domain/money/stripe.server";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { translatorWith } from "~/i18n/translate";
import { catalogues } from "~/i18n/translate.server";
import { useT } from "~/i18n/react";
import { answerForm, formMessage } from "~/lib/form-action.server";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.invoices.oneTitle", { number: data?.invoice.number ?? "" });

/** One invoice as printed: what Dutch law asks of an invoice (art. 35a Wet OB), in the centre's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, role, user } = await requireCentrePermission(request, params.slug, "centre.read");
  const invoice = await orNotFound(getInvoice(centre.id, idParam(params.invoiceId)));
  const debit = await directDebitState(centre.id, invoice.id);
  // the pay link only where the centre takes online payments and money is still open
  const payLink =
    invoice.paidCents < invoice.totalInclCents && (await paymentSettingsView(centre.id)).configured
      ? await payLinkOf(invoice)
      : null;
  return {
    centre: { slug: centre.slug, name: centre.name },
    invoice: {
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      dueAt: invoice.dueAt,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      totalExclCents: invoice.totalExclCents,
      vatCents: invoice.vatCents,
      totalInclCents: invoice.totalInclCents,
      status: invoice.status,
      paidCents: invoice.paidCents,
      billing: invoice.billing,
      lines: invoice.lines.map((line) => ({
        id: line.id,
        description: line.description,
        amountExclCents: line.amountExclCents,
        vatBp: line.vatBp,
        vatCents: line.vatCents,
      })),
      vatByRate: invoice.vatByRate,
      payLink,
    },
    // the invoice's own words, in its language (the page only loads the reader's catalogue)
    invoiceWords: catalogues[invoice.billing.locale].workspace.invoice,
    isNew: new URL(request.url).searchParams.get("new") === "1",
    collected: new URL(request.url).searchParams.get("collected") === "1",
    // a manager may collect what is open from a mandate the organisation gave
    directDebit:
      can({ installationRole: user.installationRole, role }, "payments.manage") &&
      payLink !== null &&
      debit.mandate &&
      debit.open &&
      !debit.underWay
        ? { organisation: debit.organisation }
        : null,
  };
}

/** Collects what is open on the invoice from the organisation's direct debit mandate. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "payments.manage");
  const invoiceId = idParam(params.invoiceId);
  return answerForm(await request.formData(), {
    schema: z.object({ intent: z.literal("collect") }),
    work: () => collectInvoiceByDirectDebit(actor, invoiceId),
    done: () => redirect(`/manage/${centre.slug}/invoices/${invoiceId}?collected=1`),
  });
}

export default function InvoicePage() {
  const { centre, invoice, invoiceWords, isNew, collected, directDebit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const pageT = useT();
  // The invoice itself is in the language it was made in, whatever the reader's language.
  const locale = invoice.billing.locale;
  const t = translatorWith(locale, { workspace: { invoice: invoiceWords } });
  const tz = invoice.billing.timeZone;
  const money = (cents: number) => formatMoney(cents, locale);
  const day = (value: string | Date) => formatShortDate(new Date(value), tz, locale);
  const supplier = invoice.billing.supplier;
  const customer = invoice.billing.customer;
  const exempt = invoice.lines.some((line) => line.vatBp === null);
  return (
    <>
      <div className="print:hidden">
        <p className="m-0">
          <Link to={`/manage/${centre.slug}/invoices`}>{pageT("workspace.invoices.back")}</Link>
        </p>
        {isNew ? <Done>{pageT("workspace.invoices.made", { number: invoice.number })}</Done> : null}
        {collected ? <Done>{pageT("invoices.directDebit.collected")}</Done> : null}
        <FormProblems errors={reply && formMessage(reply) ? [formMessage(reply)!] : undefined} />
        {directDebit ? (
          <Form method="post" className="my-3">
            <p className="m-0 mb-2">
              {pageT("invoices.directDebit.collectHint", { organisation: directDebit.organisation })}
            </p>
            <button type="submit" name="intent" value="collect" className="button">
              {pageT("invoices.directDebit.collect")}
            </button>
          </Form>
        ) : null}
        <p>{pageT("workspace.invoices.printHelp")}</p>
      </div>
      <article aria-labelledby="invoice-title" lang={locale} className="card my-4 print:border-0 print:p-0">
        <div className="flex flex-wrap justify-between gap-6">
          <div>
            <p className="m-0 text-lg font-bold">{supplier.name}</p>
            <p className="m-0">{supplier.street}</p>
            <p className="m-0">
              {supplier.postalCode} {supplier.city}
            </p>
            {supplier.email ? <p className="m-0">{supplier.email}</p> : null}
            {supplier.phone ? <p className="m-0">{supplier.phone}</p> : null}
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
            {customer.contact && customer.contact !== customer.name ? (
              <p className="m-0">{t("workspace.invoice.attention", { name: customer.contact })}</p>
            ) : null}
            {customer.address ? <p className="m-0 whitespace-pre-line">{customer.address}</p> : null}
            {customer.postalCode || customer.city ? (
              <p className="m-0">
                {customer.postalCode} {customer.city}
              </p>
            ) : null}
            {customer.kvkNumber ? (
              <p className="m-0">{t("workspace.invoice.kvk", { number: customer.kvkNumber })}</p>
            ) : null}
            {customer.vatNumber ? (
              <p className="m-0">{t("workspace.invoice.vatNumber", { number: customer.vatNumber })}</p>
            ) : null}
          </div>
        </div>
        <h1 id="invoice-title" className="mt-6">
          {t("workspace.invoice.heading", { number: invoice.number })}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("workspace.invoice.date")}</dt>
          <dd className="m-0">{day(invoice.issuedAt)}</dd>
          <dt className="font-bold">{t("workspace.invoice.due")}</dt>
          <dd className="m-0">{day(invoice.dueAt)}</dd>
          {invoice.periodStart && invoice.periodEnd ? (
            <>
              <dt className="font-bold">{t("workspace.invoice.period")}</dt>
              <dd className="m-0">
                {String(invoice.periodStart).slice(0, 10)} – {String(invoice.periodEnd).slice(0, 10)}
              </dd>
            </>
          ) : null}
        </dl>
        <ScrollArea label={t("workspace.invoice.lines")} className="mt-4">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("workspace.invoice.lines")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-500">
                <th scope="col" className="py-2 pr-3">
                  {t("workspace.invoice.description")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.invoice.excl")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.invoice.vatRate")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("workspace.invoice.vat")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.id} className="border-b border-gray-200 align-top">
                  <td className="py-2 pr-3">{line.description}</td>
                  <td className="py-2 pr-3 text-right">{money(line.amountExclCents)}</td>
                  <td className="py-2 pr-3 text-right">
                    {line.vatBp === null ? t("workspace.invoice.exempt") : `${line.vatBp / 100}%`}
                  </td>
                  <td className="py-2 text-right">{money(line.vatCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
        <dl className="ml-auto mt-4 grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-1">
          <dt>{t("workspace.invoice.totalExcl")}</dt>
          <dd className="m-0 text-right">{money(invoice.totalExclCents)}</dd>
          {invoice.vatByRate.map((rate) => (
            <div key={String(rate.vatBp)} className="contents">
              <dt>
                {rate.vatBp === null
                  ? t("workspace.invoice.exemptOver", { base: money(rate.baseCents) })
                  : t("workspace.invoice.vatOver", { percent: rate.vatBp / 100, base: money(rate.baseCents) })}
              </dt>
              <dd className="m-0 text-right">{money(rate.vatCents)}</dd>
            </div>
          ))}
          <dt className="font-bold">{t("workspace.invoice.totalIncl")}</dt>
          <dd className="m-0 text-right font-bold">{money(invoice.totalInclCents)}</dd>
          {invoice.paidCents > 0 ? (
            <>
              <dt>{t("workspace.invoice.paid")}</dt>
              <dd className="m-0 text-right">{money(invoice.paidCents)}</dd>
            </>
          ) : null}
        </dl>
        {exempt ? <p className="mt-4">{t("workspace.invoice.exemptNote")}</p> : null}
        <p className="mt-4">
          {supplier.iban
            ? t("workspace.invoice.payBy", {
                date: day(invoice.dueAt),
                iban: supplier.iban,
                name: supplier.name,
                number: invoice.number,
              })
            : t("workspace.invoice.payByNoIban", { date: day(invoice.dueAt), number: invoice.number })}
        </p>
        {invoice.payLink ? (
          <p className="mt-2 break-all">{t("workspace.invoice.payOnline", { link: invoice.payLink })}</p>
        ) : null}
      </article>
    </>
  );
}
