import type { Locale } from "~/i18n/catalogue";
import { translator } from "~/i18n/translate.server";

/**
 * Responses of the public feeds (iCalendar, JSON): public data, so any site may fetch it
 * (CORS *). How long browsers and proxies keep them is said in one place for every public
 * answer, app/server/public-responses.ts. (nosniff is added to every response by
 * app/server/http.ts.)
 */
export function feedResponse(body: string, contentType: string, filename?: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Access-Control-Allow-Origin": "*",
      ...(filename ? { "Content-Disposition": `inline; filename="${filename}"` } : {}),
    },
  });
}

/** A feed for a centre (or activity) that does not exist: 404 with one plain sentence. */
export function feedNotFound(locale: Locale, format: "text" | "json" = "text"): Response {
  const message = translator(locale)("agenda.feed.notFound");
  const body = format === "json" ? JSON.stringify({ error: "not-found", message }) : `${message}\n`;
  return new Response(body, {
    status: 404,
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
