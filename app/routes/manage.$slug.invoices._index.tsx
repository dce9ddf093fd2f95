import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { FormProblems, Money, MoneyNavigation, ScrollArea } from "~/components/workspace";
import { submissionKeyField } from "~/domain/shared/submission-key";
import { invoiceableBookings, issueInvoice, listInvoices } from "~/domain/money/invoices.server";
import { organisationChoices } from "~/domain/workspace/organisation-admin.server";
import { localDateAt } from "~/domain/time/time-zone";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.invoices.title");

const invoiceSchema = z
  .object({
    scope: z.enum(["booking", "month"], { error: "workspace.invoices.scopeRequired" }),
    bookingId: z.union([z.uuid(), z.literal("")]).default(""),
    organisationId: z.union([z.uuid(), z.literal("")]).default(""),
    month: z
      .union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "workspace.invoices.monthInvalid" }), z.literal("")])
      .default(""),
    submissionKey: submissionKeyField,
  })
  .superRefine((value, context) => {
    if (value.scope === "booking" && !value.bookingId)
      context.addIssue({ code: "custom", path: ["bookingId"], message: "workspace.invoices.bookingRequired" });
    if (value.scope === "month" && !value.organisationId)
      context.addIssue({
        code: "custom",
        path: ["organisationId"],
        message: "workspace.invoices.organisationRequired",
      });
    if (value.scope === "month" && !value.month)
      context.addIssue({ code: "custom", path: ["month"], message: "workspace.invoices.monthInvalid" });
  });

/** The centre's invoices, numbered without gaps; a new one for a booking or for a month of an organisation. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const [invoices, bookings, organisations] = await Promise.all([
    listInvoices(centre.id),
    invoiceableBookings(centre.id),
    organisationChoices(centre.id),
  ]);
  const today = localDateAt(clock.now(), centre.timeZone);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    invoices,
    bookings,
    organisations,
    defaults: {
      scope: url.searchParams.get("bookingId") ? "booking" : "month",
      bookingId: url.searchParams.get("bookingId") ?? "",
      organisationId: url.searchParams.get("organisationId") ?? "",
      month: today.slice(0, 7),
      submissionKey: newSubmissionKey(context),
    },
    canMake: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "payments.manage");
  const invoicePage = (invoiceId: string) => redirect(`/manage/${centre.slug}/invoices/${invoiceId}?new=1`);
  return answerForm(await request.formData(), {
    schema: invoiceSchema,
    work: (value) =>
      issueInvoice(
        actor,
        value.scope === "booking"
          ? { bookingId: value.bookingId }
          : { organisationId: value.organisationId, month: value.month },
        clock.now(),
        { key: value.submissionKey, centreId: centre.id, kind: "invoice" },
      ),
    done: (invoice) => invoicePage(invoice.id),
    // The same form sent twice: the first one made the invoice.
    again: (invoiceId) => (invoiceId ? invoicePage(invoiceId) : undefined),
    refusalFields: { "invoice-month-invalid": "month" },
  });
}

export default function Invoices() {
  const { centre, invoices, bookings, organisations, defaults, canMake } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "invoice",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invoiceSchema }),
  });
  return (
    <>
      <h1>{t("workspace.invoices.title")}</h1>
      <MoneyNavigation slug={centre.slug} current="invoices" />
      <p>{t("workspace.invoices.intro")}</p>
      {canMake ? (
        <section aria-labelledby="make-title" id="make" className="card my-4">
          <h2 id="make-title" className="mt-0">
            {t("workspace.invoices.make")}
          </h2>
          <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-4">
            <FormProblems id={form.errorId} errors={form.errors} />
            <SubmissionKey meta={fields.submissionKey} />
            <fieldset>
              <legend className="field-label">{t("workspace.invoices.scope")}</legend>
              {(["month", "booking"] as const).map((scope) => (
                <div key={scope} className="flex items-center gap-3 py-1">
                  <input
                    type="radio"
                    id={`scope-${scope}`}
                    name={fields.scope.name}
                    value={scope}
                    defaultChecked={(fields.scope.initialValue ?? defaults.scope) === scope}
                    className="h-6 w-6"
                  />
                  <label htmlFor={`scope-${scope}`}>{t(`workspace.invoices.scope-${scope}`)}</label>
                </div>
              ))}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                meta={fields.organisationId}
                label={t("workspace.booking.organisation")}
                options={[
                  { value: "", label: t("workspace.onBehalf.chooseOrganisation") },
                  ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
                ]}
              />
              <TextField
                meta={fields.month}
                label={t("workspace.invoices.month")}
                type="month"
                hint={t("workspace.invoices.monthHint")}
              />
            </div>
            <SelectField
              meta={fields.bookingId}
              label={t("workspace.invoices.booking")}
              options={[
                { value: "", label: t("workspace.invoices.chooseBooking") },
                ...bookings.map((booking) => ({ value: booking.id, label: booking.label })),
              ]}
            />
            <div>
              <button type="submit" className="button">
                {t("workspace.invoices.makeSubmit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
      {invoices.length === 0 ? (
        <p>{t("workspace.invoices.none")}</p>
      ) : (
        <ScrollArea label={t("workspace.invoices.title")}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("workspace.invoices.title")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-3">
                  {t("workspace.invoices.number")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("workspace.booking.organisation")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("workspace.invoices.date")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.invoices.total")}
                </th>
                <th scope="col" className="py-2">
                  {t("workspace.booking.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="border-b border-gray-200">
                  <td className="py-2 pr-3">
                    <Link to={`/manage/${centre.slug}/invoices/${invoice.id}`}>{invoice.number}</Link>
                  </td>
                  <td className="py-2 pr-3">{invoice.organisation}</td>
                  <td className="py-2 pr-3">{formatShortDate(new Date(invoice.issuedAt), centre.timeZone, locale)}</td>
                  <td className="py-2 pr-3 text-right">
                    <Money cents={invoice.totalInclCents} />
                  </td>
                  <td className="py-2">{t(`workspace.invoiceStatus.${invoice.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </>
  );
}
