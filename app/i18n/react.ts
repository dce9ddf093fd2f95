import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { rootLoader } from "~/lib/root-data.server";
import { DEFAULT_LOCALE, type Locale } from "./catalogue";
import { translator, type Translate } from "./translate";

export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? DEFAULT_LOCALE;
}

/** The translate function for the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
