import { IntlMessageFormat } from "intl-messageformat";
import { lookup, type Locale, type MessageKey } from "./catalogue";
import { en } from "./en";
import { nl } from "./nl";

export const catalogues = { nl, en } as const;

export type Key = MessageKey<typeof nl>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: Key, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** A function that gives the message for a key in `locale`, with ICU placeholders filled. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const message = lookup(catalogues[locale], key) ?? lookup(catalogues.nl, key) ?? key;
      format = new IntlMessageFormat(message, locale === "nl" ? "nl-NL" : "en-GB");
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}
