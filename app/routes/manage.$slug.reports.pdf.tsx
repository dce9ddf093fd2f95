import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { periodSlug } from "~/domain/reports/period";
import { renderAnnualReport } from "~/domain/reports/pdf.server";
import { centreReport } from "~/domain/reports/report.server";
import { periodFromSearch } from "~/domain/reports/schemas";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { clock } from "~/lib/clock";

/** The annual report of a centre as a PDF (/manage/<slug>/reports/pdf?kind=year&date=…). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "reports.view");
  const { period, invalid } = periodFromSearch(new URL(request.url).searchParams, centre.timeZone, clock.now());
  if (invalid) throw new Response("Bad request", { status: 400 });
  const locale = await getLocale(request);
  const pdf = await renderAnnualReport(await centreReport(centre.id, period), translator(locale), locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="jaarverslag-${centre.slug}-${periodSlug(period)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
