import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicCentre } from "~/domain/residents/agenda.server";
import { centreCalendar } from "~/domain/residents/calendar-feed.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/locale.server";
import { feedNotFound, feedResponse } from "~/lib/feed-responses.server";

/** /centres/<slug>/agenda.ics: the centre's public activities as an iCalendar feed (RFC 5545). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const centre = await findPublicCentre(params.slug ?? "");
  if (!centre) return feedNotFound(locale);
  const body = await centreCalendar(centre, { baseUrl: env().APP_URL, locale });
  return feedResponse(body, "text/calendar; charset=utf-8", `${centre.slug}.ics`);
}
