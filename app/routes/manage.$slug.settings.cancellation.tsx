import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField, fieldNamed } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems } from "~/components/workspace";
import { CANCELLATION_ROWS, cancellationSchema, stepsFromForm } from "~/domain/rules/rules-form";
import { cancellationStepsOf, saveCancellationSteps } from "~/domain/centre/settings.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { saveSettingsForm } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.cancellation.title");

/** What cancelling costs: from N days before a date on, a share of its price. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const steps = await cancellationStepsOf(centre.id);
  const values: Record<string, string> = {};
  steps.slice(0, CANCELLATION_ROWS).forEach((step, index) => {
    values[`days_${index + 1}`] = String(step.minDaysBefore);
    values[`percent_${index + 1}`] = String(Math.round(step.feeBp / 100));
  });
  return {
    centre: { slug: centre.slug, name: centre.name },
    values,
    steps: steps.map((step) => ({ days: step.minDaysBefore, percent: step.feeBp / 100 })),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSettingsForm(request, params.slug, {
    schema: cancellationSchema,
    save: (actor, value) => saveCancellationSteps(actor, stepsFromForm(value)),
    savedTo: (slug) => `/manage/${slug}/settings/cancellation?saved=1`,
  });
}

export default function Cancellation() {
  const { centre, values, steps, saved, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "cancellation",
    lastResult,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancellationSchema }),
  });
  const field = (name: string) => fieldNamed(fields, name);
  return (
    <>
      <h1>{t("workspace.cancellation.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="cancellation" />
      {saved ? <Done>{t("workspace.form.saved")}</Done> : null}
      <p>{t("workspace.cancellation.intro")}</p>
      {steps.length > 0 ? (
        <ul>
          {steps.map((step) => (
            <li key={step.days}>{t("workspace.cancellation.step", { days: step.days, percent: step.percent })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("workspace.cancellation.free")}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-3">
        <EditableFields canEdit={canEdit} submitLabel={t("workspace.form.save")}>
          <FormProblems id={form.errorId} errors={form.errors} />
          {Array.from({ length: CANCELLATION_ROWS }, (_, index) => index + 1).map((row) => (
            <fieldset key={row} className="flex flex-wrap gap-3">
              <legend className="sr-only">{t("workspace.cancellation.row", { row })}</legend>
              <TextField
                meta={field(`days_${row}`)}
                label={t("workspace.cancellation.days")}
                type="number"
                min={0}
                inputMode="numeric"
                className="w-40"
              />
              <TextField
                meta={field(`percent_${row}`)}
                label={t("workspace.cancellation.percent")}
                type="number"
                min={0}
                max={100}
                inputMode="numeric"
                className="w-40"
              />
            </fieldset>
          ))}
        </EditableFields>
      </Form>
    </>
  );
}
