import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale } from "~/i18n/catalogue";
import { registerCatalogue } from "~/i18n/translate";

// Only the page's language is downloaded (each catalogue is its own chunk), before React takes over.
const locale = isLocale(document.documentElement.lang) ? document.documentElement.lang : "nl";
const catalogue =
  locale === "en" ? import("~/i18n/en").then((module) => module.en) : import("~/i18n/nl").then((module) => module.nl);

void catalogue.then((messages) => {
  registerCatalogue(locale, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
