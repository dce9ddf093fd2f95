import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaFilterForm, AgendaResults, PeriodNav } from "~/components/agenda";
import { CentreDetails } from "~/components/centre-details";
import { parseAgendaQuery, publicCentreDetails, type Period } from "~/domain/residents/agenda";
import { findPublicCentre, listAgenda } from "~/domain/residents/agenda.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { clock } from "~/lib/clock";

const TITLES: Record<Period, Key> = {
  today: "agenda.title.today",
  week: "centre.weekTitle",
  later: "agenda.title.later",
};
const INTROS: Record<Period, Key> = {
  today: "agenda.intro.today",
  week: "centre.weekIntro",
  later: "agenda.intro.later",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? TITLES[data.query.period] : "errors.notFoundTitle", { name: data?.centre.name ?? "" });

/** A centre's public agenda: today, this week (the default) or further ahead, with filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findPublicCentre(params.slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  const query = parseAgendaQuery(new URL(request.url).searchParams);
  query.filters.centres = [];
  const now = clock.now();
  const items = await listAgenda([centre], query, now);
  return {
    centre: publicCentreDetails(centre),
    query,
    items,
    now,
  };
}

export default function CentreAgenda() {
  const { centre, query, items, now } = useLoaderData<typeof loader>();
  const t = useT();
  const basePath = `/centres/${centre.slug}`;
  return (
    <>
      <h1>{t(TITLES[query.period], { name: centre.name })}</h1>
      <p>{t(INTROS[query.period])}</p>
      <PeriodNav query={query} basePath={basePath} />
      <AgendaFilterForm query={query} basePath={basePath} />
      <AgendaResults query={query} items={items} showCentre={false} now={now} />
      <CentreDetails centre={centre} />
      <p className="mt-6">
        <Link to="/agenda">{t("agenda.combined.link")}</Link>
      </p>
    </>
  );
}
