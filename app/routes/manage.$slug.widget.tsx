import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { env } from "~/env.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.manage.widgetTitle");

/** The copy-paste snippet for the centre's own website, and the feed addresses. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "centre.view");
  const base = `${env().APP_URL}/centres/${centre.slug}`;
  return {
    centre: { slug: centre.slug, name: centre.name },
    widgetUrl: `${base}/widget`,
    icsUrl: `${base}/agenda.ics`,
    jsonUrl: `${base}/agenda.json`,
  };
}

/** The HTML a centre pastes into its own website. */
function widgetSnippet(widgetUrl: string, title: string): string {
  const safeTitle = title.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return `<iframe src="${widgetUrl}" title="${safeTitle}" style="width: 100%; max-width: 40rem; height: 36rem; border: 1px solid #d1d5db;" loading="lazy"></iframe>`;
}

export default function WidgetSnippet() {
  const { centre, widgetUrl, icsUrl, jsonUrl } = useLoaderData<typeof loader>();
  const t = useT();
  const snippet = widgetSnippet(widgetUrl, t("agenda.widget.title", { name: centre.name }));
  return (
    <>
      <h1>{t("agenda.manage.widgetTitle")}</h1>
      <p>{t("agenda.manage.widgetIntro")}</p>
      <label htmlFor="snippet" className="field-label">
        {t("agenda.manage.snippetLabel")}
      </label>
      <textarea id="snippet" readOnly rows={4} className="field-input font-mono text-sm" defaultValue={snippet} />

      <h2>{t("agenda.manage.preview")}</h2>
      <iframe
        src={widgetUrl.replace(/^https?:\/\/[^/]+/, "")}
        title={t("agenda.manage.previewFrame", { name: centre.name })}
        className="h-[36rem] w-full max-w-2xl border border-gray-300"
        loading="lazy"
      />

      <h2>{t("agenda.manage.feedsTitle")}</h2>
      <label htmlFor="ics-url" className="field-label">
        {t("agenda.manage.icsLabel")}
      </label>
      <input id="ics-url" readOnly className="field-input font-mono text-sm" defaultValue={icsUrl} />
      <label htmlFor="json-url" className="field-label mt-4">
        {t("agenda.manage.jsonLabel")}
      </label>
      <input id="json-url" readOnly className="field-input font-mono text-sm" defaultValue={jsonUrl} />
      <p className="text-muted">{t("agenda.manage.jsonDoc")}</p>
    </>
  );
}
