import { TZDate } from "@date-fns/tz";
import { addDays, addYears, differenceInCalendarDays, getISOWeek, getISOWeekYear, startOfISOWeek } from "date-fns";
import { formatLocalDate, parseLocalDate } from "../time/time-zone";

/**
 * Report periods (pure). A period is a run of whole local days in the centre's zone:
 * `from` is the first day, `to` the day after the last one ("YYYY-MM-DD", end exclusive).
 * The instants come later, per centre zone (see calendar.ts), so a period means the same
 * days in every zone and under every server TZ.
 */

export const PERIOD_KINDS = ["year", "quarter", "month", "week", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriod {
  kind: PeriodKind;
  /** first local day, "YYYY-MM-DD" */
  from: string;
  /** the day after the last local day, "YYYY-MM-DD" (exclusive) */
  to: string;
}

/** The longest "any range" period, in days (about three years). */
export const MAX_RANGE_DAYS = 1100;

function day(text: string): Date {
  const parsed = parseLocalDate(text);
  if (!parsed) throw new RangeError(`"${text}" is not a date of the form YYYY-MM-DD.`);
  return parsed;
}

/** A local date as date-fns sees it: midnight in UTC, so no server TZ and no clock change can move it. */
function calendarDay(text: string): TZDate {
  return new TZDate(day(text).getTime(), "UTC");
}

function ymd(year: number, month: number, date: number): string {
  return formatLocalDate(new Date(Date.UTC(year, month - 1, date)));
}

/** Adds whole days to a local date. */
export function plusDays(localDate: string, days: number): string {
  return formatLocalDate(addDays(calendarDay(localDate), days));
}

/** The same calendar date `years` years later; 29 February becomes 28 February. */
export function plusYears(localDate: string, years: number): string {
  return formatLocalDate(addYears(calendarDay(localDate), years));
}

/** Number of days between two local dates (to − from). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(calendarDay(to), calendarDay(from));
}

function periodDays(period: ReportPeriod): number {
  return daysBetween(period.from, period.to);
}

/** The last day of the period (inclusive), "YYYY-MM-DD". */
export function lastDay(period: ReportPeriod): string {
  return plusDays(period.to, -1);
}

/** ISO 8601 week number and its year (the week with the year's first Thursday is week 1). */
export function isoWeek(localDate: string): { year: number; week: number } {
  const date = calendarDay(localDate);
  return { year: getISOWeekYear(date), week: getISOWeek(date) };
}

/** The period of `kind` that contains `date` (for "range": `from` to `until`, both inclusive). */
export function resolvePeriod(input: { kind: PeriodKind; date: string; from?: string; until?: string }): ReportPeriod {
  const date = day(input.date);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  switch (input.kind) {
    case "year":
      return { kind: "year", from: ymd(year, 1, 1), to: ymd(year + 1, 1, 1) };
    case "quarter": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { kind: "quarter", from: ymd(year, first, 1), to: ymd(year, first + 3, 1) };
    }
    case "month":
      return { kind: "month", from: ymd(year, month, 1), to: ymd(year, month + 1, 1) };
    case "week": {
      const monday = formatLocalDate(startOfISOWeek(calendarDay(input.date)));
      return { kind: "week", from: monday, to: plusDays(monday, 7) };
    }
    case "range": {
      const from = input.from ?? input.date;
      const until = input.until ?? from;
      if (until < from) throw new RangeError("The end of the range lies before its start.");
      return { kind: "range", from, to: plusDays(until, 1) };
    }
  }
}

/**
 * The same period a year earlier. Weeks go back 52 weeks, so Monday stays Monday; every
 * other period goes back one calendar year (same dates).
 */
export function previousYear(period: ReportPeriod): ReportPeriod {
  if (period.kind === "week") return { kind: "week", from: plusDays(period.from, -364), to: plusDays(period.to, -364) };
  return { kind: period.kind, from: plusYears(period.from, -1), to: plusYears(period.to, -1) };
}

/** The period before (`step` −1) or after (+1) this one, of the same kind and length. */
export function shiftPeriod(period: ReportPeriod, step: -1 | 1): ReportPeriod {
  switch (period.kind) {
    case "year":
      return resolvePeriod({ kind: "year", date: plusYears(period.from, step) });
    case "quarter":
      return resolvePeriod({ kind: "quarter", date: step < 0 ? plusDays(period.from, -1) : period.to });
    case "month":
      return resolvePeriod({ kind: "month", date: step < 0 ? plusDays(period.from, -1) : period.to });
    case "week":
      return { kind: "week", from: plusDays(period.from, 7 * step), to: plusDays(period.to, 7 * step) };
    case "range": {
      const length = periodDays(period);
      return { kind: "range", from: plusDays(period.from, length * step), to: plusDays(period.to, length * step) };
    }
  }
}

/** The first day of every calendar month the period touches, in order ("YYYY-MM-01"). */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  const start = day(period.from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (;;) {
    const first = ymd(year, month, 1);
    if (first >= period.to) break;
    months.push(first);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** True when the month starting at `monthStart` lies wholly inside the period. */
export function containsWholeMonth(period: ReportPeriod, monthStart: string): boolean {
  const start = day(monthStart);
  const next = ymd(start.getUTCFullYear(), start.getUTCMonth() + 2, 1);
  return monthStart >= period.from && next <= period.to;
}

/** The calendar years the period touches, with the number of its days in each. */
export function daysPerYear(period: ReportPeriod): { year: number; days: number; daysInYear: number }[] {
  const result: { year: number; days: number; daysInYear: number }[] = [];
  let cursor = period.from;
  while (cursor < period.to) {
    const year = Number(cursor.slice(0, 4));
    const nextYear = ymd(year + 1, 1, 1);
    const end = nextYear < period.to ? nextYear : period.to;
    result.push({ year, days: daysBetween(cursor, end), daysInYear: daysBetween(ymd(year, 1, 1), nextYear) });
    cursor = end;
  }
  return result;
}

/** The query-string values that describe a period (for links and the period form). */
export function periodQuery(period: ReportPeriod): Record<string, string> {
  if (period.kind === "range") return { kind: "range", from: period.from, until: lastDay(period) };
  return { kind: period.kind, date: period.from };
}

export function periodSearch(period: ReportPeriod): string {
  return new URLSearchParams(periodQuery(period)).toString();
}

/** A short name for files: "2026", "2026-K2", "2026-03", "2026-W12", "2026-03-01_2026-04-15". */
export function periodSlug(period: ReportPeriod): string {
  const year = period.from.slice(0, 4);
  switch (period.kind) {
    case "year":
      return year;
    case "quarter":
      return `${year}-K${Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1}`;
    case "month":
      return period.from.slice(0, 7);
    case "week": {
      const week = isoWeek(period.from);
      return `${week.year}-W${String(week.week).padStart(2, "0")}`;
    }
    case "range":
      return `${period.from}_${lastDay(period)}`;
  }
}

/** "YYYY-MM" of the month before the one that holds `localDate`. */
export function monthBefore(localDate: string): string {
  return plusDays(`${localDate.slice(0, 7)}-01`, -1).slice(0, 7);
}
