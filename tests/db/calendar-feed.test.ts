import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { findPublicActivity, findPublicCentre } from "~/domain/residents/agenda.server";
import { centreAgendaJson } from "~/domain/residents/agenda-json.server";
import { activityCalendar, centreCalendar } from "~/domain/residents/calendar-feed.server";
import { localDateTimeAt } from "~/domain/time/time-zone";
import { createTestActivity, createTestBooking } from "../../prisma/factories";

const AMS = "Europe/Amsterdam";
const BASE = "https://rooster.example.nl";
const NOW = new Date("2027-03-01T12:00:00Z");

/** A weekly Tuesday 19:30 walk-in from 16 March to 16 November 2027: both clock changes inside. */
async function weeklyAcrossClockChanges() {
  const { centre, room, organisation, activity, dates } = await createTestActivity(
    {
      title: "Rouwcafé",
      rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=36",
      localStart: "2027-03-16T19:30",
      durationMinutes: 120,
      activity: {
        kind: "WALK_IN",
        title: "Rouwcafé, samen; verder",
        description: "Praten over verlies.\nOf luisteren.",
      },
    },
    {
      centre: { name: "Buurthuis De Test", street: "Plein 1", postalCode: "1234 AB", city: "Oosterveld" },
      room: { name: "Zaal A" },
    },
  );
  // Private hire and a request still waiting for a manager never appear in a public feed.
  await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    localStart: "2027-03-20T14:00",
    activity: { kind: "PRIVATE", title: "Verjaardag" },
  });
  await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    localStart: "2027-03-21T14:00",
    status: "PENDING",
    activity: { kind: "WALK_IN", title: "Nog niet goedgekeurd" },
  });
  const publicCentre = (await findPublicCentre(centre.slug))!;
  return { centre: publicCentre, activity: (await findPublicActivity(centre.id, activity.id))!, dates };
}

/** Parses with ical.js (strict) and resolves times with the feed's own VTIMEZONE. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      tzid: component.getFirstProperty("dtstart")!.getParameter("tzid"),
      status: component.getFirstPropertyValue("status"),
      sequence: event.sequence,
      stamp: component.getFirstProperty("dtstamp")!.toICALString(),
      description: event.description,
    };
  });
  return { calendar, zones, events };
}

describe("the iCalendar feeds (RFC 5545)", () => {
  it("a strict parser reads the centre feed: VERSION, PRODID, a VTIMEZONE and every event's UID and DTSTAMP in UTC", async () => {
    const { centre } = await weeklyAcrossClockChanges();
    const text = await centreCalendar(centre, { baseUrl: BASE, locale: "nl", now: NOW });
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { calendar, zones, events } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Buurtrooster//Agenda//NL");
    expect(zones.map((zone) => zone.getFirstPropertyValue("tzid"))).toEqual([AMS]);
    expect(events).toHaveLength(36);
    expect(new Set(events.map((event) => event.uid)).size).toBe(36);
    expect(events.every((event) => event.tzid === AMS && /^DTSTAMP:\d{8}T\d{6}Z$/.test(event.stamp))).toBe(true);
    expect(events[0]!.summary).toBe("Rouwcafé, samen; verder");
    expect(events[0]!.description).toContain("Praten over verlies.\nOf luisteren.");
    expect(events.map((event) => event.summary)).not.toContain("Verjaardag");
    expect(events.map((event) => event.summary)).not.toContain("Nog niet goedgekeurd");
  });

  it("19:30 stays 19:30 local across the March and the October clock change", async () => {
    const { centre } = await weeklyAcrossClockChanges();
    const { events } = parse(await centreCalendar(centre, { baseUrl: BASE, locale: "nl", now: NOW }));
    expect(new Set(events.map((event) => localDateTimeAt(event.start, AMS).slice(11)))).toEqual(new Set(["19:30"]));
    const utc = (day: string) =>
      events.find((event) => localDateTimeAt(event.start, AMS).startsWith(day))!.start.toISOString();
    expect(utc("2027-03-23")).toBe("2027-03-23T18:30:00.000Z"); // before 28 March: winter time
    expect(utc("2027-03-30")).toBe("2027-03-30T17:30:00.000Z"); // after: summer time
    expect(utc("2027-10-26")).toBe("2027-10-26T17:30:00.000Z"); // before 31 October: summer time
    expect(utc("2027-11-02")).toBe("2027-11-02T18:30:00.000Z"); // after: winter time
    expect(events.every((event) => event.end.getTime() - event.start.getTime() === 2 * 60 * 60 * 1000)).toBe(true);
  });

  it("a cancelled date stays in the feed, marked CANCELLED, with the same UID and a higher SEQUENCE", async () => {
    const { centre, dates } = await weeklyAcrossClockChanges();
    const before = parse(await centreCalendar(centre, { baseUrl: BASE, locale: "en", now: NOW })).events;
    await db().occurrence.update({ where: { id: dates[3]!.id }, data: { status: "CANCELLED" } });
    const after = parse(await centreCalendar(centre, { baseUrl: BASE, locale: "en", now: NOW })).events;
    expect(after.map((event) => event.uid)).toEqual(before.map((event) => event.uid));
    expect(after[3]).toMatchObject({ status: "CANCELLED", sequence: 1, summary: "Cancelled: Rouwcafé, samen; verder" });
    expect(after.filter((event) => event.status === "CANCELLED")).toHaveLength(1);
    expect(after[2]).toMatchObject({ status: "CONFIRMED", sequence: 0 });
  });

  it("an activity's own feed has only its dates, each with its date's id as UID", async () => {
    const { centre, activity, dates } = await weeklyAcrossClockChanges();
    const feed = parse(await activityCalendar(centre, activity, { baseUrl: BASE, locale: "nl", now: NOW }));
    expect(feed.events.map((event) => event.uid)).toEqual(dates.map((date) => `${date.id}@buurtrooster`));
    expect(feed.calendar.getFirstPropertyValue("x-wr-timezone")).toBe(AMS);
    // ical.js does not know NAME (RFC 7986) and gives it raw: the TEXT escapes are there.
    expect(feed.calendar.getFirstPropertyValue("name")).toBe(`Rouwcafé\\, samen\\; verder (${centre.name})`);
    expect(feed.calendar.getFirstPropertyValue("x-wr-caldesc")).toContain("Praten over verlies. Of luisteren.");
  });
});

describe("the JSON feed", () => {
  it("lists the public activities with their dates as local times with offsets, and marks cancelled dates", async () => {
    const { centre, activity, dates } = await weeklyAcrossClockChanges();
    await db().occurrence.update({ where: { id: dates[1]!.id }, data: { status: "CANCELLED" } });
    const json = await centreAgendaJson(centre, BASE, new Date("2027-03-20T12:00:00Z"));
    expect(json.version).toBe(1);
    expect(json.centre).toMatchObject({
      slug: centre.slug,
      timeZone: AMS,
      icsUrl: `${BASE}/centres/${centre.slug}/agenda.ics`,
    });
    expect(json.activities.map((item) => item.title)).toEqual(["Rouwcafé, samen; verder"]);
    const [item] = json.activities;
    expect(item).toMatchObject({
      id: activity.id,
      kind: "walk-in",
      price: { amountCents: 0, currency: "EUR", free: true },
      schedule: {
        rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=36",
        text: { nl: "elke dinsdag 19:30–21:30", en: "every Tuesday 19:30–21:30" },
      },
    });
    expect(item!.dates.slice(0, 3)).toEqual([
      {
        id: dates[1]!.id,
        start: "2027-03-23T19:30:00+01:00",
        end: "2027-03-23T21:30:00+01:00",
        status: "cancelled",
        placesLeft: null,
      },
      {
        id: dates[2]!.id,
        start: "2027-03-30T19:30:00+02:00",
        end: "2027-03-30T21:30:00+02:00",
        status: "scheduled",
        placesLeft: null,
      },
      {
        id: dates[3]!.id,
        start: "2027-04-06T19:30:00+02:00",
        end: "2027-04-06T21:30:00+02:00",
        status: "scheduled",
        placesLeft: null,
      },
    ]);
  });
});
