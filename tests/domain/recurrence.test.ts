import { describe, expect, it } from "vitest";
import { RecurrenceError, expandOccurrences, type ExpandInput } from "~/domain/time/recurrence";

const AMS = "Europe/Amsterdam";

function expand(input: Partial<ExpandInput> & Pick<ExpandInput, "rrule" | "start">) {
  return expandOccurrences({ durationMinutes: 60, timeZone: AMS, ...input });
}
const locals = (input: Parameters<typeof expand>[0]) => expand(input).map((o) => o.localStart);
const instants = (input: Parameters<typeof expand>[0]) => expand(input).map((o) => o.start.toISOString());

function expectRecurrenceError(run: () => unknown, code: RecurrenceError["code"]) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RecurrenceError);
  expect((caught as RecurrenceError).code).toBe(code);
  expect((caught as RecurrenceError).message).toMatch(/^[A-Z].*\.$/);
}

describe(`recurrence (server TZ=${process.env.EXPECTED_TZ})`, () => {
  it("a weekly series keeps 19:30 local time across the October clock change", () => {
    const dates = expand({ rrule: "FREQ=WEEKLY;COUNT=3", start: "2026-10-20T19:30", durationMinutes: 90 });
    expect(dates.map((o) => o.start.toISOString())).toEqual([
      "2026-10-20T17:30:00.000Z",
      "2026-10-27T18:30:00.000Z",
      "2026-11-03T18:30:00.000Z",
    ]);
    expect(dates.map((o) => o.localStart)).toEqual(["2026-10-20T19:30", "2026-10-27T19:30", "2026-11-03T19:30"]);
    expect(dates[1]!.end.toISOString()).toBe("2026-10-27T20:00:00.000Z");
  });

  it("a weekly series keeps 19:30 local time across the March clock change", () => {
    expect(instants({ rrule: "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=2", start: "2026-03-24T19:30" })).toEqual([
      "2026-03-24T18:30:00.000Z",
      "2026-03-31T17:30:00.000Z",
    ]);
  });

  it("a start in the spring-forward gap uses the offset from before the gap (RFC 5545 3.3.5)", () => {
    expect(instants({ rrule: "FREQ=DAILY;COUNT=3", start: "2026-03-28T02:30" })).toEqual([
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:30:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
  });

  it("a start in the repeated fall-back hour is the first of the two", () => {
    expect(instants({ rrule: "FREQ=DAILY;COUNT=3", start: "2026-10-24T02:30" })).toEqual([
      "2026-10-24T00:30:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("every other week with INTERVAL=2", () => {
    expect(locals({ rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3", start: "2026-01-05T09:00" })).toEqual([
      "2026-01-05T09:00",
      "2026-01-19T09:00",
      "2026-02-02T09:00",
    ]);
  });

  it("the first Friday of the month (BYDAY=1FR)", () => {
    expect(locals({ rrule: "FREQ=MONTHLY;BYDAY=1FR;COUNT=4", start: "2026-01-02T20:00" })).toEqual([
      "2026-01-02T20:00",
      "2026-02-06T20:00",
      "2026-03-06T20:00",
      "2026-04-03T20:00",
    ]);
  });

  it("the last Tuesday of the month (BYDAY=-1TU)", () => {
    expect(locals({ rrule: "FREQ=MONTHLY;BYDAY=-1TU;COUNT=3", start: "2026-01-27T14:00" })).toEqual([
      "2026-01-27T14:00",
      "2026-02-24T14:00",
      "2026-03-31T14:00",
    ]);
  });

  it("the last day of the month (BYMONTHDAY=-1)", () => {
    expect(locals({ rrule: "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", start: "2026-01-31T18:00" })).toEqual([
      "2026-01-31T18:00",
      "2026-02-28T18:00",
      "2026-03-31T18:00",
    ]);
  });

  it("the 15th of every month", () => {
    expect(locals({ rrule: "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2", start: "2026-01-15T10:00" })).toEqual([
      "2026-01-15T10:00",
      "2026-02-15T10:00",
    ]);
  });

  it("the last weekday of the month with BYSETPOS=-1", () => {
    expect(
      locals({ rrule: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", start: "2026-01-30T16:00" }),
    ).toEqual(["2026-01-30T16:00", "2026-02-27T16:00", "2026-03-31T16:00"]);
  });

  it("yearly in given months (BYMONTH)", () => {
    expect(locals({ rrule: "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=1;COUNT=3", start: "2026-06-01T12:00" })).toEqual([
      "2026-06-01T12:00",
      "2026-12-01T12:00",
      "2027-06-01T12:00",
    ]);
  });

  it("WKST changes which weeks an every-other-week rule picks", () => {
    const rule = (wkst: string) => `FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=${wkst}`;
    expect(locals({ rrule: rule("MO"), start: "1997-08-05T09:00" })).toEqual([
      "1997-08-05T09:00",
      "1997-08-10T09:00",
      "1997-08-19T09:00",
      "1997-08-24T09:00",
    ]);
    expect(locals({ rrule: rule("SU"), start: "1997-08-05T09:00" })).toEqual([
      "1997-08-05T09:00",
      "1997-08-17T09:00",
      "1997-08-19T09:00",
      "1997-08-31T09:00",
    ]);
  });

  it("UNTIL without Z is local wall-clock time and an occurrence exactly at UNTIL is included", () => {
    expect(locals({ rrule: "FREQ=WEEKLY;UNTIL=20260317T193000", start: "2026-03-03T19:30" })).toEqual([
      "2026-03-03T19:30",
      "2026-03-10T19:30",
      "2026-03-17T19:30",
    ]);
  });

  it("UNTIL with Z is an instant", () => {
    // 2026-07-14T17:30Z is 19:30 in Amsterdam: included. One minute earlier: excluded.
    expect(locals({ rrule: "FREQ=WEEKLY;UNTIL=20260714T173000Z", start: "2026-07-07T19:30" })).toEqual([
      "2026-07-07T19:30",
      "2026-07-14T19:30",
    ]);
    expect(locals({ rrule: "FREQ=WEEKLY;UNTIL=20260714T172900Z", start: "2026-07-07T19:30" })).toEqual([
      "2026-07-07T19:30",
    ]);
  });

  it("UNTIL as a date includes that whole day", () => {
    expect(locals({ rrule: "FREQ=DAILY;UNTIL=20260103", start: "2026-01-01T20:00" })).toEqual([
      "2026-01-01T20:00",
      "2026-01-02T20:00",
      "2026-01-03T20:00",
    ]);
  });

  it("exdates leave dates out and COUNT counts before they are removed", () => {
    expect(locals({ rrule: "FREQ=WEEKLY;COUNT=4", start: "2026-01-06T10:00", exdates: ["2026-01-13T10:00"] })).toEqual([
      "2026-01-06T10:00",
      "2026-01-20T10:00",
      "2026-01-27T10:00",
    ]);
  });

  it("rdates add dates in order, once, and exdates remove them too", () => {
    expect(
      locals({
        rrule: "FREQ=WEEKLY;COUNT=2",
        start: "2026-01-06T10:00",
        rdates: ["2026-01-08T15:00", "2026-01-06T10:00", "2026-01-09T10:00"],
        exdates: ["2026-01-09T10:00"],
      }),
    ).toEqual(["2026-01-06T10:00", "2026-01-08T15:00", "2026-01-13T10:00"]);
  });

  it("from is inclusive and to exclusive, compared as instants", () => {
    const dates = locals({
      rrule: "FREQ=DAILY",
      start: "2026-01-01T10:00",
      from: new Date("2026-01-03T09:00:00Z"),
      to: new Date("2026-01-05T09:00:00Z"),
    });
    expect(dates).toEqual(["2026-01-03T10:00", "2026-01-04T10:00"]);
  });

  it("a bounded rule is cut at the limit", () => {
    expect(expand({ rrule: "FREQ=DAILY;COUNT=5000", start: "2026-01-01T10:00" })).toHaveLength(1000);
    expect(expand({ rrule: "FREQ=DAILY;COUNT=50", start: "2026-01-01T10:00", limit: 7 })).toHaveLength(7);
  });

  it("a rule that ends more than a hundred years ahead is refused rather than silently cut at the horizon", () => {
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=WEEKLY;UNTIL=29991231", start: "2027-01-05T10:00" }),
      "beyond-horizon",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=YEARLY;COUNT=150", start: "2027-01-05T10:00" }),
      "beyond-horizon",
    );
    // A window that ends sooner only asks for its own dates.
    expect(
      expand({ rrule: "FREQ=WEEKLY;UNTIL=29991231", start: "2027-01-05T10:00", to: new Date("2027-02-01T00:00:00Z") }),
    ).toHaveLength(4);
    expect(expand({ rrule: "FREQ=YEARLY;COUNT=99", start: "2027-01-05T10:00" })).toHaveLength(99);
  });

  it("a rule without an end needs a period", () => {
    expectRecurrenceError(() => expand({ rrule: "FREQ=WEEKLY", start: "2026-01-01T10:00" }), "unbounded");
  });

  it("a rule without an end that asks for more than the limit is refused", () => {
    expectRecurrenceError(
      () =>
        expand({ rrule: "FREQ=DAILY", start: "2026-01-01T10:00", to: new Date("2030-01-01T00:00:00Z"), limit: 100 }),
      "unbounded",
    );
    expect(
      expand({ rrule: "FREQ=DAILY", start: "2026-01-01T10:00", to: new Date("2026-04-10T00:00:00Z"), limit: 100 }),
    ).toHaveLength(99);
  });

  it("refuses rules it cannot read, with a plain sentence", () => {
    expectRecurrenceError(() => expand({ rrule: "garbage", start: "2026-01-01T10:00" }), "invalid-rule");
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=WEEKLY;BYDAY=XX;COUNT=2", start: "2026-01-01T10:00" }),
      "invalid-rule",
    );
    expectRecurrenceError(() => expand({ rrule: "FREQ=WEEKLY;COUNT=abc", start: "2026-01-01T10:00" }), "invalid-rule");
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=MONTHLY;BYMONTHDAY=40;COUNT=2", start: "2026-01-01T10:00" }),
      "invalid-rule",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=WEEKLY;COUNT=2;UNTIL=20260101", start: "2026-01-01T10:00" }),
      "invalid-rule",
    );
    expectRecurrenceError(() => expand({ rrule: "COUNT=2", start: "2026-01-01T10:00" }), "invalid-rule");
    expectRecurrenceError(() => expand({ rrule: "", start: "2026-01-01T10:00" }), "invalid-rule");
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=MINUTELY;COUNT=2", start: "2026-01-01T10:00" }),
      "unsupported-frequency",
    );
  });

  it("refuses bad starts, durations, zones and limits", () => {
    expectRecurrenceError(() => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-02-30T10:00" }), "invalid-start");
    expectRecurrenceError(() => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "tomorrow" }), "invalid-start");
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", durationMinutes: 0 }),
      "invalid-duration",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", durationMinutes: -30 }),
      "invalid-duration",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", timeZone: "Mars/Base" }),
      "invalid-time-zone",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", limit: 0 }),
      "invalid-limit",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", limit: Infinity }),
      "invalid-limit",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", from: new Date("nope") }),
      "invalid-date",
    );
    expectRecurrenceError(
      () => expand({ rrule: "FREQ=DAILY;COUNT=2", start: "2026-01-01T10:00", exdates: ["soon"] }),
      "invalid-date",
    );
  });

  it("a rule that matches no day at all returns nothing quickly instead of searching for ever", () => {
    const started = performance.now();
    expect(expand({ rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", start: "2026-01-01T10:00" })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives the same instants whatever the server's TZ (fixed expectations, run under three zones)", () => {
    const series = instants({ rrule: "FREQ=MONTHLY;BYDAY=2SA;COUNT=12", start: "2026-01-10T21:00" });
    expect(series).toEqual([
      "2026-01-10T20:00:00.000Z",
      "2026-02-14T20:00:00.000Z",
      "2026-03-14T20:00:00.000Z",
      "2026-04-11T19:00:00.000Z",
      "2026-05-09T19:00:00.000Z",
      "2026-06-13T19:00:00.000Z",
      "2026-07-11T19:00:00.000Z",
      "2026-08-08T19:00:00.000Z",
      "2026-09-12T19:00:00.000Z",
      "2026-10-10T19:00:00.000Z",
      "2026-11-14T20:00:00.000Z",
      "2026-12-12T20:00:00.000Z",
    ]);
  });

  it("works in other zones too (Los Angeles changes clocks on other dates)", () => {
    expect(
      instants({ rrule: "FREQ=WEEKLY;COUNT=2", start: "2026-03-01T09:00", timeZone: "America/Los_Angeles" }),
    ).toEqual(["2026-03-01T17:00:00.000Z", "2026-03-08T16:00:00.000Z"]);
  });
});
