import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ibanField, kvkNumberField, vatNumberField } from "~/domain/shared/business-numbers";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems } from "~/components/workspace";
import { saveCentreDetails } from "~/domain/centre/settings.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { saveSettingsForm } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.centreDetails.title");

const text = (max: number, error = "booking.errors.text") =>
  z.string().trim().max(max, { error }).optional().default("");

const detailsSchema = z.object({
  name: z
    .string({ error: "workspace.centreDetails.nameRequired" })
    .trim()
    .min(2, { error: "workspace.centreDetails.nameRequired" })
    .max(120),
  street: text(120),
  postalCode: text(12),
  city: text(80),
  email: z.email({ error: "booking.errors.email" }).optional().or(z.literal("")),
  phone: text(20),
  iban: ibanField,
  kvkNumber: kvkNumberField,
  vatNumber: vatNumberField,
  invoicePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{0,6}$/, { error: "workspace.centreDetails.prefixInvalid" })
    .optional()
    .default(""),
  paymentTermDays: z.coerce
    .number({ error: "workspace.centreDetails.termInvalid" })
    .int({ error: "workspace.centreDetails.termInvalid" })
    .min(0, { error: "workspace.centreDetails.termInvalid" })
    .max(90, { error: "workspace.centreDetails.termInvalid" }),
});

/** The centre's details printed on invoices: address, KvK, VAT number, IBAN, numbering and payment term. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  return {
    centre: { slug: centre.slug, name: centre.name },
    values: {
      name: centre.name,
      street: centre.street,
      postalCode: centre.postalCode,
      city: centre.city,
      email: centre.email ?? "",
      phone: centre.phone ?? "",
      iban: centre.iban ?? "",
      kvkNumber: centre.kvkNumber ?? "",
      vatNumber: centre.vatNumber ?? "",
      invoicePrefix: centre.invoicePrefix,
      paymentTermDays: String(centre.paymentTermDays),
    },
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSettingsForm(request, params.slug, {
    schema: detailsSchema,
    save: (actor, value) =>
      saveCentreDetails(actor, {
        ...value,
        email: value.email || null,
        phone: value.phone || null,
        iban: value.iban || null,
        kvkNumber: value.kvkNumber || null,
        vatNumber: value.vatNumber || null,
      }),
    savedTo: (slug) => `/manage/${slug}/settings/centre?saved=1`,
  });
}

export default function CentreDetails() {
  const { centre, values, saved, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "centre-details",
    lastResult,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: detailsSchema }),
  });
  return (
    <>
      <h1>{t("workspace.centreDetails.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="centre" />
      {saved ? <Done>{t("workspace.form.saved")}</Done> : null}
      <p>{t("workspace.centreDetails.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-2xl gap-4">
        <EditableFields canEdit={canEdit} submitLabel={t("workspace.form.save")}>
          <FormProblems id={form.errorId} errors={form.errors} />
          <TextField meta={fields.name} label={t("workspace.centreDetails.name")} />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField meta={fields.street} label={t("workspace.centreDetails.street")} className="sm:col-span-3" />
            <TextField meta={fields.postalCode} label={t("workspace.centreDetails.postalCode")} />
            <TextField meta={fields.city} label={t("workspace.centreDetails.city")} className="sm:col-span-2" />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField meta={fields.email} label={t("workspace.centreDetails.email")} type="email" />
            <TextField meta={fields.phone} label={t("workspace.centreDetails.phone")} type="tel" />
            <TextField meta={fields.iban} label={t("workspace.centreDetails.iban")} />
            <TextField meta={fields.kvkNumber} label={t("workspace.centreDetails.kvk")} inputMode="numeric" />
            <TextField
              meta={fields.vatNumber}
              label={t("workspace.centreDetails.vat")}
              hint={t("workspace.centreDetails.vatHint")}
            />
            <TextField
              meta={fields.invoicePrefix}
              label={t("workspace.centreDetails.prefix")}
              hint={t("workspace.centreDetails.prefixHint")}
            />
            <TextField
              meta={fields.paymentTermDays}
              label={t("workspace.centreDetails.term")}
              type="number"
              min={0}
              max={90}
              inputMode="numeric"
            />
          </div>
        </EditableFields>
      </Form>
    </>
  );
}
