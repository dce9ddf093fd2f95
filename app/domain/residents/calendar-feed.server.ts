import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventStatus } from "ical-generator";
import type { Locale } from "~/i18n/catalogue";
import { formatMoney } from "~/i18n/format";
import { translator } from "~/i18n/translate.server";
import { foldLines } from "./ical-folding";
import { feedItems, type AgendaItem, type PublicActivity, type PublicCentre } from "./agenda.server";
import { clock } from "~/lib/clock";

/**
 * iCalendar feeds (RFC 5545) of a centre's public activities, to subscribe to in a phone's
 * calendar. One VEVENT per date, not a series with RRULE: dates are materialised rows that
 * can be moved or cancelled one by one, and a plain list of events is what every calendar
 * app reads the same way. Each event's UID is its occurrence id, so it stays the same when
 * the date changes; a cancelled date stays in the feed with STATUS:CANCELLED (and a higher
 * SEQUENCE) so calendars that have it update it rather than keep it.
 *
 * Times are written as local times with TZID=<the centre's zone> plus a VTIMEZONE for that
 * zone. ical-generator formats a plain Date with the server's local clock, so every time is
 * passed as a TZDate (@date-fns/tz) in the centre's zone: the output does not depend on the
 * server's TZ. See docs/decisions/022-calendar-feeds.md.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** The feeds cover four weeks back (recent changes stay visible) and a year ahead. */
const FEED_PAST_DAYS = 28;
const FEED_FUTURE_DAYS = 365;

function feedRange(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
    to: new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
  };
}

/** The UID of a date in every feed: stable for as long as the date exists. */
function eventUid(occurrenceId: string): string {
  return `${occurrenceId}@buurtrooster`;
}

export interface CalendarInput {
  name: string;
  description: string;
  centre: Pick<PublicCentre, "name" | "street" | "postalCode" | "city" | "timeZone">;
  items: AgendaItem[];
  /** the public address of the app, for links to activity pages */
  baseUrl: string;
  locale: Locale;
  now: Date;
}

/** The iCalendar text of `items` (pure apart from reading the zone data). */
export function buildCalendar(input: CalendarInput): string {
  const t = translator(input.locale);
  const zone = input.centre.timeZone;
  // The calendar's name and description are written here, not by ical-generator: escape them
  // (RFC 5545 §3.3.11) and keep them on one line.
  const oneLine = (text: string) =>
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\\;,]/g, (character) => `\\${character}`);
  // ical-generator writes the events; the calendar's own lines are written below, and the whole
  // is folded by our foldLines (the library's own folding is slow: see ical-folding.ts).
  const calendar = ical();
  const address = `${input.centre.street}, ${input.centre.postalCode} ${input.centre.city}`;
  // The same words for every event: translated once.
  const words = {
    WALK_IN: t("agenda.activity.walkInPlain"),
    SIGN_UP: t("agenda.activity.signUpPlain"),
    price: t("centre.price"),
    free: t("centre.free"),
    organiser: t("centre.organiser"),
  };
  for (const item of input.items) {
    const url = `${input.baseUrl}/centres/${item.centre.slug}/activities/${item.activityId}`;
    const lines = [
      item.description,
      item.kind === "WALK_IN" ? words.WALK_IN : words.SIGN_UP,
      `${words.price}: ${item.priceCents === 0 ? words.free : formatMoney(item.priceCents, input.locale)}`,
      `${words.organiser}: ${item.organiser}`,
      item.accessibilityNotes,
      url,
    ].filter(Boolean);
    calendar.createEvent({
      id: eventUid(item.occurrenceId),
      sequence: item.cancelled ? 1 : 0,
      stamp: input.now,
      start: new TZDate(item.startsAt, zone),
      end: new TZDate(item.endsAt, zone),
      timezone: zone,
      summary: item.cancelled ? t("agenda.feed.cancelledSummary", { title: item.title }) : item.title,
      description: lines.join("\n\n"),
      location: `${item.room.name}, ${input.centre.name}, ${address}`,
      url,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const events = calendar.events();
  // The VTIMEZONE of every zone the events use (none for UTC, none without events).
  const zones = new Set(events.map((event) => event.timezone()).filter((name) => name !== null));
  const head = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Buurtrooster//Agenda//NL",
    "METHOD:PUBLISH",
    ...namedLines(oneLine(input.name), oneLine(input.description)),
    ...[...zones].map((name) => getVtimezoneComponent(name)?.replace(/\r?\n/g, "\r\n").trim() ?? ""),
    `REFRESH-INTERVAL;VALUE=DURATION:${FEED_TTL}`,
    `X-PUBLISHED-TTL:${FEED_TTL}`,
  ].filter(Boolean);
  // No calendar-wide zone name: with one, DTSTAMP would be written as local time, and RFC 5545
  // wants UTC. X-WR-TIMEZONE tells the apps that read it which zone the centre is in.
  const text = `${head.join("\r\n")}\r\n${events.map((event) => event.toString()).join("")}X-WR-TIMEZONE:${zone}\r\nEND:VCALENDAR`;
  return foldLines(text);
}

/** How often calendar apps should fetch the feed again (six hours). */
const FEED_TTL = "PT6H";

function namedLines(name: string, description: string): string[] {
  return [
    ...(name ? [`NAME:${name}`, `X-WR-CALNAME:${name}`] : []),
    ...(description ? [`X-WR-CALDESC:${description}`] : []),
  ];
}

/** The feed of a whole centre. */
export async function centreCalendar(centre: PublicCentre, options: { baseUrl: string; locale: Locale; now?: Date }) {
  const now = options.now ?? clock.now();
  const t = translator(options.locale);
  const items = await feedItems(centre.id, feedRange(now));
  return buildCalendar({
    name: centre.name,
    description: t("agenda.feed.centreDescription", { name: centre.name }),
    centre,
    items,
    baseUrl: options.baseUrl,
    locale: options.locale,
    now,
  });
}

/** The feed of one activity of a centre. */
export async function activityCalendar(
  centre: PublicCentre,
  activity: PublicActivity,
  options: { baseUrl: string; locale: Locale; now?: Date },
) {
  const now = options.now ?? clock.now();
  const items = await feedItems(centre.id, feedRange(now), activity.id);
  return buildCalendar({
    name: `${activity.title} (${centre.name})`,
    description: activity.description,
    centre,
    items,
    baseUrl: options.baseUrl,
    locale: options.locale,
    now,
  });
}
