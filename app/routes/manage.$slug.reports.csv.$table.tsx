import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { tableToCsv } from "~/domain/reports/csv";
import { periodSlug } from "~/domain/reports/period";
import { centreReport } from "~/domain/reports/report.server";
import { periodFromSearch } from "~/domain/reports/schemas";
import { CENTRE_TABLES, centreTables, type CentreTableId } from "~/domain/reports/tables";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { clock } from "~/lib/clock";

/** One table of a centre's report as a CSV file (/manage/<slug>/reports/csv/<table>?kind=…). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "reports.view");
  const table = params.table as CentreTableId;
  if (!CENTRE_TABLES.includes(table)) throw new Response("Not found", { status: 404 });
  const { period, invalid } = periodFromSearch(new URL(request.url).searchParams, centre.timeZone, clock.now());
  if (invalid) throw new Response("Bad request", { status: 400 });
  const locale = await getLocale(request);
  const report = await centreReport(centre.id, period);
  const csv = tableToCsv(centreTables(report)[table], translator(locale), locale);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${centre.slug}-${table}-${periodSlug(period)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
