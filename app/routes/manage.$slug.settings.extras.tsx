import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { CheckboxField, SelectField, TextField } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems } from "~/components/workspace";
import { checkbox, eurosToCents, TIERS } from "~/domain/bookings/form";
import { listExtras, saveExtra } from "~/domain/money/extras.server";
import { shownText } from "~/domain/shared/visible-text";
import type { Tier } from "~/generated/prisma/enums";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "extras.settings.title");

const UNITS = ["PER_BOOKING", "PER_PERSON", "PER_HOUR"] as const;
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,5}([.,]\d{1,2})?$/, { error: "extras.refusal.priceInvalid" })
  .optional();

const extraSchema = z.object({
  extraId: z.uuid().optional(),
  name: shownText({ min: 2, max: 80, error: "booking.errors.name" }),
  unit: z.enum(UNITS),
  vatBp: z.coerce
    .number({ error: "extras.refusal.vatInvalid" })
    .refine((value) => value === 900 || value === 2100, { error: "extras.refusal.vatInvalid" }),
  active: checkbox.default(false),
  RESIDENT_INITIATIVE: euros,
  ASSOCIATION: euros,
  PRIVATE: euros,
  COMMERCIAL: euros,
});

const asEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

/** The centre's extras (coffee and tea, a projector, the sound system): unit, VAT and a price per tier. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const extras = await listExtras(centre.id);
  return {
    centre: { slug: centre.slug },
    extras: extras.map((extra) => ({
      id: extra.id,
      name: extra.name,
      values: {
        extraId: extra.id,
        name: extra.name,
        unit: extra.unit,
        vatBp: String(extra.vatBp),
        active: extra.active ? "on" : "",
        ...Object.fromEntries(
          TIERS.map((tier) => {
            const price = extra.prices.find((candidate) => candidate.tier === tier);
            return [tier, price ? asEuros(price.priceCents) : ""];
          }),
        ),
      } as Record<string, string>,
    })),
    saved: new URL(request.url).searchParams.get("saved"),
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  const formData = await request.formData();
  return answerForm(formData, {
    schema: extraSchema,
    work: (value) =>
      saveExtra(actor, value.extraId ?? null, {
        name: value.name,
        unit: value.unit,
        vatBp: value.vatBp,
        active: value.active,
        prices: Object.fromEntries(
          TIERS.filter((tier) => value[tier]).map((tier) => [tier, eurosToCents(value[tier])]),
        ) as Partial<Record<Tier, number>>,
      }),
    done: (_saved, value) => redirect(`/manage/${centre.slug}/settings/extras?saved=${encodeURIComponent(value.name)}`),
    words: {
      "extra-name-taken": { key: "extras.refusal.nameTaken", field: "name" },
      "extra-vat-invalid": { key: "extras.refusal.vatInvalid", field: "vatBp" },
      "extra-price-invalid": { key: "extras.refusal.priceInvalid" },
    },
    back: (result, init) => data({ form: String(formData.get("extraId") || "new"), result }, init),
  });
}

export default function Extras() {
  const { centre, extras, saved } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("extras.settings.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="extras" />
      <p>{t("extras.settings.intro")}</p>
      {saved ? <Done>{t("extras.settings.saved", { name: saved })}</Done> : null}
      {extras.length === 0 ? <p>{t("extras.settings.none")}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {extras.map((extra) => (
          <ExtraForm key={extra.id} id={extra.id} title={extra.name} values={extra.values} />
        ))}
        <ExtraForm
          id="new"
          title={t("extras.settings.add")}
          values={{ unit: "PER_BOOKING", vatBp: "2100", active: "on" }}
        />
      </div>
    </>
  );
}

function ExtraForm({ id, title, values }: { id: string; title: string; values: Record<string, string> }) {
  const { canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof extraSchema>>({
    id: `extra-${id}`,
    lastResult: actionData && "form" in actionData && actionData.form === id ? actionData.result : undefined,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extraSchema }),
  });
  const headingId = `extra-${id}-title`;
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={headingId} className="card grid gap-3">
      <EditableFields
        canEdit={canEdit}
        submitLabel={id === "new" ? t("extras.settings.addButton") : t("extras.settings.save")}
      >
        <h2 id={headingId} className="m-0 text-lg">
          {title}
        </h2>
        {id !== "new" ? <input type="hidden" name="extraId" value={id} /> : null}
        <FormProblems id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("extras.settings.name")} />
        <SelectField
          meta={fields.unit}
          label={t("extras.settings.unit")}
          options={UNITS.map((unit) => ({ value: unit, label: t(`extras.unit.${unit}`) }))}
        />
        <SelectField
          meta={fields.vatBp}
          label={t("extras.settings.vatRate")}
          options={[
            { value: "900", label: t("extras.settings.vat9") },
            { value: "2100", label: t("extras.settings.vat21") },
          ]}
        />
        <fieldset>
          <legend className="field-label">{t("extras.settings.prices")}</legend>
          <p className="m-0 mb-1 text-muted">{t("extras.settings.priceHint")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {TIERS.map((tier) => (
              <TextField key={tier} meta={fields[tier]} label={t(`tier.${tier}`)} inputMode="decimal" />
            ))}
          </div>
        </fieldset>
        <CheckboxField meta={fields.active} label={t("extras.settings.active")} />
      </EditableFields>
    </Form>
  );
}
