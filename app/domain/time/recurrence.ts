import * as rruleModule from "rrule";
import {
  TimeZoneError,
  assertTimeZone,
  formatWallClock,
  fromWallClock,
  parseLocalDate,
  parseWallClock,
  toWallClock,
} from "./time-zone";

// rrule ships CommonJS for Node and ESM for bundlers; take RRule from whichever was loaded.
const { RRule } = "RRule" in rruleModule ? rruleModule : (rruleModule as { default: typeof rruleModule }).default;

/**
 * Recurring dates with wall-clock semantics.
 *
 * The rule arithmetic is done by the `rrule` package on *floating* dates (wall-clock times
 * kept in a Date's UTC fields, no TZID), so its results cannot depend on the server's TZ.
 * Each wall-clock start is then turned into an instant in the centre's zone by
 * `fromWallClock` (RFC 5545 §3.3.5 for clock changes). A weekly 19:30 activity is therefore
 * 19:30 local on every date, summer and winter.
 */

export type RecurrenceErrorCode =
  | "invalid-rule"
  | "unsupported-frequency"
  | "invalid-start"
  | "invalid-date"
  | "invalid-duration"
  | "invalid-time-zone"
  | "invalid-limit"
  | "unbounded"
  | "beyond-horizon";

/** Invalid input to the recurrence functions; `message` is a plain sentence. */
export class RecurrenceError extends Error {
  override name = "RecurrenceError";
  constructor(
    readonly code: RecurrenceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ExpandInput {
  /** RFC 5545 RRULE value, with or without the "RRULE:" prefix */
  rrule: string;
  /** first start as local wall-clock time "YYYY-MM-DDTHH:mm" in timeZone */
  start: string;
  durationMinutes: number;
  /** IANA zone, e.g. "Europe/Amsterdam" */
  timeZone: string;
  /** local wall-clock starts to leave out */
  exdates?: string[];
  /** extra local wall-clock starts */
  rdates?: string[];
  /** only occurrences starting at or after this instant */
  from?: Date;
  /** ... and strictly before this instant */
  to?: Date;
  /** at most this many (default 1000); never unbounded */
  limit?: number;
}

export interface ExpandedOccurrence {
  start: Date;
  end: Date;
  /** the wall-clock start the rule (or an rdate) gives, "YYYY-MM-DDTHH:mm"; identifies the date */
  localStart: string;
}

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 100_000;
/** Dates further than this after the first start are never produced (guards impossible rules). */
const HORIZON_YEARS = 100;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY = "(MO|TU|WE|TH|FR|SA|SU)";
const intList = (min: number, max: number, signed: boolean) => (value: string) =>
  value.split(",").every((part) => {
    if (!/^[+-]?\d{1,3}$/.test(part) || (!signed && /^[+-]/.test(part))) return false;
    const n = Math.abs(Number(part));
    return n >= min && n <= max && (signed || Number(part) >= min);
  });

/** What each RRULE part may hold (RFC 5545 §3.3.10). */
const PART_RULES: Record<string, (value: string) => boolean> = {
  FREQ: (v) => /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(v),
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,6}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: (v) =>
    v.split(",").every((part) => {
      const match = new RegExp(`^([+-]?)(\\d{1,2})?${WEEKDAY}$`).exec(part);
      return match !== null && (match[2] === undefined || (Number(match[2]) >= 1 && Number(match[2]) <= 53));
    }),
  BYMONTHDAY: intList(1, 31, true),
  BYYEARDAY: intList(1, 366, true),
  BYWEEKNO: intList(1, 53, true),
  BYMONTH: intList(1, 12, false),
  BYSETPOS: intList(1, 366, true),
  BYHOUR: (v) => v.split(",").every((p) => /^\d{1,2}$/.test(p) && Number(p) <= 23),
  BYMINUTE: (v) => v.split(",").every((p) => /^\d{1,2}$/.test(p) && Number(p) <= 59),
  BYSECOND: (v) => v.split(",").every((p) => /^\d{1,2}$/.test(p) && Number(p) <= 60),
  WKST: (v) => new RegExp(`^${WEEKDAY}$`).test(v),
};

interface ParsedRule {
  /** the rule without UNTIL, for the rrule package */
  body: string;
  freq: string;
  hasCount: boolean;
  /** UNTIL as written: an instant (with Z) or a wall-clock time (without) */
  until?: { instant: Date } | { wallClock: Date };
}

/** Checks an RRULE strictly (the rrule package itself accepts nonsense such as BYDAY=XX). */
export function parseRule(rule: string): ParsedRule {
  const text = rule.trim().replace(/^RRULE:/i, "");
  if (text === "") throw new RecurrenceError("invalid-rule", "The repeat rule is empty.");
  const seen = new Set<string>();
  const kept: string[] = [];
  let until: ParsedRule["until"];
  let freq = "";
  let hasCount = false;
  for (const part of text.split(";")) {
    const [rawName, value, ...rest] = part.split("=");
    const name = (rawName ?? "").toUpperCase();
    if (!value || rest.length > 0 || !(name in PART_RULES)) {
      throw new RecurrenceError("invalid-rule", `The repeat rule has an unknown or empty part "${part}".`);
    }
    if (seen.has(name)) throw new RecurrenceError("invalid-rule", `The repeat rule names ${name} twice.`);
    seen.add(name);
    const upper = value.toUpperCase();
    if (!PART_RULES[name]!(upper)) {
      throw new RecurrenceError("invalid-rule", `The repeat rule has an invalid value "${value}" for ${name}.`);
    }
    if (name === "FREQ") freq = upper;
    if (name === "COUNT") hasCount = true;
    if (name === "UNTIL") {
      until = parseUntil(upper);
      continue;
    }
    kept.push(`${name}=${upper}`);
  }
  if (!freq) throw new RecurrenceError("invalid-rule", "The repeat rule has no FREQ.");
  if (!["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].includes(freq)) {
    throw new RecurrenceError(
      "unsupported-frequency",
      `Repeating ${freq.toLowerCase()} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.`,
    );
  }
  if (hasCount && until) {
    throw new RecurrenceError("invalid-rule", "The repeat rule may have COUNT or UNTIL, not both.");
  }
  return { body: kept.join(";"), freq, hasCount, until };
}

function parseUntil(value: string): NonNullable<ParsedRule["until"]> {
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (value.length === 8) {
    // A date without a time: the whole day counts (through 23:59:59 local).
    const day = parseLocalDate(date);
    if (!day) throw new RecurrenceError("invalid-rule", `UNTIL=${value} is not a real date.`);
    return { wallClock: new Date(day.getTime() + DAY_MS - 1000) };
  }
  const time = `${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}`;
  const wallClock = parseWallClock(`${date}T${time}`);
  if (!wallClock) throw new RecurrenceError("invalid-rule", `UNTIL=${value} is not a real date and time.`);
  return value.endsWith("Z") ? { instant: wallClock } : { wallClock };
}

/**
 * True when a DAILY or WEEKLY rule's day filters match no calendar day at all (such as
 * BYMONTH=2;BYMONTHDAY=30). The rrule package would search such a rule day by day up to
 * the year 9999 (seconds of work); a YEARLY probe with the same filters answers in
 * milliseconds. MONTHLY and YEARLY rules are cheap enough to search as they are.
 */
function neverMatchesADay(rule: ParsedRule, dtstart: Date): boolean {
  if (rule.freq !== "DAILY" && rule.freq !== "WEEKLY") return false;
  const parts = rule.body.split(";");
  if (!parts.some((part) => /^BY(MONTH|MONTHDAY|YEARDAY|WEEKNO)=/.test(part))) return false;
  const filters = parts.filter((part) => /^(BYMONTH|BYMONTHDAY|BYYEARDAY|BYWEEKNO|BYDAY|WKST)=/.test(part));
  const probe = new RRule({ ...RRule.parseString(["FREQ=YEARLY", ...filters].join(";")), dtstart, tzid: null });
  return probe.after(dtstart, true) === null;
}

function parseStart(text: string, what: string, code: RecurrenceErrorCode): Date {
  const wallClock = typeof text === "string" ? parseWallClock(text) : undefined;
  if (!wallClock) {
    throw new RecurrenceError(code, `${what} "${String(text)}" is not a date and time of the form YYYY-MM-DDTHH:mm.`);
  }
  return wallClock;
}

function checkInstant(value: Date | undefined, name: string): void {
  if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
    throw new RecurrenceError("invalid-date", `The date given as "${name}" is not valid.`);
  }
}

/**
 * Expands a recurring booking into concrete occurrences.
 *
 * Contract: starts are instants; `localStart` is the wall-clock start the rule or an rdate
 * gives ("YYYY-MM-DDTHH:mm" in `timeZone`). `from` is inclusive, `to` exclusive, both
 * compared with the start instant. An occurrence starting exactly at UNTIL is included;
 * UNTIL with Z is an instant, without Z a wall-clock time, a bare date means the whole day.
 * COUNT counts the rule's dates before exdates are removed (RFC 5545). Results are sorted
 * by start. A rule without COUNT or UNTIL must be bounded by `to` and may then yield at most
 * `limit` dates, else a RecurrenceError("unbounded"); a bounded rule is cut at `limit`.
 * Identical results under every server TZ.
 */
export function expandOccurrences(input: ExpandInput): ExpandedOccurrence[] {
  const { timeZone } = input;
  try {
    assertTimeZone(timeZone);
  } catch (error) {
    if (error instanceof TimeZoneError) throw new RecurrenceError("invalid-time-zone", error.message);
    throw error;
  }
  const duration = input.durationMinutes;
  if (typeof duration !== "number" || !Number.isInteger(duration) || duration <= 0) {
    throw new RecurrenceError("invalid-duration", "The duration must be a whole number of minutes above zero.");
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RecurrenceError("invalid-limit", `The limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  checkInstant(input.from, "from");
  checkInstant(input.to, "to");
  const rule = parseRule(input.rrule);
  const dtstart = parseStart(input.start, "The start", "invalid-start");
  const exdates = new Set(
    (input.exdates ?? []).map((text) => formatWallClock(parseStart(text, "The left-out date", "invalid-date"))),
  );
  const rdates = (input.rdates ?? []).map((text) => parseStart(text, "The extra date", "invalid-date"));
  const endless = !rule.hasCount && !rule.until;
  if (endless && !input.to) {
    throw new RecurrenceError(
      "unbounded",
      "The repeat rule has no end (no COUNT or UNTIL); give an end date or ask for a period.",
    );
  }

  const durationMs = duration * 60_000;
  const from = input.from?.getTime() ?? -Infinity;
  const to = input.to?.getTime() ?? Infinity;
  const untilInstant = rule.until && "instant" in rule.until ? rule.until.instant.getTime() : Infinity;
  const accept = (wallClock: Date): ExpandedOccurrence | undefined => {
    const localStart = formatWallClock(wallClock);
    if (exdates.has(localStart)) return undefined;
    const start = fromWallClock(wallClock, timeZone);
    const at = start.getTime();
    if (at < from || at >= to) return undefined;
    return { start, end: new Date(at + durationMs), localStart };
  };

  // Floating bounds for the rule arithmetic, a day wider than the instants asked for.
  const horizon = new Date(Date.UTC(dtstart.getUTCFullYear() + HORIZON_YEARS, 0, 1));
  const lower = input.from ? new Date(toWallClock(input.from, timeZone).getTime() - DAY_MS) : dtstart;
  let upper = input.to ? new Date(toWallClock(input.to, timeZone).getTime() + DAY_MS) : horizon;
  if (upper > horizon) upper = horizon;
  let until: Date | undefined;
  if (rule.until && "wallClock" in rule.until) until = rule.until.wallClock;
  if (rule.until && "instant" in rule.until)
    until = new Date(toWallClock(rule.until.instant, timeZone).getTime() + DAY_MS);

  // A rule that ends after the horizon would silently lose its last dates: refuse it instead,
  // unless the caller only asks for a window that ends before the horizon.
  const windowEndsBeforeHorizon = input.to !== undefined && toWallClock(input.to, timeZone) < horizon;
  if (until && until > horizon && !windowEndsBeforeHorizon) {
    throw new RecurrenceError(
      "beyond-horizon",
      `The repeat rule runs past ${horizon.getUTCFullYear()}; choose an earlier end date.`,
    );
  }

  const options = RRule.parseString(rule.body);
  const generator = new RRule({ ...options, dtstart, until: until ?? null, tzid: null });
  const fromRule: ExpandedOccurrence[] = [];
  const byLocalStart = new Set<string>();
  let generated = 0;
  const runs = lower <= upper && !neverMatchesADay(rule, dtstart);
  if (runs) {
    generator.between(lower, upper, true, (wallClock) => {
      generated += 1;
      const occurrence = accept(wallClock);
      if (occurrence && occurrence.start.getTime() <= untilInstant) {
        fromRule.push(occurrence);
        byLocalStart.add(occurrence.localStart);
      }
      return fromRule.length <= limit; // one more than the limit tells us there are more
    });
  }
  // COUNT dates that do not all fit before the horizon (the whole rule was asked for).
  if (
    runs &&
    rule.hasCount &&
    !input.from &&
    !windowEndsBeforeHorizon &&
    fromRule.length <= limit &&
    generated < (options.count ?? 0)
  ) {
    throw new RecurrenceError(
      "beyond-horizon",
      `The repeat rule runs past ${horizon.getUTCFullYear()}; choose fewer dates.`,
    );
  }
  if (endless && fromRule.length > limit) {
    throw new RecurrenceError(
      "unbounded",
      `The repeat rule gives more than ${limit} dates in this period; choose a shorter period or an end date.`,
    );
  }

  const extra: ExpandedOccurrence[] = [];
  for (const wallClock of rdates) {
    const occurrence = accept(wallClock);
    if (occurrence && !byLocalStart.has(occurrence.localStart)) {
      byLocalStart.add(occurrence.localStart);
      extra.push(occurrence);
    }
  }
  return [...fromRule, ...extra].sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, limit);
}
