import type { LoaderFunctionArgs } from "@remix-run/node";
import { centreAgendaJson } from "~/domain/residents/agenda-json.server";
import { findPublicCentre } from "~/domain/residents/agenda.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/locale.server";
import { feedNotFound, feedResponse } from "~/lib/feed-responses.server";

/** /centres/<slug>/agenda.json: public activities and their coming dates; see docs/agenda-json.md. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findPublicCentre(params.slug ?? "");
  if (!centre) return feedNotFound(await getLocale(request), "json");
  const document = await centreAgendaJson(centre, env().APP_URL);
  return feedResponse(JSON.stringify(document, null, 2), "application/json; charset=utf-8");
}
