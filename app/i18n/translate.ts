import { IntlMessageFormat } from "intl-messageformat";
import { DEFAULT_LOCALE, lookup, type Catalogue, type Locale, type MessageKey } from "./catalogue";
import type { nl } from "./nl";

/**
 * Translating with the catalogues that are loaded. The server loads both (translate.server.ts);
 * the browser loads only the page's language (entry.client.tsx), so a page does not download
 * a language its reader does not read.
 */

export type Key = MessageKey<typeof nl>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: Key, values?: MessageValues) => string;

const loaded: Partial<Record<Locale, Catalogue>> = {};
const compiled = new Map<string, IntlMessageFormat>();

export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  loaded[locale] = catalogue;
}

/** Whether `key` names a message (every language has the same keys; a test holds them to it). */
export function isMessageKey(key: string): key is Key {
  return Object.values(loaded).some((catalogue) => lookup(catalogue, key) !== undefined);
}

function messageFor(locale: Locale, key: string): string {
  const own = loaded[locale];
  const fallback = loaded[DEFAULT_LOCALE] ?? Object.values(loaded)[0];
  return (own && lookup(own, key)) ?? (fallback && lookup(fallback, key)) ?? key;
}

/** A translator over a catalogue of the caller's (a part of one, such as an invoice's words). */
export function translatorWith(locale: Locale, catalogue: Catalogue): Translate {
  return (key, values) =>
    String(new IntlMessageFormat(lookup(catalogue, key) ?? key, localeTag(locale)).format(values));
}

const localeTag = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");

/** A function that gives the message for a key in `locale`, with ICU placeholders filled. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(messageFor(locale, key), localeTag(locale));
      // only keep what came from the page's own catalogue, so a late-loaded language is not shadowed
      if (loaded[locale]) compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}
