import { isoWeekday, minuteOfDay } from "../time/time-zone";

/**
 * An activity's repeat pattern, in a shape the interface can say in plain words
 * ("elke dinsdag 10:00–12:00", "elke eerste donderdag van de maand 19:30–21:30"). Pure: it
 * reads the booking's RRULE and its wall-clock start, never an instant, so the server's TZ
 * cannot matter. Patterns that are not easy to say in one short sentence come back as
 * `irregular`; the page then lists the next dates only.
 */

export type Schedule =
  | { kind: "once"; startMinute: number; endMinute: number }
  | { kind: "daily"; interval: number; startMinute: number; endMinute: number }
  | { kind: "weekly"; interval: number; weekdays: number[]; startMinute: number; endMinute: number }
  | {
      kind: "monthly-weekday";
      /** 1..4 for first..fourth, -1 for the last */
      ordinal: number;
      weekday: number;
      startMinute: number;
      endMinute: number;
    }
  | { kind: "monthly-day"; day: number; startMinute: number; endMinute: number }
  | { kind: "irregular"; startMinute: number; endMinute: number };

const WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

function ruleParts(rrule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rrule
    .trim()
    .replace(/^RRULE:/i, "")
    .split(";")) {
    const [name, value] = part.split("=");
    if (name && value) parts.set(name.toUpperCase(), value.toUpperCase());
  }
  return parts;
}

/**
 * The pattern of a booking. `localStart` is the series' first start as a wall-clock Date
 * (its UTC fields are the clock reading, as Prisma returns a `timestamp` column);
 * `durationMinutes` gives the end time. Minutes count from local midnight; an end past
 * midnight is above 1440.
 */
export function scheduleOf(rrule: string | null, localStart: Date, durationMinutes: number): Schedule {
  const startMinute = minuteOfDay(localStart);
  const endMinute = startMinute + durationMinutes;
  const times = { startMinute, endMinute };
  if (!rrule) return { kind: "once", ...times };
  const parts = ruleParts(rrule);
  const freq = parts.get("FREQ");
  const interval = Number(parts.get("INTERVAL") ?? "1");
  if (!Number.isInteger(interval) || interval < 1) return { kind: "irregular", ...times };
  const filters = [...parts.keys()].filter((name) => !["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"].includes(name));
  const byDay = parts.get("BYDAY");

  if (freq === "DAILY" && filters.length === 0) return { kind: "daily", interval, ...times };

  if (freq === "WEEKLY" && filters.every((name) => name === "BYDAY")) {
    const weekdays = byDay ? byDay.split(",").map((day) => WEEKDAYS[day]) : [isoWeekday(localStart)];
    if (weekdays.some((day) => day === undefined)) return { kind: "irregular", ...times };
    return { kind: "weekly", interval, weekdays: [...new Set(weekdays as number[])].sort(), ...times };
  }

  if (freq === "MONTHLY" && interval === 1) {
    if (filters.length === 0) return { kind: "monthly-day", day: localStart.getUTCDate(), ...times };
    if (filters.length === 1 && byDay) {
      const match = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
      const ordinal = match ? Number(match[1]) : NaN;
      if (match && ((ordinal >= 1 && ordinal <= 4) || ordinal === -1)) {
        return { kind: "monthly-weekday", ordinal, weekday: WEEKDAYS[match[2]!]!, ...times };
      }
    }
    if (filters.length === 2 && byDay && parts.has("BYSETPOS") && WEEKDAYS[byDay] !== undefined) {
      const ordinal = Number(parts.get("BYSETPOS"));
      if ((ordinal >= 1 && ordinal <= 4) || ordinal === -1) {
        return { kind: "monthly-weekday", ordinal, weekday: WEEKDAYS[byDay]!, ...times };
      }
    }
    const day = Number(parts.get("BYMONTHDAY"));
    if (filters.length === 1 && Number.isInteger(day) && day >= 1 && day <= 28) {
      return { kind: "monthly-day", day, ...times };
    }
  }
  return { kind: "irregular", ...times };
}

/** "10:00" for minute 600 of the day; minutes past midnight wrap to the next day's clock. */
export function clockTime(minute: number): string {
  const inDay = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, "0")}:${String(inDay % 60).padStart(2, "0")}`;
}

/** What a translator must provide to say a schedule (keys of the agenda catalogue). */
export type ScheduleTranslate = (
  key:
    | "agenda.schedule.daily"
    | "agenda.schedule.weekly"
    | "agenda.schedule.monthlyWeekday"
    | "agenda.schedule.monthlyDay"
    | "agenda.weekday.1"
    | "agenda.weekday.2"
    | "agenda.weekday.3"
    | "agenda.weekday.4"
    | "agenda.weekday.5"
    | "agenda.weekday.6"
    | "agenda.weekday.7",
  values?: Record<string, string | number>,
) => string;

/**
 * The schedule in words, e.g. "elke dinsdag 10:00–12:00" or "every Monday and Wednesday
 * 15:30–17:30"; undefined for a one-off or an irregular pattern (show the dates instead).
 */
export function describeSchedule(schedule: Schedule, t: ScheduleTranslate, locale: "nl" | "en"): string | undefined {
  const time = `${clockTime(schedule.startMinute)}–${clockTime(schedule.endMinute)}`;
  const weekday = (day: number) => t(`agenda.weekday.${day}` as Parameters<ScheduleTranslate>[0]);
  switch (schedule.kind) {
    case "daily":
      return t("agenda.schedule.daily", { interval: schedule.interval, time });
    case "weekly": {
      const days = new Intl.ListFormat(locale === "nl" ? "nl-NL" : "en-GB", {
        style: "long",
        type: "conjunction",
      }).format(schedule.weekdays.map(weekday));
      return t("agenda.schedule.weekly", { interval: schedule.interval, days, time });
    }
    case "monthly-weekday":
      return t("agenda.schedule.monthlyWeekday", {
        ordinal: schedule.ordinal === -1 ? "last" : String(schedule.ordinal),
        weekday: weekday(schedule.weekday),
        time,
      });
    case "monthly-day":
      return t("agenda.schedule.monthlyDay", { day: schedule.day, time });
    default:
      return undefined;
  }
}
