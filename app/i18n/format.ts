import type { Locale } from "./catalogue";

/**
 * Dates and times as the centre's clock shows them, in the reader's language. Every
 * formatter passes the centre's zone to Intl, so the server's TZ never matters.
 */

const intlLocale = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** "dinsdag 3 maart" */
export function formatDay(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { weekday: "long", day: "numeric", month: "long" }).format(instant);
}

/** "di 3 mrt 2026" */
export function formatShortDate(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
    instant,
  );
}

/** "19:30" */
export function formatTime(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "19:30–21:00" */
export function formatTimeRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  return `${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)}`;
}

/** "dinsdag 3 maart, 19:30–21:00" */
export function formatDayTimeRange(start: Date, end: Date, timeZone: string, locale: Locale): string {
  return `${formatDay(start, timeZone, locale)}, ${formatTimeRange(start, end, timeZone, locale)}`;
}

// One formatter per language: creating an Intl.NumberFormat costs far more than using one.
const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/** "€ 12,50" / "€12.50" */
export function formatMoney(cents: number, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" });
    moneyFormats.set(locale, format);
  }
  return format.format(cents / 100);
}
