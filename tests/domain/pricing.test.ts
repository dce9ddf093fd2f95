import { describe, expect, it } from "vitest";
import { cancellationOutcome, cancellationOutcomes } from "~/domain/money/cancellation-fee";
import { dayPartsTouched, quote, vatOf, type DayPartWindowForQuote, type RateForQuote } from "~/domain/money/pricing";
import { fromWallClock, parseWallClock } from "~/domain/time/time-zone";
import { effectiveTier } from "~/domain/rules/tiers";

const AMS = "Europe/Amsterdam";
const dayParts: DayPartWindowForQuote[] = [
  { dayPart: "MORNING", startMinute: 8 * 60 + 30, endMinute: 12 * 60 + 30 },
  { dayPart: "AFTERNOON", startMinute: 12 * 60 + 30, endMinute: 17 * 60 + 30 },
  { dayPart: "EVENING", startMinute: 17 * 60 + 30, endMinute: 24 * 60 },
];
const rate = (overrides: Partial<RateForQuote> = {}): RateForQuote => ({
  id: "r",
  hourlyCents: 2500,
  minimumMinutes: 60,
  freeHoursPerMonth: 0,
  dayParts: [],
  ...overrides,
});
const date = (localStart: string, minutes: number) => {
  const startsAt = fromWallClock(parseWallClock(localStart)!, AMS);
  return { localStart, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
};

describe("quotes", () => {
  it("prices each date by the hour, in cents, rounded once per line", () => {
    const result = quote({
      rate: rate({ hourlyCents: 1333 }),
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [date("2027-05-04T19:30", 90)],
    });
    // 1.5 h × €13.33 = €19.995 → €20.00 (1999.5 rounds half up); VAT 21% of 2000 = 420.
    expect(result.lines[0]).toMatchObject({
      minutes: 90,
      billableMinutes: 90,
      exclCents: 2000,
      vatCents: 420,
      inclCents: 2420,
      basis: "hourly",
    });
    expect(result).toMatchObject({ totalExclCents: 2000, totalVatCents: 420, totalInclCents: 2420 });
  });

  it("charges at least the minimum duration", () => {
    const result = quote({
      rate: rate({ minimumMinutes: 120 }),
      dayPartWindows: dayParts,
      vatBp: null,
      timeZone: AMS,
      dates: [date("2027-05-04T19:30", 45)],
    });
    expect(result.lines[0]).toMatchObject({ billableMinutes: 120, exclCents: 5000, vatCents: 0 });
  });

  it("uses the day-part price when it is cheaper for the hirer, and only when every touched part has one", () => {
    const evening = rate({ hourlyCents: 4000, dayParts: [{ dayPart: "EVENING", priceCents: 15000 }] });
    const long = quote({
      rate: evening,
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [date("2027-05-08T18:00", 300)],
    });
    expect(long.lines[0]).toMatchObject({
      basis: "day-parts",
      exclCents: 15000,
      vatCents: 3150,
      dayParts: ["EVENING"],
    });
    const short = quote({
      rate: evening,
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [date("2027-05-08T18:00", 120)],
    });
    expect(short.lines[0]).toMatchObject({ basis: "hourly", exclCents: 8000 });
    const spanning = quote({
      rate: evening,
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [date("2027-05-08T16:00", 300)],
    });
    expect(spanning.lines[0]).toMatchObject({ basis: "hourly", dayParts: ["AFTERNOON", "EVENING"], exclCents: 20000 });
  });

  it("gives resident initiatives their free hours per month, first come first served, never below zero", () => {
    const initiative = rate({ hourlyCents: 500, freeHoursPerMonth: 3 });
    const dates = [date("2027-05-04T10:00", 120), date("2027-05-11T10:00", 120), date("2027-06-01T10:00", 120)];
    const result = quote({
      rate: initiative,
      dayPartWindows: dayParts,
      vatBp: null,
      timeZone: AMS,
      dates,
      freeMinutesUsed: { "2027-06": 60 },
    });
    expect(result.lines.map((line) => [line.freeMinutes, line.exclCents])).toEqual([
      [120, 0],
      [60, 500], // one free hour left in May
      [120, 0], // June: 3 h − 1 h already used = 2 h
    ]);
    expect(result.freeMinutes).toBe(300);
  });

  it("exempt tiers pay no VAT and VAT is rounded half up", () => {
    expect(vatOf(1000, null)).toBe(0);
    expect(vatOf(50, 900)).toBe(5); // 4.5 → 5
    expect(vatOf(1234, 2100)).toBe(259); // 259.14
  });

  it("does not depend on the order the dates come in: free hours go to the earliest dates", () => {
    const initiative = rate({ hourlyCents: 2000, freeHoursPerMonth: 2 });
    const may4 = date("2027-05-04T19:30", 90);
    const may11 = date("2027-05-11T19:30", 90);
    const forward = quote({
      rate: initiative,
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [may4, may11],
    });
    const backward = quote({
      rate: initiative,
      dayPartWindows: dayParts,
      vatBp: 2100,
      timeZone: AMS,
      dates: [may11, may4],
    });
    expect(backward).toEqual(forward);
    // 120 free minutes: all 90 of 4 May, then 30 of 11 May (60 × €20/h = €20.00 left to pay)
    expect(forward.lines.map((line) => [line.localStart, line.freeMinutes, line.exclCents])).toEqual([
      ["2027-05-04T19:30", 90, 0],
      ["2027-05-11T19:30", 30, 2000],
    ]);
  });

  it("knows which day parts a booking across midnight touches", () => {
    const start = parseWallClock("2027-05-08T22:00")!;
    const end = parseWallClock("2027-05-09T09:00")!;
    expect(dayPartsTouched(dayParts, start, end)).toEqual(["EVENING", "MORNING"]);
  });
});

describe("cancellation policy", () => {
  const steps = [
    { minDaysBefore: 14, feeBp: 0 },
    { minDaysBefore: 7, feeBp: 5000 },
    { minDaysBefore: 0, feeBp: 10000 },
  ];
  const ZONE = "Europe/Amsterdam";
  // Tuesday 15 June 2027, 19:30 in Amsterdam (summer time).
  const start = new Date("2027-06-15T17:30:00Z");
  const at = (wallClock: string) => fromWallClock(parseWallClock(wallClock)!, ZONE);

  it("counts calendar days in the centre's zone: the whole day 14 days before is free, the next day costs half", () => {
    expect(cancellationOutcome(steps, start, 10000, at("2027-06-01T08:00"), ZONE)).toEqual({
      daysBefore: 14,
      feeBp: 0,
      feeCents: 0,
    });
    expect(cancellationOutcome(steps, start, 10000, at("2027-06-01T23:59"), ZONE)).toEqual({
      daysBefore: 14,
      feeBp: 0,
      feeCents: 0,
    });
    expect(cancellationOutcome(steps, start, 10000, at("2027-06-02T00:00"), ZONE)).toEqual({
      daysBefore: 13,
      feeBp: 5000,
      feeCents: 5000,
    });
  });

  it("a clock change in between does not shorten the notice: the same local time 14 days before a date across the March change is 14 days", () => {
    // Clocks go forward on Sunday 28 March 2027: between these two moments are 14 × 24 − 1 hours.
    const afterChange = at("2027-04-06T19:30");
    const sameTimeBefore = at("2027-03-23T19:30");
    expect((afterChange.getTime() - sameTimeBefore.getTime()) / 3_600_000).toBe(14 * 24 - 1);
    expect(cancellationOutcome(steps, afterChange, 10000, sameTimeBefore, ZONE)).toEqual({
      daysBefore: 14,
      feeBp: 0,
      feeCents: 0,
    });
  });

  it("less than a week before costs the whole price, and so does the day itself and after the start", () => {
    expect(cancellationOutcome(steps, start, 2420, at("2027-06-13T12:00"), ZONE)).toEqual({
      daysBefore: 2,
      feeBp: 10000,
      feeCents: 2420,
    });
    expect(cancellationOutcome(steps, start, 2420, at("2027-06-15T09:00"), ZONE)).toEqual({
      daysBefore: 0,
      feeBp: 10000,
      feeCents: 2420,
    });
    expect(cancellationOutcome(steps, start, 2420, at("2027-06-15T20:00"), ZONE)).toEqual({
      daysBefore: 0,
      feeBp: 10000,
      feeCents: 2420,
    });
  });

  it("without any steps cancelling is always free, also after the start", () => {
    expect(cancellationOutcome([], start, 2420, at("2027-06-15T09:00"), ZONE)).toEqual({
      daysBefore: 0,
      feeBp: 0,
      feeCents: 0,
    });
    expect(cancellationOutcome([], start, 2420, at("2027-06-16T09:00"), ZONE)).toEqual({
      daysBefore: 0,
      feeBp: 0,
      feeCents: 0,
    });
  });

  it("notice shorter than every step gets the strictest step, never a lower fee", () => {
    const twoSteps = [
      { minDaysBefore: 28, feeBp: 2500 },
      { minDaysBefore: 14, feeBp: 5000 },
    ];
    expect(cancellationOutcome(twoSteps, start, 10000, at("2027-06-10T12:00"), ZONE).feeCents).toBe(5000);
    expect(cancellationOutcome(twoSteps, start, 10000, at("2027-05-01T12:00"), ZONE).feeCents).toBe(2500);
  });

  it("adds up the fees of several dates", () => {
    const now = at("2027-06-05T12:00");
    const outcome = cancellationOutcomes(
      steps,
      [
        { id: "a", startsAt: start, priceInclCents: 1000 },
        { id: "b", startsAt: new Date(start.getTime() + 7 * 86_400_000), priceInclCents: 1000 },
      ],
      now,
      ZONE,
    );
    expect(outcome.dates.map((d) => d.feeCents)).toEqual([500, 0]);
    expect(outcome.totalFeeCents).toBe(500);
  });
});

describe("the tier an organisation books at", () => {
  it("counts a claimed tier once it is verified", () => {
    expect(effectiveTier({ tier: "RESIDENT_INITIATIVE", tierVerifiedAt: new Date() }, "PRIVATE")).toBe(
      "RESIDENT_INITIATIVE",
    );
  });
  it("until then uses the centre's tier for unverified organisations", () => {
    expect(effectiveTier({ tier: "RESIDENT_INITIATIVE", tierVerifiedAt: null }, "PRIVATE")).toBe("PRIVATE");
  });
  it("but a less favoured claim stands as it is", () => {
    expect(effectiveTier({ tier: "COMMERCIAL", tierVerifiedAt: null }, "PRIVATE")).toBe("COMMERCIAL");
  });
});
