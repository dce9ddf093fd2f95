import type { Audience } from "~/generated/prisma/enums";
import { translator } from "~/i18n/translate.server";
import { describeSchedule } from "./activity-schedule";
import { AUDIENCE_PARAM } from "./agenda";
import { feedItems, type AgendaItem, type PublicCentre } from "./agenda.server";
import { localDateTimeAt, offsetMinutes } from "../time/time-zone";
import { clock } from "~/lib/clock";

/**
 * /centres/<slug>/agenda.json: the centre's public activities and their coming dates, for
 * a municipality's social map or a regional events site. The shape is documented in
 * docs/agenda-json.md and versioned: fields are only ever added within version 1.
 */

const AGENDA_JSON_VERSION = 1;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Dates from the start of today up to this many days ahead. */
const JSON_DAYS_AHEAD = 90;

/** "2026-05-12T10:00:00+02:00": the centre's clock time with its UTC offset at that instant. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, instant);
  const sign = offset < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${localDateTimeAt(instant, timeZone)}:00${sign}${hours}:${minutes}`;
}

export interface AgendaJson {
  version: number;
  generatedAt: string;
  centre: {
    slug: string;
    name: string;
    description: string;
    url: string;
    address: { street: string; postalCode: string; city: string };
    directions: string;
    email: string | null;
    phone: string | null;
    website: string | null;
    timeZone: string;
    icsUrl: string;
  };
  activities: {
    id: string;
    title: string;
    description: string;
    kind: "walk-in" | "sign-up";
    audiences: string[];
    price: { amountCents: number; currency: "EUR"; free: boolean };
    organiser: string;
    accessibilityNotes: string;
    room: { name: string; location: string; stepFree: boolean };
    schedule: { rrule: string | null; text: { nl: string | null; en: string | null } };
    capacity: number | null;
    url: string;
    icsUrl: string;
    dates: {
      id: string;
      start: string;
      end: string;
      status: "scheduled" | "cancelled";
      placesLeft: number | null;
    }[];
  }[];
}

/** The JSON document (pure): activities in order of their first date, each with its dates. */
function buildAgendaJson(centre: PublicCentre, items: AgendaItem[], baseUrl: string, now: Date): AgendaJson {
  const centreUrl = `${baseUrl}/centres/${centre.slug}`;
  const nl = translator("nl");
  const en = translator("en");
  const activities = new Map<string, AgendaJson["activities"][number]>();
  for (const item of items) {
    let activity = activities.get(item.activityId);
    if (!activity) {
      activity = {
        id: item.activityId,
        title: item.title,
        description: item.description,
        kind: item.kind === "WALK_IN" ? "walk-in" : "sign-up",
        audiences: item.audiences.map((audience: Audience) => AUDIENCE_PARAM[audience]),
        price: { amountCents: item.priceCents, currency: "EUR", free: item.priceCents === 0 },
        organiser: item.organiser,
        accessibilityNotes: item.accessibilityNotes,
        room: item.room,
        schedule: {
          rrule: item.rrule,
          text: {
            nl: describeSchedule(item.schedule, nl, "nl") ?? null,
            en: describeSchedule(item.schedule, en, "en") ?? null,
          },
        },
        capacity: item.capacity,
        url: `${centreUrl}/activities/${item.activityId}`,
        icsUrl: `${centreUrl}/activities/${item.activityId}/agenda.ics`,
        dates: [],
      };
      activities.set(item.activityId, activity);
    }
    activity.dates.push({
      id: item.occurrenceId,
      start: isoWithOffset(item.startsAt, centre.timeZone),
      end: isoWithOffset(item.endsAt, centre.timeZone),
      status: item.cancelled ? "cancelled" : "scheduled",
      placesLeft: item.placesLeft,
    });
  }
  return {
    version: AGENDA_JSON_VERSION,
    generatedAt: now.toISOString(),
    centre: {
      slug: centre.slug,
      name: centre.name,
      description: centre.description,
      url: centreUrl,
      address: { street: centre.street, postalCode: centre.postalCode, city: centre.city },
      directions: centre.directions,
      email: centre.email,
      phone: centre.phone,
      website: centre.website,
      timeZone: centre.timeZone,
      icsUrl: `${centreUrl}/agenda.ics`,
    },
    activities: [...activities.values()],
  };
}

export async function centreAgendaJson(centre: PublicCentre, baseUrl: string, now = clock.now()) {
  const range = { from: new Date(now.getTime() - DAY_MS), to: new Date(now.getTime() + JSON_DAYS_AHEAD * DAY_MS) };
  const items = (await feedItems(centre.id, range)).filter((item) => item.endsAt > now);
  return buildAgendaJson(centre, items, baseUrl, now);
}
