import { Form, Link, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";
import type { rootLoader } from "~/lib/root-data.server";
import { bookingNavigationFor, navigationFor } from "./navigation";

interface CentreInView {
  name: string;
  slug: string;
}

/** The centre of the deepest route that loaded one (public page or workspace). */
function useCentreInView(): CentreInView | undefined {
  const matches = useMatches();
  for (const match of [...matches].reverse()) {
    const data = match.data as { centre?: CentreInView } | undefined;
    if (data?.centre?.name && data.centre.slug) return data.centre;
  }
  return undefined;
}

export function PageShell({ children }: { children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const centre = useCentreInView();
  const location = useLocation();
  const here = location.pathname + location.search;
  const links = [
    ...bookingNavigationFor(root?.user ?? null, centre?.slug),
    ...navigationFor(root?.user ?? null, centre?.slug),
  ];
  const otherLocale = locale === "nl" ? "en" : "nl";

  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="border-b-4 border-brand-700 bg-brand-50 print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <p className="m-0 text-lg font-bold leading-tight">
            <Link to="/" className="text-brand-900 no-underline">
              {t("app.name")}
            </Link>
            {centre ? (
              <>
                <span aria-hidden="true"> · </span>
                <Link to={`/centres/${centre.slug}`} className="text-brand-900">
                  {centre.name}
                </Link>
              </>
            ) : null}
          </p>
          {/* a whole new page: the browser only holds the catalogue of the language it was loaded in */}
          <Form method="post" action="/language" reloadDocument className="m-0">
            <input type="hidden" name="lang" value={otherLocale} />
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              className="button-secondary min-h-11 px-3 py-1 text-base"
              lang={otherLocale}
              aria-label={t("language.switchToLabel")}
            >
              {t("language.switchTo")}
            </button>
          </Form>
        </div>
        <nav aria-label={t("nav.main")} className="mx-auto max-w-5xl px-4 pb-3">
          <ul className="m-0 flex list-none flex-wrap items-center gap-x-5 gap-y-2 p-0">
            <li>
              <Link to="/">{t("nav.home")}</Link>
            </li>
            {links.map((link) => (
              <li key={link.href}>
                <Link to={link.href}>{t(link.label)}</Link>
              </li>
            ))}
            {root?.devTools ? (
              <li>
                <Link to="/dev/mailbox">{t("nav.mailbox")}</Link>
              </li>
            ) : null}
            <li className="ml-auto">
              {root?.user ? (
                <Form method="post" action="/logout" className="m-0 flex flex-wrap items-center gap-3">
                  <span className="text-muted">{t("nav.signedInAs", { name: root.user.name })}</span>
                  <Link to="/account">{t("nav.account")}</Link>
                  <button type="submit" className="button-secondary min-h-11 px-3 py-1 text-base">
                    {t("nav.signOut")}
                  </button>
                </Form>
              ) : (
                <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("nav.signIn")}</Link>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl border-t border-gray-300 px-4 py-4 text-muted print:hidden">
        <p className="m-0">{t("app.tagline")}</p>
        <p className="m-0 mt-1">
          <Link to="/privacy">{t("agenda.nav.privacy")}</Link>
        </p>
      </footer>
    </>
  );
}
