import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { FormProblems } from "~/components/workspace";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { startDirectDebitMandate } from "~/domain/money/direct-debit.server";
import { paymentSettingsView } from "~/domain/money/stripe.server";
import { organisationsOfUser, requireOwnOrganisation } from "~/domain/workspace/organisations.server";
import { appUrl } from "~/email/compose.server";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { answerForm, formMessage } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invoices.directDebit.title");

const mandateSchema = z.object({ organisationId: z.uuid() });

async function context(request: Request, slug: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  const user = await requireUser(request);
  return { centre, user };
}

/** A hirer's organisations and whether each has given a direct debit mandate. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user } = await context(request, params.slug);
  const organisations = await organisationsOfUser(centre.id, user.id);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    online: (await paymentSettingsView(centre.id)).configured,
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      mandateAt: organisation.sepaPaymentMethodId ? organisation.sepaMandateAt : null,
    })),
    given: new URL(request.url).searchParams.get("given") === "1",
  };
}

/** Sends the contact to Stripe's iDEAL page to give the mandate (only for their own organisation). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user } = await context(request, params.slug);
  const page = `/centres/${centre.slug}/direct-debit`;
  return answerForm(await request.formData(), {
    schema: mandateSchema,
    work: async ({ organisationId }) => {
      await requireOwnOrganisation(centre.id, user.id, organisationId);
      return startDirectDebitMandate(centre.id, organisationId, {
        success: appUrl(`${page}?given=1`),
        cancel: appUrl(page),
      });
    },
    done: ({ url }) => redirect(url),
  });
}

export default function DirectDebit() {
  const { centre, online, organisations, given } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("invoices.directDebit.title")}</h1>
      {given ? (
        <p role="status" className="card border-brand-700 bg-brand-50">
          {t("invoices.directDebit.thanks")}
        </p>
      ) : null}
      <p>{t("invoices.directDebit.intro")}</p>
      {!online ? (
        <p>{t("invoices.directDebit.notOnline")}</p>
      ) : organisations.length === 0 ? (
        <p>{t("invoices.directDebit.none")}</p>
      ) : (
        <>
          <p>{t("invoices.directDebit.how")}</p>
          <FormProblems errors={reply && formMessage(reply) ? [formMessage(reply)!] : undefined} />
          {organisations.map((organisation) => (
            <section key={organisation.id} className="card mb-4" aria-labelledby={`org-${organisation.id}`}>
              <h2 id={`org-${organisation.id}`} className="mt-0">
                {organisation.name}
              </h2>
              <p>
                {organisation.mandateAt
                  ? t("invoices.directDebit.given", {
                      date: formatShortDate(new Date(organisation.mandateAt), centre.timeZone, locale),
                    })
                  : t("invoices.directDebit.notGiven")}
              </p>
              <Form method="post">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <button type="submit" className={organisation.mandateAt ? "button-secondary" : "button"}>
                  {organisation.mandateAt ? t("invoices.directDebit.giveAgain") : t("invoices.directDebit.give")}
                </button>
              </Form>
            </section>
          ))}
        </>
      )}
    </>
  );
}
