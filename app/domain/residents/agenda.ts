import type { ActivityKind, Audience } from "~/generated/prisma/enums";
import type { Schedule } from "./activity-schedule";
import { addWallClockDays, formatLocalDate, localDateAt, parseLocalDate, startOfLocalDay } from "../time/time-zone";

/**
 * The public agenda's periods and filters (pure). A period is a range of local days in the
 * centre's zone: today; this week (today and the six days after it); further ahead (the
 * eight weeks after that). Filters come from the page's address, so a filtered agenda is a
 * link that can be shared and works without JavaScript; values we do not know are ignored.
 */

export const PERIODS = ["today", "week", "later"] as const;
export type Period = (typeof PERIODS)[number];

/** Days in "further ahead", counted after this week. */
const LATER_DAYS = 56;

export const AUDIENCES: readonly Audience[] = ["CHILDREN", "YOUNG_PEOPLE", "ADULTS", "OLDER_PEOPLE"];

/** How an audience is written in an address: ?voor=kinderen is friendlier than ?audience=CHILDREN. */
export const AUDIENCE_PARAM: Record<Audience, string> = {
  CHILDREN: "children",
  YOUNG_PEOPLE: "young-people",
  ADULTS: "adults",
  OLDER_PEOPLE: "older-people",
};

/** What the public pages tell about a centre: where it is, how to get there, how to reach it. */
export interface PublicCentreDetails {
  slug: string;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  directions: string;
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** Only the public details of a centre, for a page's data (a loader's data reaches the browser). */
export function publicCentreDetails(centre: PublicCentreDetails): PublicCentreDetails {
  const { slug, name, description, street, postalCode, city, directions, email, phone, website } = centre;
  return { slug, name, description, street, postalCode, city, directions, email, phone, website };
}

/** What residents may see of an activity, on a date in the agenda and on its own page. */
export interface PublicActivityFacts {
  title: string;
  description: string;
  kind: ActivityKind;
  audiences: Audience[];
  priceCents: number;
  organiser: string;
  accessibilityNotes: string;
  /** places per date, for sign-up activities */
  capacity: number | null;
  room: { name: string; location: string; stepFree: boolean };
  /** the series' pattern, to say it in words */
  schedule: Schedule;
  rrule: string | null;
}

export interface AgendaFilters {
  /** activities for at least one of these audiences; empty = everyone */
  audiences: Audience[];
  /** no participant price */
  free: boolean;
  /** walk-in only (no sign-up) */
  walkIn: boolean;
  /** step-free rooms only */
  stepFree: boolean;
  /** combined agenda: only these centres (slugs); empty = all */
  centres: string[];
}

export interface AgendaQuery {
  period: Period;
  filters: AgendaFilters;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const YES = new Set(["1", "on", "true", "yes", "ja"]);

/** Reads the period and filters from an agenda address; anything unknown is ignored. */
export function parseAgendaQuery(params: URLSearchParams): AgendaQuery {
  const when = params.get("when");
  const period: Period = (PERIODS as readonly string[]).includes(when ?? "") ? (when as Period) : "week";
  const byParam = new Map(Object.entries(AUDIENCE_PARAM).map(([audience, param]) => [param, audience as Audience]));
  const audiences = [
    ...new Set(
      params
        .getAll("for")
        .map((value) => byParam.get(value))
        .filter((a): a is Audience => !!a),
    ),
  ];
  const centres = [...new Set(params.getAll("centre").filter((slug) => SLUG.test(slug)))].slice(0, 50);
  return {
    period,
    filters: {
      audiences: AUDIENCES.filter((audience) => audiences.includes(audience)),
      free: YES.has(params.get("free") ?? ""),
      walkIn: YES.has(params.get("walk-in") ?? ""),
      stepFree: YES.has(params.get("step-free") ?? ""),
      centres,
    },
  };
}

/** The address query for a period and filters (the inverse of parseAgendaQuery). */
export function agendaSearch(query: AgendaQuery): string {
  const params = new URLSearchParams();
  if (query.period !== "week") params.set("when", query.period);
  for (const audience of query.filters.audiences) params.append("for", AUDIENCE_PARAM[audience]);
  if (query.filters.free) params.set("free", "1");
  if (query.filters.walkIn) params.set("walk-in", "1");
  if (query.filters.stepFree) params.set("step-free", "1");
  for (const centre of query.filters.centres) params.append("centre", centre);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(filters: AgendaFilters): boolean {
  return (
    filters.audiences.length > 0 || filters.free || filters.walkIn || filters.stepFree || filters.centres.length > 0
  );
}

/** Local dates ("YYYY-MM-DD") of today and tomorrow in `timeZone`, seen at `now`. */
export function dayLabels(timeZone: string, now: Date): { today: string; tomorrow: string } {
  const today = parseLocalDate(localDateAt(now, timeZone))!;
  return { today: formatLocalDate(today), tomorrow: formatLocalDate(addWallClockDays(today, 1)) };
}

/**
 * The instants [from, to) from local midnight `fromDay` days after today up to local
 * midnight `toDay` days after today, in `timeZone`, seen at `now`. Days start at local
 * midnight, so a week is seven calendar days whatever the clock changes do.
 */
export function localDayRange(timeZone: string, now: Date, fromDay: number, toDay: number): { from: Date; to: Date } {
  const today = parseLocalDate(localDateAt(now, timeZone))!;
  const day = (offset: number) => startOfLocalDay(formatLocalDate(addWallClockDays(today, offset)), timeZone);
  return { from: day(fromDay), to: day(toDay) };
}

/** The instants of a period for a centre in `timeZone`, seen at `now`. */
export function periodRange(period: Period, timeZone: string, now: Date): { from: Date; to: Date } {
  switch (period) {
    case "today":
      return localDayRange(timeZone, now, 0, 1);
    case "week":
      return localDayRange(timeZone, now, 0, 7);
    case "later":
      return localDayRange(timeZone, now, 7, 7 + LATER_DAYS);
  }
}

interface Dated {
  startsAt: Date | string;
  centre: { timeZone: string };
}

/**
 * Items grouped by local day ("YYYY-MM-DD" in each item's centre zone), in the order given
 * (already sorted by start). Dates may arrive as strings after a loader's JSON.
 */
export function groupByDay<T extends Dated>(items: T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = localDateAt(new Date(item.startsAt), item.centre.timeZone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Items grouped by activity, each group in date order, groups by their first date. */
export function groupByActivity<T extends { activityId: string }>(items: T[]): { activityId: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.activityId);
    if (group) group.push(item);
    else groups.set(item.activityId, [item]);
  }
  return [...groups].map(([activityId, grouped]) => ({ activityId, items: grouped }));
}
