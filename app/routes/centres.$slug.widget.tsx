import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { groupByDay } from "~/domain/residents/agenda";
import { findPublicCentre, widgetItems, type AgendaItem } from "~/domain/residents/agenda.server";
import { env } from "~/env.server";
import type { Locale } from "~/i18n/catalogue";
import { formatDay, formatMoney, formatTimeRange } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { securityHeaders } from "~/lib/security-headers.server";

/**
 * /centres/<slug>/widget: the centre's next two weeks, made to sit in an <iframe> on the
 * centre's own website. The only page that may be framed (by any site); it is a small,
 * complete HTML page without scripts, so it works everywhere and loads fast. Links open
 * the full agenda in a new window, out of the frame. ?lang=en gives English.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const centre = await findPublicCentre(params.slug ?? "");
  const headers = {
    ...securityHeaders(context.cspNonce, { allowFraming: true }),
    "Content-Type": "text/html; charset=utf-8",
  };
  if (!centre) {
    const page = renderToStaticMarkup(
      <WidgetPage locale={locale} title={t("errors.notFoundTitle")}>
        <p>{t("agenda.feed.notFound")}</p>
      </WidgetPage>,
    );
    return new Response(`<!DOCTYPE html>${page}`, {
      status: 404,
      headers: { ...headers, "Cache-Control": "no-store" },
    });
  }
  const items = await widgetItems(centre);
  const base = env().APP_URL;
  const page = renderToStaticMarkup(
    <WidgetPage locale={locale} title={t("agenda.widget.title", { name: centre.name })}>
      <p className="intro">{t("agenda.widget.intro")}</p>
      {items.length === 0 ? (
        <p>{t("agenda.widget.empty")}</p>
      ) : (
        <WidgetList items={items} locale={locale} base={base} />
      )}
      <p className="more">
        <a href={`${base}/centres/${centre.slug}`} target="_blank" rel="noopener">
          {t("agenda.widget.more", { name: centre.name })}{" "}
          <span className="sr-only">{t("agenda.widget.opensNew")}</span>
        </a>
      </p>
    </WidgetPage>,
  );
  return new Response(`<!DOCTYPE html>${page}`, { status: 200, headers });
}

function WidgetList({ items, locale, base }: { items: AgendaItem[]; locale: Locale; base: string }) {
  const t = translator(locale);
  return (
    <>
      {groupByDay(items).map((group) => (
        <section key={group.day}>
          <h2>{formatDay(group.items[0]!.startsAt, group.items[0]!.centre.timeZone, locale)}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.occurrenceId} className={item.cancelled ? "cancelled" : undefined}>
                <span className="time">
                  {formatTimeRange(item.startsAt, item.endsAt, item.centre.timeZone, locale)}
                </span>{" "}
                <a
                  href={`${base}/centres/${item.centre.slug}/activities/${item.activityId}`}
                  target="_blank"
                  rel="noopener"
                >
                  {item.title} <span className="sr-only">{t("agenda.widget.opensNew")}</span>
                </a>
                {item.cancelled ? <strong className="badge off"> {t("centre.cancelled")}</strong> : null}
                <br />
                <span className="meta">
                  {t(`activityKind.${item.kind}`)} · {item.room.name} ·{" "}
                  {item.priceCents === 0 ? t("centre.free") : formatMoney(item.priceCents, locale)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

const STYLE = `
*{box-sizing:border-box}
html{font-size:112.5%;-webkit-text-size-adjust:100%}
body{margin:0;padding:12px;font-family:"Atkinson Hyperlegible","Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
h1{font-size:1.3rem;margin:0 0 4px}
h2{font-size:1.05rem;margin:16px 0 4px;text-transform:none}
h2::first-letter{text-transform:uppercase}
ul{list-style:none;margin:0;padding:0}
li{padding:8px 0;border-bottom:1px solid #d1d5db}
a{color:#0b5d3b;text-decoration:underline;text-underline-offset:2px}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.time{font-weight:bold}
.meta{color:#4a4a4a}
.intro{margin:0;color:#4a4a4a}
.cancelled .time,.cancelled a{text-decoration:line-through}
.badge.off{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;background:#fee2e2;color:#7f1d1d;font-size:.9rem}
.more{margin-top:16px;font-weight:bold}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;

function WidgetPage({ locale, title, children }: { locale: Locale; title: string; children: ReactNode }) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
