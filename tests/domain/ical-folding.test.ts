import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { foldLines as libraryFoldLines, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { describe, expect, it } from "vitest";
import { scheduleOf } from "~/domain/residents/activity-schedule";
import type { AgendaItem } from "~/domain/residents/agenda.server";
import { buildCalendar, type CalendarInput } from "~/domain/residents/calendar-feed.server";
import { foldLines } from "~/domain/residents/ical-folding";
import { parseWallClock } from "~/domain/time/time-zone";
import { formatMoney } from "~/i18n/format";
import { translator } from "~/i18n/translate.server";

describe("folding iCalendar lines in one pass", () => {
  const samples = [
    "",
    "SHORT:line",
    `DESCRIPTION:${"a".repeat(73)}`,
    `DESCRIPTION:${"a".repeat(62)}`,
    `DESCRIPTION:${"a".repeat(63)}`,
    `DESCRIPTION:${"a".repeat(500)}`,
    `SUMMARY:${"é".repeat(100)}`,
    `SUMMARY:${"€".repeat(100)}x`,
    `SUMMARY:${"🎉".repeat(60)}`,
    `SUMMARY:${"a🎉".repeat(60)}`,
    `SUMMARY:${"ab€🎨\uD800x\uDC00".repeat(40)}\uD800`,
    `SUMMARY:${"\uD800\uD800é".repeat(40)}`,
    `A:${"x".repeat(90)}\r\nB:${"ü".repeat(90)}\r\n\r\nC:end`,
  ];

  it.each(samples.map((text, index) => [index, text]))(
    "sample %i folds byte for byte as ical-generator folds it",
    (_, text) => {
      expect(foldLines(text)).toBe(libraryFoldLines(text));
    },
  );

  it("random text folds byte for byte as ical-generator folds it", () => {
    const alphabet = ["a", " ", ",", "é", "€", "🎉", "ü", "\n", "\r\n", "漢"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      let text = "X:";
      for (let i = next() % 400; i > 0; i--) text += alphabet[next() % alphabet.length];
      expect(foldLines(text)).toBe(libraryFoldLines(text));
    }
  });

  it("keeps every line within 75 bytes", () => {
    const folded = foldLines(`DESCRIPTION:${"a€🎉".repeat(300)}`);
    expect(folded.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});

function item(index: number, zone: string): AgendaItem {
  const start = new Date(Date.UTC(2027, 0, 5, 18, 30) + index * 29 * 60 * 60 * 1000);
  return {
    occurrenceId: `occurrence-${index}`,
    activityId: `activity-${index % 3}`,
    centre: { slug: "de-wilg", name: "Buurthuis De Wilg", timeZone: zone },
    title: `Koffieochtend ${index}: één café, samen; verder 🎉`,
    description: "Een ochtend koffie met buren. Iedereen is welkom; neem gerust iemand mee.\nThee van Ünal.".repeat(
      1 + (index % 3),
    ),
    kind: index % 2 ? "WALK_IN" : "SIGN_UP",
    audiences: [],
    priceCents: index % 3 ? 250 + index : 0,
    organiser: "Stichting Koffie & Co",
    accessibilityNotes: index % 4 ? "Gelijkvloers, met een invalidentoilet." : "",
    room: { name: "Zaal A", location: "", stepFree: true },
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000),
    originalLocalStart: "",
    cancelled: index % 5 === 0,
    capacity: null,
    placesLeft: null,
    schedule: scheduleOf("FREQ=WEEKLY;BYDAY=TU", parseWallClock("2027-01-05T19:30")!, 120),
    rrule: "FREQ=WEEKLY;BYDAY=TU",
  };
}

/** buildCalendar as it was before our own folding: the whole calendar written by ical-generator. */
function buildCalendarBefore(input: CalendarInput): string {
  const t = translator(input.locale);
  const zone = input.centre.timeZone;
  const oneLine = (text: string) =>
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\\;,]/g, (character) => `\\${character}`);
  const calendar = ical({
    name: oneLine(input.name),
    description: oneLine(input.description),
    prodId: "//Buurtrooster//Agenda//NL",
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: "", generator: getVtimezoneComponent },
    ttl: 6 * 60 * 60,
    x: [{ key: "X-WR-TIMEZONE", value: zone }],
  });
  const address = `${input.centre.street}, ${input.centre.postalCode} ${input.centre.city}`;
  for (const entry of input.items) {
    const url = `${input.baseUrl}/centres/${entry.centre.slug}/activities/${entry.activityId}`;
    const lines = [
      entry.description,
      entry.kind === "WALK_IN" ? t("agenda.activity.walkInPlain") : t("agenda.activity.signUpPlain"),
      `${t("centre.price")}: ${entry.priceCents === 0 ? t("centre.free") : formatMoney(entry.priceCents, input.locale)}`,
      `${t("centre.organiser")}: ${entry.organiser}`,
      entry.accessibilityNotes,
      url,
    ].filter(Boolean);
    calendar.createEvent({
      id: `${entry.occurrenceId}@buurtrooster`,
      sequence: entry.cancelled ? 1 : 0,
      stamp: input.now,
      start: new TZDate(entry.startsAt, zone),
      end: new TZDate(entry.endsAt, zone),
      timezone: zone,
      summary: entry.cancelled ? t("agenda.feed.cancelledSummary", { title: entry.title }) : entry.title,
      description: lines.join("\n\n"),
      location: `${entry.room.name}, ${input.centre.name}, ${address}`,
      url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

describe("the iCalendar text is byte for byte what it was before our own folding", () => {
  const input = (
    zone: string,
    count: number,
    locale: "nl" | "en",
    description = "Activiteiten, voor; iedereen",
  ): CalendarInput => ({
    name: "Buurthuis De Wilg",
    description,
    centre: {
      name: "Buurthuis De Wilg",
      street: "Wilgenplein 4",
      postalCode: "3531 XK",
      city: "Oosterveld",
      timeZone: zone,
    },
    items: Array.from({ length: count }, (_, index) => item(index, zone)),
    baseUrl: "https://rooster.example.nl",
    locale,
    now: new Date("2027-03-01T12:00:00Z"),
  });

  it.each([
    ["a centre in Amsterdam, in Dutch", input("Europe/Amsterdam", 60, "nl")],
    ["a centre in Amsterdam, in English", input("Europe/Amsterdam", 60, "en")],
    ["a feed without dates", input("Europe/Amsterdam", 0, "nl")],
    ["a feed without a description", input("Europe/Amsterdam", 3, "nl", "")],
    ["a centre on UTC (no VTIMEZONE)", input("UTC", 5, "nl")],
  ])("%s", (_, calendarInput) => {
    expect(buildCalendar(calendarInput)).toBe(buildCalendarBefore(calendarInput));
  });
});
