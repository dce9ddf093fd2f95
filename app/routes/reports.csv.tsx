import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInstallationPermission } from "~/auth/guards.server";
import { DEFAULT_CENTRE_SETTINGS } from "~/domain/centre/defaults";
import { tableToCsv } from "~/domain/reports/csv";
import { periodSlug } from "~/domain/reports/period";
import { installationReport } from "~/domain/reports/report.server";
import { periodFromSearch } from "~/domain/reports/schemas";
import { installationTable } from "~/domain/reports/tables";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { clock } from "~/lib/clock";

/** Every centre side by side as a CSV file, for the municipality (/reports/csv?kind=…). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireInstallationPermission(request, "reports.view");
  const { period, invalid } = periodFromSearch(
    new URL(request.url).searchParams,
    DEFAULT_CENTRE_SETTINGS.timeZone,
    clock.now(),
  );
  if (invalid) throw new Response("Bad request", { status: 400 });
  const locale = await getLocale(request);
  const csv = tableToCsv(installationTable(await installationReport(period)), translator(locale), locale);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="alle-huizen-${periodSlug(period)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
