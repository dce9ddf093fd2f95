import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SelectField, TextArea, TextField } from "~/components/form-field";
import { Done, EditableFields, FormProblems, Money, TierBadge } from "~/components/workspace";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { listInvoices } from "~/domain/money/invoices.server";
import { organisationOfCentre, updateOrganisation } from "~/domain/workspace/organisation-admin.server";
import { accounts } from "~/domain/money/payments.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { clock } from "~/lib/clock";
import { shownText } from "~/domain/shared/visible-text";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.organisations.oneTitle", { name: data?.organisation.name ?? "" });

const optional = (max: number) => z.string().trim().max(max, { error: "booking.errors.text" }).optional().default("");
const detailsSchema = z
  .object({
    name: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
    contactName: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
    contactEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, { error: "booking.errors.phone" })
      .optional()
      .or(z.literal("")),
    locale: z.enum(["nl", "en"]),
    billingName: optional(120),
    billingAddress: optional(200),
    billingPostalCode: optional(12),
    billingCity: optional(80),
    billingEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    kvkNumber: z
      .string()
      .trim()
      .regex(/^(\d{8})?$/, { error: "workspace.centreDetails.kvkInvalid" })
      .optional()
      .default(""),
    vatNumber: z
      .string()
      .trim()
      .regex(/^([A-Z]{2}[0-9A-Z]{8,12})?$/, { error: "workspace.centreDetails.vatInvalid" })
      .optional()
      .default(""),
  })
  .refine((value) => Boolean(value.contactEmail) || Boolean(value.contactPhone), {
    path: ["contactPhone"],
    error: "workspace.onBehalf.contactNeeded",
  });

/** One organisation: contact and billing details, what it owes and its invoices. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const organisationId = idParam(params.organisationId);
  const organisation = await orNotFound(organisationOfCentre(centre.id, organisationId));
  const [account] = await accounts(centre.id, clock.now(), { organisationId });
  const invoices = await listInvoices(centre.id, { organisationId });
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      claimed: organisation.tier,
      effective: effectiveTier(organisation, centre.unverifiedTier),
      verifiedAt: organisation.tierVerifiedAt,
      verifiedBy: organisation.verifiedBy?.name ?? null,
      members: organisation.members.map((member) => member.user),
    },
    values: {
      name: organisation.name,
      contactName: organisation.contactName,
      contactEmail: organisation.contactEmail ?? "",
      contactPhone: organisation.contactPhone ?? "",
      locale: organisation.locale,
      billingName: organisation.billingName ?? "",
      billingAddress: organisation.billingAddress ?? "",
      billingPostalCode: organisation.billingPostalCode ?? "",
      billingCity: organisation.billingCity ?? "",
      billingEmail: organisation.billingEmail ?? "",
      kvkNumber: organisation.kvkNumber ?? "",
      vatNumber: organisation.vatNumber ?? "",
    },
    account: account ?? null,
    invoices,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    canPay: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const organisationId = idParam(params.organisationId);
  await orNotFound(assertOfCentre(centre.id, "organisation", organisationId));
  return answerForm(await request.formData(), {
    schema: detailsSchema,
    work: (value) =>
      updateOrganisation(actor, organisationId, {
        ...value,
        contactEmail: value.contactEmail || null,
        contactPhone: value.contactPhone || null,
        billingName: value.billingName || null,
        billingAddress: value.billingAddress || null,
        billingPostalCode: value.billingPostalCode || null,
        billingCity: value.billingCity || null,
        billingEmail: value.billingEmail || null,
        kvkNumber: value.kvkNumber || null,
        vatNumber: value.vatNumber || null,
      }),
    done: () => redirect(`/manage/${centre.slug}/organisations/${organisationId}?saved=1`),
    refusalFields: { "organisation-name-taken": "name" },
  });
}

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
