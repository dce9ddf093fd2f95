import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPublicCentres } from "~/domain/residents/agenda.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.privacy.title");

/** What we do with residents' details, and how long each centre keeps them. */
export async function loader() {
  const centres = await listPublicCentres();
  return {
    centres: centres.map((centre) => ({
      slug: centre.slug,
      name: centre.name,
      days: centre.personalDataRetentionDays,
    })),
  };
}

export default function PrivacyPage() {
  const { centres } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="max-w-2xl">
      <h1>{t("agenda.privacy.title")}</h1>
      <p>{t("agenda.privacy.intro")}</p>
      <h2>{t("agenda.privacy.signupTitle")}</h2>
      <p>{t("agenda.privacy.signup")}</p>
      <p>{t("agenda.privacy.whoSees")}</p>
      <h2>{t("agenda.privacy.companionTitle")}</h2>
      <p>{t("agenda.privacy.companion")}</p>
      <h2>{t("agenda.privacy.useTitle")}</h2>
      <p>{t("agenda.privacy.use")}</p>
      <h2>{t("agenda.privacy.retentionTitle")}</h2>
      <p>{t("agenda.privacy.retention")}</p>
      <ul>
        {centres.map((centre) => (
          <li key={centre.slug}>{t("agenda.privacy.retentionCentre", { name: centre.name, days: centre.days })}</li>
        ))}
      </ul>
      <h2>{t("agenda.privacy.earlierTitle")}</h2>
      <p>{t("agenda.privacy.earlier")}</p>
      <h2>{t("agenda.privacy.cookiesTitle")}</h2>
      <p>{t("agenda.privacy.cookies")}</p>
    </article>
  );
}
