import type { LinksFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { PageShell } from "~/components/page-shell";
import { isCatalogueMessage, translateMessage } from "~/lib/messages";
import { useLocale, useT } from "~/i18n/react";
import { useNonce } from "~/lib/nonce";
import { rootLoader } from "~/lib/root-data.server";
import styles from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

/** What every page has: the reader's language, who is signed in, the request id and nonce. */
export const loader = rootLoader;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // the server's nonce even on an error page without the root's data; in the browser, the data's
  const nonce = useNonce() ?? data?.cspNonce;
  const locale = useLocale();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <PageShell>
      <Outlet />
    </PageShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // a page's refusal thrown with its sentence (orRefusalPage) is shown as it is
  const refusal =
    isRouteErrorResponse(error) && status < 500 && isCatalogueMessage(error.data)
      ? translateMessage(t, error.data)
      : undefined;
  const [title, message] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), refusal ?? t("errors.forbidden")]
        : refusal
          ? [t("requests.refusedTitle"), refusal]
          : status >= 400 && status < 500
            ? [t("requests.badRequestTitle"), t("requests.badRequest")]
            : [t("errors.serverTitle"), t("errors.server", { id: data?.requestId ?? "?" })];
  return (
    <PageShell>
      <title>{title}</title>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </PageShell>
  );
}
