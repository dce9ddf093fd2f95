import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgendaFilterForm, AgendaResults, PeriodNav } from "~/components/agenda";
import { parseAgendaQuery, type Period } from "~/domain/residents/agenda";
import { listAgenda, listPublicCentres } from "~/domain/residents/agenda.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { clock } from "~/lib/clock";

const TITLES: Record<Period, Key> = {
  today: "agenda.combined.todayTitle",
  week: "agenda.combined.weekTitle",
  later: "agenda.combined.laterTitle",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, TITLES[data?.query.period ?? "week"]);

/** The agenda of every centre of the installation, filterable by centre. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseAgendaQuery(new URL(request.url).searchParams);
  const centres = await listPublicCentres();
  query.filters.centres = query.filters.centres.filter((slug) => centres.some((centre) => centre.slug === slug));
  const chosen = query.filters.centres.length
    ? centres.filter((centre) => query.filters.centres.includes(centre.slug))
    : centres;
  const now = clock.now();
  return {
    query,
    centres: centres.map((centre) => ({ slug: centre.slug, name: centre.name })),
    items: await listAgenda(chosen, query, now),
    now,
  };
}

export default function CombinedAgenda() {
  const { query, centres, items, now } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t(TITLES[query.period])}</h1>
      <p>{t("agenda.combined.intro")}</p>
      <PeriodNav query={query} basePath="/agenda" />
      <AgendaFilterForm query={query} basePath="/agenda" centres={centres} />
      <AgendaResults query={query} items={items} showCentre now={now} />
    </>
  );
}
