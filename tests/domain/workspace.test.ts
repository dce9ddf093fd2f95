import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, refusalReply } from "~/lib/messages";
import { DomainError } from "~/domain/shared/errors";
import { formFromWindows, openingHoursSchema, windowsFromForm } from "~/domain/centre/opening-hours-form";
import { freeTime, layoutWeek, minutesOnDay, mondayOf } from "~/domain/workspace/planner";
import {
  cancellationSchema,
  formFromRules,
  rulesFromForm,
  rulesSchema,
  stepsFromForm,
} from "~/domain/rules/rules-form";
import { endOf, patternOf, repeatOf, seriesChangeSchema } from "~/domain/bookings/series-form";

const AMS = "Europe/Amsterdam";

describe("the planner's week", () => {
  it("weeks start on Monday, across a month and a year", () => {
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(mondayOf("2027-03-29")).toBe("2027-03-29");
    expect(mondayOf("2027-04-04")).toBe("2027-03-29");
  });

  it("a 19:30 activity is 19:30 on the planner on both sides of the clock change", () => {
    expect(minutesOnDay(new Date("2027-03-23T18:30:00Z"), new Date("2027-03-23T20:00:00Z"), "2027-03-23", AMS)).toEqual(
      { from: 1170, to: 1260 },
    );
    expect(minutesOnDay(new Date("2027-03-30T17:30:00Z"), new Date("2027-03-30T19:00:00Z"), "2027-03-30", AMS)).toEqual(
      { from: 1170, to: 1260 },
    );
  });

  it("a party past midnight takes the evening of one day and the night of the next", () => {
    const start = new Date("2027-06-05T20:00:00Z"); // 22:00 local
    const end = new Date("2027-06-05T23:30:00Z"); // 01:30 local, next day
    expect(minutesOnDay(start, end, "2027-06-05", AMS)).toEqual({ from: 1320, to: 1440 });
    expect(minutesOnDay(start, end, "2027-06-06", AMS)).toEqual({ from: 0, to: 90 });
    expect(minutesOnDay(start, end, "2027-06-07", AMS)).toBeNull();
  });

  it("free time is the open hours minus what is held, in quarter hours, at least half an hour", () => {
    expect(
      freeTime(
        [[510, 1320]],
        [
          { from: 585, to: 735 },
          { from: 740, to: 760 },
        ],
      ),
    ).toEqual([
      { fromMinute: 510, toMinute: 585 },
      { fromMinute: 765, toMinute: 1320 },
    ]);
    expect(freeTime([[540, 600]], [{ from: 560, to: 600 }])).toEqual([]);
  });

  it("a closed room has no free time that day", () => {
    const days = layoutWeek({
      monday: "2027-03-29",
      timeZone: AMS,
      rooms: [{ id: "a", name: "Zaal A", capacity: 10 }],
      claims: [],
      openingHours: [
        { roomId: null, weekday: 1, opensMinute: 540, closesMinute: 1020 },
        { roomId: null, weekday: 2, opensMinute: 540, closesMinute: 1020 },
      ],
      closures: [{ roomId: "a", startDate: "2027-03-29", endDate: "2027-03-29", reason: "Schilderwerk" }],
    });
    expect(days[0]!.cells[0]).toMatchObject({ closed: "Schilderwerk", free: [] });
    expect(days[1]!.cells[0]).toMatchObject({ closed: null, free: [{ fromMinute: 540, toMinute: 1020 }] });
  });
});

describe("the settings forms", () => {
  it("opening hours: an empty day is closed, 00:00 closes at midnight, and the form reads back what is stored", () => {
    const parsed = openingHoursSchema.safeParse({
      opens6_1: "09:00",
      closes6_1: "00:00",
      opens1_1: "08:30",
      closes1_1: "12:00",
      opens1_2: "13:00",
      closes1_2: "22:00",
    });
    expect(parsed.success).toBe(true);
    const windows = windowsFromForm(parsed.data!);
    expect(windows).toEqual([
      { weekday: 1, opensMinute: 510, closesMinute: 720 },
      { weekday: 1, opensMinute: 780, closesMinute: 1320 },
      { weekday: 6, opensMinute: 540, closesMinute: 1440 },
    ]);
    expect(formFromWindows(windows)).toMatchObject({ opens6_1: "09:00", closes6_1: "00:00", opens1_2: "13:00" });
  });

  it("opening hours: a window that closes before it opens, or half a window, is refused next to the field", () => {
    const result = openingHoursSchema.safeParse({ opens2_1: "18:00", closes2_1: "09:00", opens3_1: "10:00" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]).sort()).toEqual([
      ["closes2_1", "workspace.openingHours.closesBeforeOpens"],
      ["closes3_1", "workspace.openingHours.bothTimes"],
    ]);
  });

  it("rules: percentages become basis points, an empty cap means no cap, and the form reads back what is stored", () => {
    const values = formFromRules({
      provisionalCutoffDays: 14,
      commercialShareCapBp: null,
      commercialShareCapAction: "REFUSE",
      unverifiedTier: "PRIVATE",
      requestReminderDays: 3,
      seriesReminderDays: 2,
      tiers: (["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const).map((tier) => ({
        tier,
        bookingHorizonDays: 365,
        requiresApproval: tier === "COMMERCIAL",
        vatBp: tier === "COMMERCIAL" ? 2100 : null,
        provisional: false,
        paymentMode: tier === "PRIVATE" ? ("ONLINE" as const) : ("INVOICE" as const),
      })),
      communityHours: [{ weekday: 1, startMinute: 540, endMinute: 1020 }],
    });
    const parsed = rulesSchema.parse({ ...values, sharePercent: "30" });
    const rules = rulesFromForm(parsed);
    expect(rules.commercialShareCapBp).toBe(3000);
    expect(rules.tiers.find((tier) => tier.tier === "COMMERCIAL")).toEqual({
      tier: "COMMERCIAL",
      bookingHorizonDays: 365,
      requiresApproval: true,
      provisional: false,
      vatBp: 2100,
      paymentMode: "INVOICE",
    });
    expect(rules.tiers.find((tier) => tier.tier === "PRIVATE")?.paymentMode).toBe("ONLINE");
    expect(rules.communityHours).toEqual([{ weekday: 1, startMinute: 540, endMinute: 1020 }]);
    expect(rulesFromForm(rulesSchema.parse(values)).commercialShareCapBp).toBeNull();
  });

  it("cancellation steps: empty rows are left out, a duplicate number of days is refused", () => {
    expect(
      stepsFromForm(
        cancellationSchema.parse({
          days_1: "0",
          percent_1: "100",
          days_2: "14",
          percent_2: "0",
          days_3: "",
          percent_3: "",
        }),
      ),
    ).toEqual([
      { minDaysBefore: 14, feeBp: 0 },
      { minDaysBefore: 0, feeBp: 10000 },
    ]);
    expect(cancellationSchema.safeParse({ days_1: "7", percent_1: "50", days_2: "7", percent_2: "100" }).success).toBe(
      false,
    );
  });
});

describe("the series-change form", () => {
  it("reads an existing rule back in the form's words", () => {
    expect(repeatOf("FREQ=WEEKLY;BYDAY=TU;COUNT=8")).toBe("weekly");
    expect(repeatOf("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")).toBe("biweekly");
    expect(repeatOf("FREQ=MONTHLY;BYDAY=1TH")).toBe("monthly");
    expect(repeatOf("FREQ=MONTHLY;BYDAY=-1WE")).toBe("monthly-last");
    expect(repeatOf(null)).toBe("none");
    expect(endOf("FREQ=WEEKLY;BYDAY=TU")).toBe("open");
    expect(endOf("FREQ=WEEKLY;UNTIL=20271231T235959")).toBe("date");
  });

  it("'this and following' needs the date it starts from; the new pattern is the booking form's", () => {
    const base = {
      scope: "following",
      date: "2027-04-01",
      time: "20:00",
      duration: "60",
      roomId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      repeat: "weekly",
      endBy: "date",
      untilDate: "2027-04-22",
    };
    expect(seriesChangeSchema.safeParse(base).error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "fromOccurrenceId",
    ]);
    const form = seriesChangeSchema.parse({ ...base, fromOccurrenceId: "7c9e6679-7425-40de-944b-e07fc1f90ae7" });
    expect(patternOf(form)).toEqual({
      rrule: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270422T235959",
      localStart: "2027-04-01T20:00",
      durationMinutes: 60,
      roomId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    });
  });
});

describe("refusals on the page", () => {
  it("a refusal lands next to its field with its values, or above the form", () => {
    const error = new DomainError(
      "room-already-booked",
      "taken",
      { room: "Zaal A", date: "2027-03-02", time: "19:30" },
      409,
    );
    const reply = refusalReply(error, { "room-already-booked": "time" });
    const message = reply.fieldErrors!.time![0]!;
    expect(decodeMessage(message)).toEqual({
      key: "booking.domainError.room-already-booked",
      values: { room: "Zaal A", date: "2027-03-02", time: "19:30" },
    });
    expect(refusalReply(new DomainError("something-new", "?"))).toEqual({
      formErrors: [encodeMessage("workspace.refusal.generic")],
    });
    expect(refusalReply(new DomainError("team-own-role", "?"))).toEqual({
      formErrors: ["workspace.refusal.team-own-role"],
    });
  });
});
