import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can, installationRoleAllows } from "~/auth/permissions";
import { ReportPeriodForm } from "~/components/report-period-form";
import { HeatMap, HeatTable, MonthColumns, ReportTableView, RoomBars } from "~/components/reports";
import { monthBarItems, roomBarItems } from "~/domain/reports/chart-data";
import { formatDate } from "~/domain/reports/format";
import { periodSearch } from "~/domain/reports/period";
import { centreReport } from "~/domain/reports/report.server";
import { periodFromSearch } from "~/domain/reports/schemas";
import { DEFINITION_KEYS, reportSentences } from "~/domain/reports/sentences";
import { centreTables, type CentreTableId } from "~/domain/reports/tables";
import { localDateAt } from "~/domain/time/time-zone";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "reports.title", { name: data?.centre.name ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "reports.view");
  const now = clock.now();
  const { period, lastResult, invalid } = periodFromSearch(new URL(request.url).searchParams, centre.timeZone, now);
  const report = await centreReport(centre.id, period, now);
  return {
    centre: { slug: centre.slug, name: centre.name },
    report,
    lastResult,
    invalid,
    generatedOn: localDateAt(now, centre.timeZone),
    canInput: can({ installationRole: user.installationRole, role }, "reports.input"),
    seesAllCentres: installationRoleAllows(user.installationRole, "reports.view"),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Sentences({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="mb-4 grid list-disc gap-1 pl-6">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export default function CentreReportPage() {
  const { centre, report, lastResult, invalid, generatedOn, canInput, seesAllCentres } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/manage/${centre.slug}/reports`;
  const search = periodSearch(report.current.period);
  const csv = (table: CentreTableId) => `${base}/csv/${table}?${search}`;
  const tables = centreTables(report);
  const sentences = reportSentences(report, t, locale);
  const { current } = report;

  return (
    <>
      <h1>{t("reports.title", { name: centre.name })}</h1>
      <p>{t("reports.intro")}</p>
      <ul className="mb-6 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
        {canInput ? (
          <li>
            <Link to={`${base}/input`}>{t("reports.inputLink")}</Link>
          </li>
        ) : null}
        {seesAllCentres ? (
          <li>
            <Link to={`/reports?${search}`}>{t("reports.installationLink")}</Link>
          </li>
        ) : null}
        <li>
          <a href={`${base}/pdf?${search}`} download>
            {t("reports.downloads.pdf")}
          </a>
        </li>
      </ul>

      <ReportPeriodForm action={base} period={report.current.period} lastResult={lastResult} invalid={invalid} />

      <Section id="summary" title={t("reports.sections.summary")}>
        <Sentences lines={sentences.summary} />
        <ReportTableView table={tables["key-figures"]} csvHref={csv("key-figures")} />
      </Section>

      <Section id="occupancy" title={t("reports.sections.occupancy")}>
        <Sentences lines={sentences.rooms} />
        <RoomBars title={t("reports.charts.rooms")} items={roomBarItems(report, locale)} />
        <ReportTableView table={tables.rooms} csvHref={csv("rooms")} />
        <MonthColumns title={t("reports.charts.months")} items={monthBarItems(report, locale)} />
        <ReportTableView table={tables.months} csvHref={csv("months")} />
      </Section>

      <Section id="clock" title={t("reports.sections.clock")}>
        <Sentences lines={sentences.clock} />
        <HeatMap title={t("reports.charts.heat")} cells={current.clock.heat} />
        <HeatTable cells={current.clock.heat} csvHref={csv("heat")} />
        <ReportTableView table={tables["day-parts"]} csvHref={csv("day-parts")} />
      </Section>

      <Section id="users" title={t("reports.sections.users")}>
        <Sentences lines={sentences.users} />
        <ReportTableView table={tables.tiers} csvHref={csv("tiers")} />
      </Section>

      <Section id="visitors" title={t("reports.sections.visitors")}>
        <Sentences lines={sentences.visitors} />
        <ReportTableView table={tables.activities} csvHref={csv("activities")} />
        <ReportTableView table={tables["visitor-tiers"]} csvHref={csv("visitor-tiers")} />
        <ReportTableView table={tables.continuity} csvHref={csv("continuity")} />
      </Section>

      <Section id="money" title={t("reports.sections.money")}>
        <Sentences lines={sentences.money} />
        <ReportTableView table={tables["revenue-tiers"]} csvHref={csv("revenue-tiers")} />
        <ReportTableView table={tables["revenue-rooms"]} csvHref={csv("revenue-rooms")} />
      </Section>

      <Section id="energy" title={t("reports.sections.energy")}>
        <Sentences lines={sentences.energy} />
        <ReportTableView table={tables.energy} csvHref={csv("energy")} />
      </Section>

      <Section id="downloads" title={t("reports.sections.downloads")}>
        <p>
          <a href={`${base}/pdf?${search}`} download className="button">
            {t("reports.downloads.pdf")}
          </a>
        </p>
        <p>{t("reports.downloads.pdfHint")}</p>
        <p>{t("reports.downloads.intro")}</p>
      </Section>

      <Section id="definitions" title={t("reports.sections.definitions")}>
        <p>{t("reports.definitions.intro")}</p>
        <Definitions />
      </Section>
      <p className="text-muted">{t("reports.generated", { date: formatDate(generatedOn, locale) })}</p>
    </>
  );
}

function Definitions() {
  const t = useT();
  return (
    <ul className="grid list-disc gap-2 pl-6">
      {DEFINITION_KEYS.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}
