import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems } from "~/components/workspace";
import { paymentSettingsSchema } from "~/domain/money/payment-settings-form";
import { paymentSettingsView } from "~/domain/money/stripe.server";
import { env } from "~/env.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { answerPaymentSettings } from "./answers.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "payments.settings.title");

/**
 * The centre's own Stripe account (decision 090): keys saved encrypted and never shown again,
 * test or live, the webhook address to paste into Stripe, and how long a slot is held while
 * paying. Everyone who reads the settings sees the page; only an admin changes it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  return {
    centre: { slug: centre.slug, name: centre.name },
    settings: await paymentSettingsView(centre.id),
    webhookUrl: `${env().APP_URL}/webhooks/stripe/${centre.slug}`,
    saved: url.searchParams.get("saved") === "1",
    removed: url.searchParams.get("removed") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "payments.configure"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "payments.configure");
  return answerPaymentSettings(actor, centre.slug, await request.formData());
}

export default function PaymentSettings() {
  const { centre, settings, webhookUrl, saved, removed, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "payment-settings",
    lastResult,
    defaultValue: { holdMinutes: String(settings.holdMinutes) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paymentSettingsSchema }),
  });
  return (
    <>
      <h1>{t("payments.settings.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="payments" />
      {saved ? <Done>{t("payments.settings.saved")}</Done> : null}
      {removed ? <Done>{t("payments.settings.removed")}</Done> : null}
      <p>{t("payments.settings.intro")}</p>
      {settings.configured ? (
        <p>
          <strong>{t("payments.settings.configured", { hint: settings.keyHint ?? "" })}</strong>{" "}
          {settings.livemode ? t("payments.settings.live") : t("payments.settings.test")}
        </p>
      ) : (
        <p>{t("payments.settings.notConfigured")}</p>
      )}
      {settings.canEncrypt ? null : <p role="alert">{t("payments.settings.noEncryption")}</p>}
      {canEdit ? null : <p>{t("payments.settings.adminOnly")}</p>}
      <div className="card grid max-w-xl gap-2">
        <p className="m-0">{t("payments.settings.webhookUrl")}</p>
        <p className="m-0 break-all">
          <code>{webhookUrl}</code>
        </p>
        <p className="m-0 text-sm">{t("payments.settings.webhookEvents")}</p>
      </div>
      <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-3">
        <EditableFields canEdit={canEdit} submitLabel={t("payments.settings.save")}>
          <FormProblems id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="save" />
          <TextField
            meta={fields.secretKey}
            label={t("payments.settings.secretKey")}
            hint={t("payments.settings.secretKeyHelp")}
            type="password"
            autoComplete="off"
          />
          <TextField
            meta={fields.webhookSecret}
            label={t("payments.settings.webhookSecret")}
            type="password"
            autoComplete="off"
          />
          <TextField
            meta={fields.holdMinutes}
            label={t("payments.settings.holdMinutes")}
            hint={t("payments.settings.holdMinutesHelp")}
            type="number"
            min={30}
            max={120}
            inputMode="numeric"
          />
        </EditableFields>
      </Form>
      {settings.configured && canEdit ? (
        <Form method="post" className="grid max-w-xl gap-2">
          <p className="m-0">{t("payments.settings.removeHelp")}</p>
          <p className="m-0">
            <button type="submit" name="intent" value="remove" className="button-secondary">
              {t("payments.settings.remove")}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  );
}
