import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicActivity, findPublicCentre } from "~/domain/residents/agenda.server";
import { activityCalendar } from "~/domain/residents/calendar-feed.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/locale.server";
import { feedNotFound, feedResponse } from "~/lib/feed-responses.server";

/** /centres/<slug>/activities/<id>/agenda.ics: one activity's dates as an iCalendar feed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const centre = await findPublicCentre(params.slug ?? "");
  const activity = centre ? await findPublicActivity(centre.id, params.activityId ?? "") : null;
  if (!centre || !activity) return feedNotFound(locale);
  const body = await activityCalendar(centre, activity, { baseUrl: env().APP_URL, locale });
  return feedResponse(body, "text/calendar; charset=utf-8", `${centre.slug}-${activity.id}.ics`);
}
