import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireInstallationPermission } from "~/auth/guards.server";
import { ReportPeriodForm } from "~/components/report-period-form";
import { ReportTableView, RoomBars } from "~/components/reports";
import { DEFAULT_CENTRE_SETTINGS } from "~/domain/centre/defaults";
import { formatHours, formatPercent } from "~/domain/reports/format";
import { periodSearch } from "~/domain/reports/period";
import { installationReport } from "~/domain/reports/report.server";
import { periodFromSearch } from "~/domain/reports/schemas";
import { DEFINITION_KEYS } from "~/domain/reports/sentences";
import { installationTable } from "~/domain/reports/tables";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.installationTitle");

/** The municipality's view: every centre of the installation side by side, and summed. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireInstallationPermission(request, "reports.view");
  const { period, lastResult, invalid } = periodFromSearch(
    new URL(request.url).searchParams,
    DEFAULT_CENTRE_SETTINGS.timeZone,
    clock.now(),
  );
  return { report: await installationReport(period), lastResult, invalid };
}

export default function InstallationReportPage() {
  const { report, lastResult, invalid } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const search = periodSearch(report.period);
  const total = report.total.current;
  return (
    <>
      <h1>{t("reports.installationTitle")}</h1>
      <p>{t("reports.installationIntro")}</p>
      <ReportPeriodForm action="/reports" period={report.period} lastResult={lastResult} invalid={invalid} />
      <section aria-labelledby="summary" className="mb-8">
        <h2 id="summary">{t("reports.sections.summary")}</h2>
        <ul className="mb-4 grid list-disc gap-1 pl-6">
          <li>
            {total.occupancy === null
              ? t("reports.sentences.centreNoHours", { centre: t("reports.tables.allCentres") })
              : t("reports.sentences.centre", {
                  centre: t("reports.tables.allCentres"),
                  percent: formatPercent(total.occupancy, locale),
                  booked: formatHours(total.bookedHours, locale),
                  available: formatHours(total.availableHours, locale),
                })}{" "}
            {report.total.previous.occupancy === null
              ? t("reports.sentences.lastYearNone")
              : t("reports.sentences.lastYear", { percent: formatPercent(report.total.previous.occupancy, locale) })}
          </li>
          {total.communityShare !== null ? (
            <li>{t("reports.sentences.community", { percent: formatPercent(total.communityShare, locale) })}</li>
          ) : null}
        </ul>
        <RoomBars
          title={t("reports.columns.occupancy")}
          items={report.centres.map((centre) => ({
            label: centre.name,
            value: centre.current.occupancy,
            previous: centre.previous.occupancy,
            valueText: formatPercent(centre.current.occupancy, locale),
          }))}
        />
        <ReportTableView table={installationTable(report)} csvHref={`/reports/csv?${search}`} />
        <ul className="grid list-disc gap-1 pl-6">
          {report.centres.map((centre) => (
            <li key={centre.id}>
              <Link to={`/manage/${centre.slug}/reports?${search}`}>{t("reports.title", { name: centre.name })}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="definitions" className="mb-8">
        <h2 id="definitions">{t("reports.sections.definitions")}</h2>
        <ul className="grid list-disc gap-2 pl-6">
          {DEFINITION_KEYS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
