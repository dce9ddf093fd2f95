import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { SETTINGS_PAGES, settingsPagePath, settingsPageWords } from "~/components/settings-navigation";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.settings.title");

/** Everything a centre sets once in a while, each with one line saying what it is for. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "centre.read");
  return { centre: { slug: centre.slug, name: centre.name } };
}

export default function Settings() {
  const { centre } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("workspace.settings.title")}</h1>
      <ul className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2">
        {SETTINGS_PAGES.map((page) => (
          <li key={page} className="card">
            <h2 className="m-0 text-lg">
              <Link to={settingsPagePath(centre.slug, page)}>{t(settingsPageWords(page).label)}</Link>
            </h2>
            <p className="m-0">{t(settingsPageWords(page).about)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
