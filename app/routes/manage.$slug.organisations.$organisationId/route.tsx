import type { action, loader } from "./data.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/form-field";
import { Done, EditableFields, FormProblems, Money, TierBadge } from "~/components/workspace";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { detailsSchema } from "./schema";

export { action, loader } from "./data.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.organisations.oneTitle", { name: data?.organisation.name ?? "" });

export default function OrganisationPage() {
  const { centre, organisation, values, account, invoices, saved, canEdit, canPay } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "organisation",
    lastResult,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: detailsSchema }),
  });
  const tz = centre.timeZone;
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/organisations`}>{t("workspace.organisations.back")}</Link>
      </p>
      <h1>{organisation.name}</h1>
      {saved ? <Done>{t("workspace.form.saved")}</Done> : null}
      <p>
        <TierBadge tier={organisation.effective} />{" "}
        {organisation.verifiedAt
          ? t("workspace.organisations.verifiedOn", {
              date: formatShortDate(new Date(organisation.verifiedAt), tz, locale),
              name: organisation.verifiedBy ?? "?",
            })
          : t("workspace.organisations.claims", { tier: t(`tier.${organisation.claimed}`) })}
      </p>
      {organisation.members.length > 0 ? (
        <p>
          {t("workspace.organisations.accounts")}:{" "}
          {organisation.members.map((member) => `${member.name} (${member.email})`).join(", ")}
        </p>
      ) : null}

      <h2>{t("workspace.organisations.money")}</h2>
      {account ? (
        <>
          <p>
            {t("workspace.booking.owed")}: <Money cents={account.dueCents} /> · {t("workspace.booking.paid")}:{" "}
            <Money cents={account.paidCents} /> · {t("workspace.booking.outstanding")}:{" "}
            <strong>
              <Money cents={account.outstandingCents} />
            </strong>{" "}
            · {t("workspace.booking.upcoming")}: <Money cents={account.upcomingCents} />
          </p>
          <ul>
            {account.bookings.map((booking) => (
              <li key={booking.bookingId}>
                <Link to={`/manage/${centre.slug}/bookings/${booking.bookingId}`}>{booking.title}</Link>:{" "}
                {t("workspace.booking.outstanding")} <Money cents={booking.outstandingCents} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("workspace.booking.nothingOwed")}</p>
      )}
      {canPay ? (
        <p className="flex flex-wrap gap-3">
          <Link
            className="button-secondary"
            to={`/manage/${centre.slug}/payments?organisationId=${organisation.id}#register`}
          >
            {t("workspace.booking.registerPayment")}
          </Link>
          <Link
            className="button-secondary"
            to={`/manage/${centre.slug}/invoices?organisationId=${organisation.id}#make`}
          >
            {t("workspace.invoices.make")}
          </Link>
        </p>
      ) : null}
      <h3>{t("workspace.invoices.title")}</h3>
      {invoices.length === 0 ? (
        <p>{t("workspace.invoices.none")}</p>
      ) : (
        <ul>
          {invoices.map((invoice) => (
            <li key={invoice.id}>
              <Link to={`/manage/${centre.slug}/invoices/${invoice.id}`}>{invoice.number}</Link> ·{" "}
              {formatShortDate(new Date(invoice.issuedAt), tz, locale)} · <Money cents={invoice.totalInclCents} /> ·{" "}
              {t(`workspace.invoiceStatus.${invoice.status}`)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("workspace.organisations.details")}</h2>
      <Form method="post" {...getFormProps(form)} className="grid max-w-2xl gap-4">
        <EditableFields canEdit={canEdit} submitLabel={t("workspace.form.save")}>
          <FormProblems id={form.errorId} errors={form.errors} />
          <TextField meta={fields.name} label={t("workspace.organisation.name")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField meta={fields.contactName} label={t("workspace.organisation.contactName")} />
            <TextField meta={fields.contactPhone} label={t("workspace.organisation.phone")} type="tel" />
            <TextField meta={fields.contactEmail} label={t("workspace.organisation.emailOptional")} type="email" />
            <SelectField
              meta={fields.locale}
              label={t("workspace.organisation.language")}
              options={[
                { value: "nl", label: t("language.names.nl") },
                { value: "en", label: t("language.names.en") },
              ]}
            />
          </div>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="field-label">{t("workspace.organisations.billing")}</legend>
            <TextField meta={fields.billingName} label={t("workspace.organisations.billingName")} />
            <TextField meta={fields.billingEmail} label={t("workspace.organisations.billingEmail")} type="email" />
            <TextArea meta={fields.billingAddress} label={t("workspace.organisations.billingAddress")} rows={2} />
            <div className="grid gap-4">
              <TextField meta={fields.billingPostalCode} label={t("workspace.centreDetails.postalCode")} />
              <TextField meta={fields.billingCity} label={t("workspace.centreDetails.city")} />
            </div>
            <TextField meta={fields.kvkNumber} label={t("workspace.centreDetails.kvk")} />
            <TextField meta={fields.vatNumber} label={t("workspace.centreDetails.vat")} />
          </fieldset>
        </EditableFields>
      </Form>
    </>
  );
}
