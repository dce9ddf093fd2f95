import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { scheduleOf } from "~/domain/residents/activity-schedule";
import type { AgendaItem } from "~/domain/residents/agenda.server";
import { buildCalendar } from "~/domain/residents/calendar-feed.server";
import { parseWallClock } from "~/domain/time/time-zone";

const AMS = "Europe/Amsterdam";

function item(id: string, startsAt: string, cancelled = false): AgendaItem {
  const start = new Date(startsAt);
  return {
    occurrenceId: id,
    activityId: "a1",
    centre: { slug: "de-wilg", name: "Buurthuis De Wilg", timeZone: AMS },
    title: "Koffieochtend",
    description: "",
    kind: "WALK_IN",
    audiences: [],
    priceCents: 0,
    organiser: "Koffieclub",
    accessibilityNotes: "",
    room: { name: "Zaal A", location: "", stepFree: true },
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000),
    originalLocalStart: "",
    cancelled,
    capacity: null,
    placesLeft: null,
    schedule: scheduleOf("FREQ=WEEKLY;BYDAY=TU", parseWallClock("2026-03-24T10:00")!, 120),
    rrule: "FREQ=WEEKLY;BYDAY=TU",
  };
}

describe(`the iCalendar text does not depend on the server's TZ (TZ=${process.env.EXPECTED_TZ})`, () => {
  const text = buildCalendar({
    name: "Buurthuis De Wilg",
    description: "Activiteiten",
    centre: {
      name: "Buurthuis De Wilg",
      street: "Wilgenplein 4",
      postalCode: "3531 XK",
      city: "Oosterveld",
      timeZone: AMS,
    },
    items: [
      item("d1", "2026-03-24T09:00:00Z"),
      item("d2", "2026-03-31T08:00:00Z", true),
      item("d3", "2026-10-27T09:00:00Z"),
    ],
    baseUrl: "https://rooster.example.nl",
    locale: "nl",
    now: new Date("2026-03-01T12:00:00Z"),
  });

  it("writes each date as Amsterdam wall-clock time with TZID, on both sides of the clock changes", () => {
    expect(text.match(/^DTSTART;TZID=Europe\/Amsterdam:\d{8}T\d{6}$/gm)).toEqual([
      "DTSTART;TZID=Europe/Amsterdam:20260324T100000",
      "DTSTART;TZID=Europe/Amsterdam:20260331T100000",
      "DTSTART;TZID=Europe/Amsterdam:20261027T100000",
    ]);
    expect(text).toContain("DTSTAMP:20260301T120000Z");
    expect(text).toContain("\r\n");
  });

  it("ical.js, with the feed's VTIMEZONE, reads back the same instants", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent("vtimezone")!);
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
      "2026-03-24T09:00:00.000Z",
      "2026-03-31T08:00:00.000Z",
      "2026-10-27T09:00:00.000Z",
    ]);
    expect(events.map((event) => event.component.getFirstPropertyValue("status"))).toEqual([
      "CONFIRMED",
      "CANCELLED",
      "CONFIRMED",
    ]);
    expect(events[1]!.summary).toBe("Gaat niet door: Koffieochtend");
  });
});
