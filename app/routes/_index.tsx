import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCentres } from "~/domain/centre/centres.server";
import { useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader() {
  return { centres: await listCentres() };
}

export default function StartPage() {
  const { centres } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.intro")}</p>
      <p>
        <Link to="/agenda">{t("agenda.combined.link")}</Link>
      </p>
      {centres.length === 0 ? (
        <p>{t("home.noCentres")}</p>
      ) : (
        <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2">
          {centres.map((centre) => (
            <li key={centre.id} className="card">
              <h2 className="mt-0">{centre.name}</h2>
              {centre.description ? <p>{centre.description}</p> : null}
              <p className="text-muted">
                {centre.street}, {centre.postalCode} {centre.city}
              </p>
              <Link to={`/centres/${centre.slug}`} className="button">
                {t("home.centreLink", { name: centre.name })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
