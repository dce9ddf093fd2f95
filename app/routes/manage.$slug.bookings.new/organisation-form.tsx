import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { SelectField, TextArea, TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { useT } from "~/i18n/react";
import { TIERS, newOrganisationSchema } from "./schema";

/** Add a group that phones or walks in; the page's room, date and time go along and come back. */
export function NewOrganisationForm({
  lastResult,
  open,
  keep,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  open: boolean;
  keep: { roomId: string; date: string; time: string };
}) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof newOrganisationSchema>>({
    id: "new-organisation",
    lastResult,
    defaultValue: { tier: "RESIDENT_INITIATIVE", locale: "nl" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newOrganisationSchema }),
  });
  return (
    <details className="card my-4" open={open}>
      <summary className="cursor-pointer font-bold text-brand-700">{t("workspace.onBehalf.newOrganisation")}</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 grid max-w-xl gap-4">
        <input type="hidden" name="intent" value="add-organisation" />
        <input type="hidden" name="keep-roomId" value={keep.roomId} />
        <input type="hidden" name="keep-date" value={keep.date} />
        <input type="hidden" name="keep-time" value={keep.time} />
        <FormProblems id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.name}
          label={t("workspace.organisation.name")}
          hint={t("workspace.organisation.nameHint")}
        />
        <SelectField
          meta={fields.tier}
          label={t("workspace.organisation.tier")}
          options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
        />
        <TextField meta={fields.contactName} label={t("workspace.organisation.contactName")} autoComplete="off" />
        <TextField
          meta={fields.contactPhone}
          label={t("workspace.organisation.phone")}
          type="tel"
          hint={t("workspace.onBehalf.phoneOrEmail")}
          autoComplete="off"
        />
        <TextField
          meta={fields.contactEmail}
          label={t("workspace.organisation.emailOptional")}
          type="email"
          autoComplete="off"
        />
        <SelectField
          meta={fields.locale}
          label={t("workspace.organisation.language")}
          options={[
            { value: "nl", label: t("language.names.nl") },
            { value: "en", label: t("language.names.en") },
          ]}
        />
        <TextArea meta={fields.billingAddress} label={t("workspace.organisation.addressOptional")} rows={2} />
        <div>
          <button type="submit" className="button">
            {t("workspace.onBehalf.addOrganisation")}
          </button>
        </div>
      </Form>
    </details>
  );
}
