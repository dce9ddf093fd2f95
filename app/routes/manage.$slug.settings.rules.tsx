import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { CheckboxField, SelectField, TextField, fieldNamed } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems } from "~/components/workspace";
import {
  COMMUNITY_ROWS,
  RULE_TIERS,
  VAT_CHOICES,
  PAYMENT_MODES,
  formFromRules,
  rulesFromForm,
  rulesSchema,
} from "~/domain/rules/rules-form";
import { rulesOf, saveRules } from "~/domain/centre/settings.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { saveSettingsForm } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.rules.title");

/** The community rules: how far ahead, approval, VAT and options per tier; community hours; the commercial share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  return {
    centre: { slug: centre.slug, name: centre.name },
    values: formFromRules(await rulesOf(centre.id)),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSettingsForm(request, params.slug, {
    schema: rulesSchema,
    save: (actor, value) => saveRules(actor, rulesFromForm(value)),
    savedTo: (slug) => `/manage/${slug}/settings/rules?saved=1`,
    refusalFields: { "share-cap-invalid": "sharePercent" },
  });
}

export default function Rules() {
  const { centre, values, saved, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "rules",
    lastResult,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rulesSchema }),
  });
  const field = (name: string) => fieldNamed(fields, name);
  const tiers = RULE_TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }));
  const weekdays = [
    { value: "", label: t("workspace.rules.noDay") },
    ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`agenda.weekday.${day}` as Key) })),
  ];
  return (
    <>
      <h1>{t("workspace.rules.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="rules" />
      {saved ? <Done>{t("workspace.form.saved")}</Done> : null}
      <p>{t("workspace.rules.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-3xl gap-6">
        <EditableFields canEdit={canEdit} submitLabel={t("workspace.form.save")}>
          <FormProblems id={form.errorId} errors={form.errors} />
          <fieldset className="card grid gap-4">
            <legend className="font-bold">{t("workspace.rules.perTier")}</legend>
            {RULE_TIERS.map((tier) => (
              <fieldset key={tier} className="grid gap-3 border-t border-gray-300 pt-3 sm:grid-cols-2">
                <legend className="font-bold">{t(`tier.${tier}`)}</legend>
                <TextField
                  meta={field(`horizon_${tier}`)}
                  label={t("workspace.rules.horizon")}
                  type="number"
                  min={1}
                  inputMode="numeric"
                />
                <SelectField
                  meta={field(`vat_${tier}`)}
                  label={t("workspace.rules.vat")}
                  options={VAT_CHOICES.map((choice) => ({ value: choice, label: t(`workspace.rules.vat-${choice}`) }))}
                />
                <SelectField
                  meta={field(`payment_${tier}`)}
                  label={t("payments.tierMode.label")}
                  options={PAYMENT_MODES.map((mode) => ({ value: mode, label: t(`payments.tierMode.${mode}`) }))}
                />
                <CheckboxField meta={field(`approval_${tier}`)} label={t("workspace.rules.approval")} />
                <CheckboxField meta={field(`provisional_${tier}`)} label={t("workspace.rules.provisional")} />
              </fieldset>
            ))}
          </fieldset>
          <fieldset className="card grid gap-3 sm:grid-cols-2">
            <legend className="font-bold">{t("workspace.rules.provisionalTitle")}</legend>
            <TextField
              meta={field("provisionalCutoffDays")}
              label={t("workspace.rules.cutoff")}
              hint={t("workspace.rules.cutoffHint")}
              type="number"
              min={0}
              inputMode="numeric"
            />
            <SelectField
              meta={field("unverifiedTier")}
              label={t("workspace.rules.unverifiedTier")}
              hint={t("workspace.rules.unverifiedHint")}
              options={tiers}
            />
          </fieldset>
          <fieldset className="card grid gap-3 sm:grid-cols-2">
            <legend className="font-bold">{t("workspace.rules.shareTitle")}</legend>
            <TextField
              meta={field("sharePercent")}
              label={t("workspace.rules.sharePercent")}
              hint={t("workspace.rules.shareHint")}
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
            />
            <SelectField
              meta={field("shareCapAction")}
              label={t("workspace.rules.shareAction")}
              options={[
                { value: "REFUSE", label: t("workspace.rules.shareRefuse") },
                { value: "REQUIRE_APPROVAL", label: t("workspace.rules.shareApproval") },
              ]}
            />
          </fieldset>
          <fieldset className="card grid gap-3">
            <legend className="font-bold">{t("workspace.rules.communityTitle")}</legend>
            <p className="m-0">{t("workspace.rules.communityHint")}</p>
            {Array.from({ length: COMMUNITY_ROWS }, (_, index) => index + 1).map((row) => (
              <fieldset key={row} className="flex flex-wrap gap-3">
                <legend className="sr-only">{t("workspace.rules.window", { row })}</legend>
                <SelectField meta={field(`chDay_${row}`)} label={t("workspace.rules.day")} options={weekdays} />
                <TextField meta={field(`chStart_${row}`)} label={t("workspace.rules.from")} type="time" />
                <TextField meta={field(`chEnd_${row}`)} label={t("workspace.rules.until")} type="time" />
              </fieldset>
            ))}
          </fieldset>
          <fieldset className="card grid gap-3 sm:grid-cols-2">
            <legend className="font-bold">{t("workspace.rules.remindersTitle")}</legend>
            <TextField
              meta={field("requestReminderDays")}
              label={t("workspace.rules.requestReminder")}
              type="number"
              min={1}
              inputMode="numeric"
            />
            <TextField
              meta={field("seriesReminderDays")}
              label={t("workspace.rules.seriesReminder")}
              type="number"
              min={0}
              inputMode="numeric"
            />
          </fieldset>
        </EditableFields>
      </Form>
    </>
  );
}
