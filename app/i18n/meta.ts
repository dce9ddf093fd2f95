import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "./catalogue";
import { translator, type Key, type MessageValues } from "./translate";

interface MatchLike {
  id: string;
  data?: unknown;
}

/** The page title in the page's language ("<page> – Buurtrooster"), for a route's `meta`. */
export function pageTitle(matches: MatchLike[], key: Key | null, values?: MessageValues): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const t = translator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
  const appName = t("app.name");
  return [{ title: key ? `${t(key, values)} – ${appName}` : appName }];
}
