import type { Locale } from "~/i18n/catalogue";
import { formatMoney } from "~/i18n/format";
import type { Key, Translate } from "~/i18n/translate";
import { isoWeek, lastDay, type ReportPeriod } from "./period";

/**
 * Report numbers and dates in the reader's language (pure). Calendar dates ("YYYY-MM-DD") are
 * days, not instants: they are formatted as such (in UTC, where the date is what it says).
 */

const intlLocale = (locale: Locale) => (locale === "nl" ? "nl-NL" : "en-GB");
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** "1.234,5" — hours with at most one decimal. */
export function formatHours(hours: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
}

/** Percentages are shown whole; a small share that would round to 0 is "<1%". */
function percentValue(fraction: number): number {
  return Math.round(fraction * 100);
}

/** "62%"; "–" when there is nothing to divide by. */
export function formatPercent(fraction: number | null, locale: Locale): string {
  if (fraction === null) return "–";
  if (fraction > 0 && percentValue(fraction) === 0) return locale === "nl" ? "<1%" : "<1%";
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(percentValue(fraction))}%`;
}

export function formatCount(count: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

export function formatDecimal(value: number | null, locale: Locale, digits = 2): string {
  if (value === null) return "–";
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatCents(cents: number | null, locale: Locale): string {
  return cents === null ? "–" : formatMoney(cents, locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format;
}

/** "maart 2026" for "2026-03-01". */
export function formatMonth(month: string, locale: Locale): string {
  return dateFormat(locale, { month: "long", year: "numeric" }).format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** "mrt" for "2026-03-01", for chart axes. */
export function formatMonthShort(month: string, locale: Locale): string {
  return dateFormat(locale, { month: "short" })
    .format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`))
    .replace(".", "");
}

/** "15 maart 2026" for "2026-03-15". */
export function formatDate(date: string, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

/** The period in words: "2026", "het 2e kwartaal van 2026", "maart 2026", "week 12 van 2026 (…)". */
export function formatPeriod(period: ReportPeriod, t: Translate, locale: Locale): string {
  const year = period.from.slice(0, 4);
  switch (period.kind) {
    case "year":
      return t("reports.period.labels.year", { year });
    case "quarter":
      return t("reports.period.labels.quarter", {
        year,
        quarter: Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1,
      });
    case "month":
      return t("reports.period.labels.month", { month: formatMonth(period.from, locale) });
    case "week": {
      const week = isoWeek(period.from);
      return t("reports.period.labels.week", {
        week: week.week,
        year: week.year,
        from: formatDate(period.from, locale),
        until: formatDate(lastDay(period), locale),
      });
    }
    case "range":
      return t("reports.period.labels.range", {
        from: formatDate(period.from, locale),
        until: formatDate(lastDay(period), locale),
      });
  }
}

export type ColumnKind =
  | "text"
  | "hours"
  | "percent"
  | "count"
  | "money"
  | "decimal"
  | "month"
  | "date"
  | "tier"
  | "weekday"
  | "hour"
  | "dayPart";

export type CellValue = string | number | null;

/** A table cell as text on the page and in the PDF. */
export function formatCell(kind: ColumnKind, value: CellValue, t: Translate, locale: Locale): string {
  if (value === null || value === undefined) return "–";
  switch (kind) {
    case "text":
      return String(value);
    case "hours":
      return formatHours(Number(value), locale);
    case "percent":
      return formatPercent(Number(value), locale);
    case "count":
      return formatCount(Number(value), locale);
    case "money":
      return formatCents(Number(value), locale);
    case "decimal":
      return formatDecimal(Number(value), locale);
    case "month":
      return formatMonth(String(value), locale);
    case "date":
      return formatDate(String(value), locale);
    case "tier":
      return t(`tier.${value}` as Key);
    case "weekday":
      return t(`reports.weekday.${value}` as Key);
    case "hour":
      return t("reports.hourRange", {
        from: String(value).padStart(2, "0"),
        to: String(Number(value) + 1).padStart(2, "0"),
      });
    case "dayPart":
      return t(`reports.dayPart.${value}` as Key);
  }
}
