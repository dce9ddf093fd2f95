import type { PublicCentreDetails } from "~/domain/residents/agenda";
import { useT } from "~/i18n/react";

/** Address, how to get there, contact and the calendar link of a centre (public pages). */
export function CentreDetails({ centre, headingLevel = 2 }: { centre: PublicCentreDetails; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="centre-details" className="mt-8 border-t border-gray-300 pt-2">
      <Heading id="centre-details">{t("agenda.centreInfo.title", { name: centre.name })}</Heading>
      {centre.description ? <p>{centre.description}</p> : null}
      <Sub className="mt-4 mb-1">{t("centre.address")}</Sub>
      <p className="mt-0">
        {centre.street}, {centre.postalCode} {centre.city}
      </p>
      {centre.directions ? (
        <>
          <Sub className="mt-4 mb-1">{t("centre.directions")}</Sub>
          <p className="mt-0">{centre.directions}</p>
        </>
      ) : null}
      {centre.phone || centre.email || centre.website ? (
        <>
          <Sub className="mt-4 mb-1">{t("agenda.centreInfo.contact")}</Sub>
          <ul className="mt-0 list-none p-0">
            {centre.phone ? (
              <li>
                <a href={`tel:${centre.phone.replace(/[^+\d]/g, "")}`}>
                  {t("agenda.centreInfo.phone", { phone: centre.phone })}
                </a>
              </li>
            ) : null}
            {centre.email ? (
              <li>
                <a href={`mailto:${centre.email}`}>{t("agenda.centreInfo.email", { email: centre.email })}</a>
              </li>
            ) : null}
            {centre.website && /^https?:\/\//.test(centre.website) ? (
              <li>
                <a href={centre.website}>{t("agenda.centreInfo.website")}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      <Sub className="mt-4 mb-1">{t("agenda.centreInfo.subscribeTitle")}</Sub>
      <p className="mt-0">
        <a href={`/centres/${centre.slug}/agenda.ics`}>{t("agenda.centreInfo.subscribe", { name: centre.name })}</a>
        <br />
        <span className="text-muted">{t("agenda.centreInfo.subscribeHint")}</span>
      </p>
    </section>
  );
}
