import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, TierBadge } from "~/components/workspace";
import { listOrganisations } from "~/domain/workspace/organisation-admin.server";
import { verifyTier } from "~/domain/workspace/organisations.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.organisations.title");

const verifySchema = z.object({
  organisationId: z.uuid(),
  tier: z.enum(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"]),
});

/** Who books here; organisations whose tier is not checked yet come first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const organisations = await listOrganisations(centre.id, { query });
  return {
    centre: { slug: centre.slug, name: centre.name },
    query,
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      claimed: organisation.tier,
      effective: effectiveTier(organisation, centre.unverifiedTier),
      verified: organisation.tierVerifiedAt !== null,
      contactName: organisation.contactName,
      hasEmail: organisation.contactEmail !== null,
      bookings: organisation._count.bookings,
    })),
    verified: url.searchParams.get("verified"),
    canVerify: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  return answerForm(await request.formData(), {
    schema: verifySchema,
    work: (value) => verifyTier(actor, value.organisationId, value.tier),
    done: (organisation) =>
      redirect(`/manage/${centre.slug}/organisations?verified=${encodeURIComponent(organisation.name)}`),
    // buttons, not a form to go back to: a form that does not read is a bad request
    back: () => {
      throw new Response("Bad request", { status: 400 });
    },
  });
}

export default function Organisations() {
  const { centre, query, organisations, verified, canVerify } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("workspace.organisations.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="organisations" />
      {verified ? <Done>{t("workspace.organisations.verifiedDone", { name: verified })}</Done> : null}
      <p>{t("workspace.organisations.intro")}</p>
      <Form method="get" className="my-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="organisations-q" className="field-label">
            {t("workspace.organisations.search")}
          </label>
          <input id="organisations-q" type="search" name="q" defaultValue={query} className="field-input" />
        </div>
        <button type="submit" className="button">
          {t("workspace.bookings.find")}
        </button>
      </Form>
      <ul className="m-0 grid list-none gap-3 p-0">
        {organisations.map((organisation) => (
          <li key={organisation.id} className="card">
            <h2 className="m-0 text-lg">
              <Link to={`/manage/${centre.slug}/organisations/${organisation.id}`}>{organisation.name}</Link>
            </h2>
            <p className="m-0">
              <TierBadge tier={organisation.effective} />{" "}
              {organisation.verified ? (
                t("workspace.requests.verified")
              ) : (
                <strong>{t("workspace.organisations.claims", { tier: t(`tier.${organisation.claimed}`) })}</strong>
              )}{" "}
              · {organisation.contactName}
              {organisation.hasEmail ? null : ` · ${t("workspace.booking.noEmail")}`} ·{" "}
              {t("workspace.organisations.bookings", { count: organisation.bookings })}
            </p>
            {canVerify && !organisation.verified ? (
              <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <div>
                  <label htmlFor={`tier-${organisation.id}`} className="field-label">
                    {t("workspace.organisations.tierOf", { name: organisation.name })}
                  </label>
                  <select
                    id={`tier-${organisation.id}`}
                    name="tier"
                    defaultValue={organisation.claimed}
                    className="field-input"
                  >
                    {(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const).map((tier) => (
                      <option key={tier} value={tier}>
                        {t(`tier.${tier}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button">
                  {t("workspace.organisations.verify")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
