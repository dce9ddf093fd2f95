import { describe, expect, it } from "vitest";
import { clockTime, describeSchedule, scheduleOf } from "~/domain/residents/activity-schedule";
import {
  agendaSearch,
  dayLabels,
  groupByActivity,
  groupByDay,
  parseAgendaQuery,
  periodRange,
} from "~/domain/residents/agenda";
import { isoWithOffset } from "~/domain/residents/agenda-json.server";
import { parseWallClock } from "~/domain/time/time-zone";
import { translator } from "~/i18n/translate";

const AMS = "Europe/Amsterdam";
const nl = translator("nl");
const en = translator("en");
const wall = (text: string) => parseWallClock(text)!;
const say = (rrule: string | null, start: string, minutes: number, locale: "nl" | "en" = "nl") =>
  describeSchedule(scheduleOf(rrule, wall(start), minutes), locale === "nl" ? nl : en, locale);

describe(`an activity's schedule in words (server TZ=${process.env.EXPECTED_TZ})`, () => {
  it("a weekly coffee morning reads as 'elke dinsdag 10:00–12:00'", () => {
    expect(say("FREQ=WEEKLY;BYDAY=TU", "2026-05-05T10:00", 120)).toBe("elke dinsdag 10:00–12:00");
    expect(say("FREQ=WEEKLY;BYDAY=TU", "2026-05-05T10:00", 120, "en")).toBe("every Tuesday 10:00–12:00");
  });

  it("a weekly rule without BYDAY takes the weekday of its first date", () => {
    expect(say("FREQ=WEEKLY", "2026-05-08T13:30", 150)).toBe("elke vrijdag 13:30–16:00");
  });

  it("two days a week are joined with 'en'", () => {
    expect(say("FREQ=WEEKLY;BYDAY=MO,WE", "2026-05-04T15:30", 120)).toBe("elke maandag en woensdag 15:30–17:30");
    expect(say("FREQ=WEEKLY;BYDAY=WE,MO", "2026-05-04T15:30", 120, "en")).toBe(
      "every Monday and Wednesday 15:30–17:30",
    );
  });

  it("every other week says 'om de week'", () => {
    expect(say("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-05-07T19:00", 90)).toBe("om de week op donderdag 19:00–20:30");
  });

  it("the first Thursday and the last Wednesday of the month are said as such", () => {
    expect(say("FREQ=MONTHLY;BYDAY=1TH", "2026-05-07T19:30", 120)).toBe(
      "elke eerste donderdag van de maand 19:30–21:30",
    );
    expect(say("FREQ=MONTHLY;BYDAY=-1WE", "2026-05-27T14:00", 120)).toBe(
      "elke laatste woensdag van de maand 14:00–16:00",
    );
    expect(say("FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-1", "2026-05-27T14:00", 120, "en")).toBe(
      "every last Wednesday of the month 14:00–16:00",
    );
  });

  it("a one-off date and an unusual rule have no words (the page lists the dates)", () => {
    expect(say(null, "2026-05-07T19:30", 60)).toBeUndefined();
    expect(say("FREQ=YEARLY;BYMONTH=5", "2026-05-07T19:30", 60)).toBeUndefined();
    expect(say("FREQ=WEEKLY;BYDAY=XX", "2026-05-07T19:30", 60)).toBeUndefined();
  });

  it("an evening that ends after midnight shows the clock time of the end", () => {
    expect(clockTime(23 * 60 + 90)).toBe("00:30");
    expect(say("FREQ=WEEKLY;BYDAY=SA", "2026-05-09T22:00", 180)).toBe("elke zaterdag 22:00–01:00");
  });
});

describe("the agenda's address: period and filters", () => {
  it("reads period and filters, ignoring what it does not know", () => {
    const query = parseAgendaQuery(
      new URLSearchParams(
        "when=later&for=older-people&for=aliens&free=1&walk-in=on&step-free=nee&centre=de-wilg&centre=<x>",
      ),
    );
    expect(query).toEqual({
      period: "later",
      filters: { audiences: ["OLDER_PEOPLE"], free: true, walkIn: true, stepFree: false, centres: ["de-wilg"] },
    });
    expect(parseAgendaQuery(new URLSearchParams("when=yesterday")).period).toBe("week");
  });

  it("writes the same address back, so a filtered agenda is a link that can be shared", () => {
    const text = "when=today&for=children&for=adults&free=1&step-free=1";
    expect(agendaSearch(parseAgendaQuery(new URLSearchParams(text)))).toBe(`?${text}`);
    expect(agendaSearch(parseAgendaQuery(new URLSearchParams("")))).toBe("");
  });
});

describe(`periods in the centre's days (server TZ=${process.env.EXPECTED_TZ})`, () => {
  it("'this week' is seven local days from midnight, also across the October clock change", () => {
    const now = new Date("2026-10-22T20:00:00Z"); // Thursday 22:00 in Amsterdam
    expect(periodRange("week", AMS, now)).toEqual({
      from: new Date("2026-10-21T22:00:00Z"), // Thu 22 Oct 00:00 summer time
      to: new Date("2026-10-28T23:00:00Z"), // Thu 29 Oct 00:00 winter time
    });
  });

  it("'today' after 23:00 UTC is already the next day in Amsterdam", () => {
    const now = new Date("2026-03-28T23:30:00Z"); // Sunday 29 March 00:30 local
    expect(periodRange("today", AMS, now)).toEqual({
      from: new Date("2026-03-28T23:00:00Z"),
      to: new Date("2026-03-29T22:00:00Z"), // a 23-hour day: clocks go forward
    });
    expect(dayLabels(AMS, now)).toEqual({ today: "2026-03-29", tomorrow: "2026-03-30" });
  });

  it("'later' follows this week for eight weeks", () => {
    const range = periodRange("later", AMS, new Date("2026-06-01T10:00:00Z"));
    expect(range.from.toISOString()).toBe("2026-06-07T22:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-08-02T22:00:00.000Z");
  });

  it("groups dates by the local day of their centre, not of the server", () => {
    const centre = { timeZone: AMS };
    const items = [
      { activityId: "a", startsAt: new Date("2026-06-01T22:30:00Z"), centre }, // 2 June 00:30 local
      { activityId: "b", startsAt: "2026-06-02T08:00:00.000Z", centre },
      { activityId: "a", startsAt: new Date("2026-06-03T08:00:00Z"), centre },
    ];
    expect(groupByDay(items).map((group) => [group.day, group.items.length])).toEqual([
      ["2026-06-02", 2],
      ["2026-06-03", 1],
    ]);
    expect(groupByActivity(items).map((group) => [group.activityId, group.items.length])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });

  it("the JSON feed writes local times with their offset on both sides of a clock change", () => {
    expect(isoWithOffset(new Date("2026-03-24T18:30:00Z"), AMS)).toBe("2026-03-24T19:30:00+01:00");
    expect(isoWithOffset(new Date("2026-03-31T17:30:00Z"), AMS)).toBe("2026-03-31T19:30:00+02:00");
    expect(isoWithOffset(new Date("2026-06-01T17:30:00Z"), "America/Los_Angeles")).toBe("2026-06-01T10:30:00-07:00");
  });
});
