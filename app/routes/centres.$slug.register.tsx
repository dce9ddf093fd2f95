import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ResidentFormErrors } from "~/components/agenda";
import { FieldError, TextField } from "~/components/form-field";
import { TIERS, registrationSchema } from "~/domain/bookings/form";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { registerOrganisation } from "~/domain/workspace/organisations.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { clientAddress, retryAfterHeaders } from "~/lib/rate-limits.server";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { answerForm } from "~/lib/form-action.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.register.title");

async function centreFor(slug: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  return centre;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const centre = await centreFor(params.slug);
  return { centre: { slug: centre.slug, name: centre.name }, unverifiedTier: centre.unverifiedTier };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const centre = await centreFor(params.slug);
  return answerForm(await request.formData(), {
    schema: registrationSchema,
    limits: () => [{ limit: "registerPerClient", key: clientAddress(context) }],
    // Nothing is made yet: the contact confirms the address by the link in the email first.
    work: async (value) =>
      registerOrganisation({
        centreId: centre.id,
        ...value,
        phone: value.phone || null,
        locale: await getLocale(request),
      }),
    done: () => ({ lastResult: null, done: true }),
    words: { "organisation-name-taken": { key: "booking.errors.nameTaken", field: "name" } },
    back: (lastResult, init) => data({ lastResult, done: false }, init),
  });
}

export default function RegisterOrganisation() {
  const { unverifiedTier } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: result?.lastResult ?? undefined,
    shouldValidate: "onBlur",
    // a corrected field loses its message while typing, so the button does not move under the pointer
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationSchema }),
  });
  if (result?.done) {
    return (
      <>
        <h1>{t("booking.register.doneTitle")}</h1>
        <p role="status">{t("booking.register.done")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("booking.register.title")}</h1>
      <p>{t("booking.register.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-4">
        <ResidentFormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label={t("booking.register.name")} />
        <fieldset aria-describedby={fields.tier.errors ? fields.tier.errorId : undefined}>
          <legend className="field-label">{t("booking.register.tier")}</legend>
          {TIERS.map((tier) => (
            <label key={tier} className="mb-2 flex items-start gap-2">
              <input
                type="radio"
                name={fields.tier.name}
                value={tier}
                defaultChecked={fields.tier.initialValue === tier}
                className="mt-1 h-5 w-5"
              />
              <span>
                <strong>{t(`tier.${tier}` as Key)}</strong>
                <br />
                {t(`booking.register.tierHelp.${tier}` as Key)}
                {effectiveTier({ tier, tierVerifiedAt: null }, unverifiedTier) !== tier ? (
                  <span className="block text-muted">{t("booking.register.verifyNote", { tier: unverifiedTier })}</span>
                ) : null}
              </span>
            </label>
          ))}
          <FieldError id={fields.tier.errorId} errors={fields.tier.errors} />
        </fieldset>
        <TextField meta={fields.contactName} label={t("booking.register.contactName")} />
        <TextField meta={fields.email} label={t("booking.register.email")} type="email" />
        <TextField meta={fields.phone} label={t("booking.register.phone")} type="tel" />
        <TextField meta={fields.billingName} label={t("booking.register.billingName")} />
        <TextField meta={fields.billingAddress} label={t("booking.register.billingAddress")} />
        <div>
          <button type="submit" className="button">
            {t("booking.register.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
