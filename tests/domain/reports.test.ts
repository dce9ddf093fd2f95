import { describe, expect, it } from "vitest";
import {
  addToSlots,
  buildCalendar,
  instantOn,
  openMsPerMonth,
  zoneDays,
  HOURS_OF_DAY,
} from "~/domain/reports/calendar";
import { neutraliseCell, tableToCsv } from "~/domain/reports/csv";
import { energyFigures, revenueFigures, spread } from "~/domain/reports/figures";
import { formatPercent } from "~/domain/reports/format";
import {
  daysPerYear,
  isoWeek,
  monthsOf,
  periodSlug,
  previousYear,
  resolvePeriod,
  shiftPeriod,
} from "~/domain/reports/period";
import { parseEuros, periodFromSearch } from "~/domain/reports/schemas";
import type { ReportTable } from "~/domain/reports/tables";
import { translator } from "~/i18n/translate";

const ZONE = "Europe/Amsterdam";
const HOUR = 3_600_000;

describe("report periods", () => {
  it("a quarter, a month and an ISO week contain the given day", () => {
    expect(resolvePeriod({ kind: "quarter", date: "2026-05-17" })).toEqual({
      kind: "quarter",
      from: "2026-04-01",
      to: "2026-07-01",
    });
    expect(resolvePeriod({ kind: "month", date: "2026-12-31" })).toEqual({
      kind: "month",
      from: "2026-12-01",
      to: "2027-01-01",
    });
    // Thursday 1 January 2026 lies in week 1 of 2026, which starts on Monday 29 December 2025.
    expect(resolvePeriod({ kind: "week", date: "2026-01-01" })).toEqual({
      kind: "week",
      from: "2025-12-29",
      to: "2026-01-05",
    });
    expect(isoWeek("2025-12-29")).toEqual({ year: 2026, week: 1 });
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
  });

  it("any range includes its last day", () => {
    expect(resolvePeriod({ kind: "range", date: "2026-03-01", from: "2026-03-01", until: "2026-04-15" })).toEqual({
      kind: "range",
      from: "2026-03-01",
      to: "2026-04-16",
    });
  });

  it("a year earlier keeps the dates, and a week keeps its weekdays", () => {
    expect(previousYear(resolvePeriod({ kind: "month", date: "2024-02-10" }))).toEqual({
      kind: "month",
      from: "2023-02-01",
      to: "2023-03-01",
    });
    expect(previousYear({ kind: "range", from: "2024-02-29", to: "2024-03-02" })).toEqual({
      kind: "range",
      from: "2023-02-28",
      to: "2023-03-02",
    });
    expect(previousYear(resolvePeriod({ kind: "week", date: "2026-06-10" }))).toEqual({
      kind: "week",
      from: "2025-06-09",
      to: "2025-06-16",
    });
  });

  it("steps to the period before and after", () => {
    expect(shiftPeriod(resolvePeriod({ kind: "quarter", date: "2026-02-01" }), -1)).toEqual({
      kind: "quarter",
      from: "2025-10-01",
      to: "2026-01-01",
    });
    expect(shiftPeriod(resolvePeriod({ kind: "month", date: "2026-12-05" }), 1)).toEqual({
      kind: "month",
      from: "2027-01-01",
      to: "2027-02-01",
    });
    expect(shiftPeriod({ kind: "range", from: "2026-03-01", to: "2026-03-11" }, 1)).toEqual({
      kind: "range",
      from: "2026-03-11",
      to: "2026-03-21",
    });
  });

  it("lists its months and its days per year (for pro-rata costs)", () => {
    expect(monthsOf({ kind: "range", from: "2026-11-15", to: "2027-01-02" })).toEqual([
      "2026-11-01",
      "2026-12-01",
      "2027-01-01",
    ]);
    expect(daysPerYear({ kind: "range", from: "2026-12-01", to: "2027-01-11" })).toEqual([
      { year: 2026, days: 31, daysInYear: 365 },
      { year: 2027, days: 10, daysInYear: 365 },
    ]);
    expect(periodSlug(resolvePeriod({ kind: "quarter", date: "2026-08-01" }))).toBe("2026-K3");
  });

  it("reads the period from the query string, this year when there is none, and refuses a wrong one", () => {
    const now = new Date("2026-12-31T23:30:00Z"); // already 1 January 2027 in Amsterdam
    expect(periodFromSearch(new URLSearchParams(), ZONE, now).period).toEqual({
      kind: "year",
      from: "2027-01-01",
      to: "2028-01-01",
    });
    expect(periodFromSearch(new URLSearchParams("kind=month&date=2026-03-15"), ZONE, now)).toMatchObject({
      period: { kind: "month", from: "2026-03-01", to: "2026-04-01" },
      invalid: false,
    });
    const backwards = periodFromSearch(new URLSearchParams("kind=range&from=2026-03-15&until=2026-03-01"), ZONE, now);
    expect(backwards.invalid).toBe(true);
    expect(backwards.lastResult?.error?.until).toEqual(["reports.period.errors.order"]);
    expect(
      periodFromSearch(new URLSearchParams("kind=range&from=2020-01-01&until=2026-01-01"), ZONE, now).lastResult?.error
        ?.until,
    ).toEqual(["reports.period.errors.tooLong"]);
    expect(periodFromSearch(new URLSearchParams("kind=eeuw&date=2026-01-01"), ZONE, now).invalid).toBe(true);
  });
});

describe("local days and opening windows as instants (any server TZ)", () => {
  it("the Sunday of the October clock change has 25 hours and the March one 23", () => {
    const days = zoneDays(ZONE, { kind: "range", from: "2026-03-28", to: "2026-03-31" });
    expect(days.map((day) => (day.end - day.start) / HOUR)).toEqual([24, 23, 24]);
    const october = zoneDays(ZONE, { kind: "range", from: "2026-10-25", to: "2026-10-26" });
    expect(october[0]).toEqual({
      date: "2026-10-25",
      weekday: 7,
      start: Date.parse("2026-10-24T22:00:00Z"),
      end: Date.parse("2026-10-25T23:00:00Z"),
    });
  });

  it("a clock time on a clock-change day: the first of two, and the gap read with the offset before it", () => {
    const [october] = zoneDays(ZONE, { kind: "range", from: "2026-10-25", to: "2026-10-26" });
    expect(new Date(instantOn(october!, 150, ZONE)).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(new Date(instantOn(october!, 9 * 60, ZONE)).toISOString()).toBe("2026-10-25T08:00:00.000Z");
    const [march] = zoneDays(ZONE, { kind: "range", from: "2026-03-29", to: "2026-03-30" });
    expect(new Date(instantOn(march!, 150, ZONE)).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(instantOn(march!, 9 * 60, ZONE)).toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("a room with its own hours or closure gets its own profile; the others share the centre's", () => {
    const calendar = buildCalendar(ZONE, { kind: "month", from: "2026-12-01", to: "2027-01-01" }, [
      {
        centreId: "c",
        timeZone: ZONE,
        rooms: [{ id: "a" }, { id: "b" }, { id: "late" }, { id: "painted" }],
        openingHours: [
          ...[1, 2, 3, 4, 5].map((weekday) => ({ roomId: null, weekday, opensMinute: 540, closesMinute: 1320 })),
          { roomId: "late", weekday: 6, opensMinute: 1080, closesMinute: 1440 },
        ],
        closures: [
          { roomId: null, startDate: "2026-12-24", endDate: "2026-12-31", reason: "Kerst" },
          { roomId: "painted", startDate: "2026-12-01", endDate: "2026-12-04", reason: "Verven" },
        ],
      },
    ]);
    expect(calendar.profiles.map((profile) => profile.roomIds)).toEqual([["a", "b"], ["late"], ["painted"]]);
    const hours = (roomId: string) => openMsPerMonth(calendar, calendar.profileOfRoom.get(roomId)!)[0]! / HOUR;
    expect(hours("a")).toBe(17 * 13);
    expect(hours("painted")).toBe(13 * 13);
    // Saturdays 5, 12, 19 December (26 is in the closure): 3 × 6 h.
    expect(hours("late")).toBe(18);
  });

  it("cuts open time into the hours of the clock", () => {
    const [day] = zoneDays(ZONE, { kind: "range", from: "2026-10-25", to: "2026-10-26" });
    const totals = new Map<string, number>();
    addToSlots(totals, HOURS_OF_DAY, day!, ZONE, [day!.start, day!.end]);
    expect(totals.get("7:2")).toBe(2 * HOUR);
    expect(totals.get("7:3")).toBe(HOUR);
    expect([...totals.values()].reduce((sum, value) => sum + value, 0)).toBe(25 * HOUR);
  });
});

describe("money and energy", () => {
  it("spreads a payment over invoice lines in whole cents that add up", () => {
    expect(spread(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(spread(-1001, [2, 1])).toEqual([-667, -334]);
    expect(spread(500, [0, 0])).toEqual([500, 0]);
  });

  it("needs the costs of every year the period touches for the cost recovery", () => {
    const period = { kind: "range" as const, from: "2026-12-01", to: "2027-01-11" };
    const invoices = [
      {
        id: "i",
        inPeriod: true,
        credited: false,
        totalInclCents: 12100,
        paidCents: 0,
        lines: [{ spaceId: "a", tier: "PRIVATE" as const, inclCents: 12100, exclCents: 10000 }],
      },
    ];
    expect(revenueFigures(period, invoices, [], new Map([[2026, 365000]])).costRecovery).toBeNull();
    const both = revenueFigures(
      period,
      invoices,
      [],
      new Map([
        [2026, 365000],
        [2027, 365000],
      ]),
    );
    expect(both.costsCents).toBe(31000 + 10000);
    expect(both.costRecovery).toBeCloseTo(10000 / 41000, 12);
    expect(both.outstandingCents).toBe(12100);
  });

  it("leaves out months that are not wholly in the period", () => {
    const energy = energyFigures(
      { kind: "range", from: "2026-11-15", to: "2027-01-01" },
      [
        { month: "2026-11-01", bookedHours: 5, availableHours: 10, occupancy: 0.5 },
        { month: "2026-12-01", bookedHours: 20, availableHours: 40, occupancy: 0.5 },
      ],
      [
        { month: "2026-11-01", electricityKwh: 999, gasM3: 999 },
        { month: "2026-12-01", electricityKwh: 100, gasM3: null },
      ],
    );
    expect(energy.months.map((month) => month.month)).toEqual(["2026-12-01"]);
    expect(energy.kwhPerHour).toBe(5);
    expect(energy.m3PerHour).toBeNull();
  });
});

describe("CSV export", () => {
  it("neutralises cells that a spreadsheet would run as a formula", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(neutraliseCell("+31 6 12345678")).toBe("'+31 6 12345678");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("Koffieochtend")).toBe("Koffieochtend");
  });

  it("writes Dutch numbers with a decimal comma, names neutralised and a byte-order mark", () => {
    const table: ReportTable = {
      id: "rooms",
      title: "reports.tables.rooms",
      columns: [
        { key: "room", label: "reports.columns.room", kind: "text" },
        { key: "bookedHours", label: "reports.columns.bookedHours", kind: "hours" },
        { key: "occupancy", label: "reports.columns.occupancy", kind: "percent" },
        { key: "invoiced", label: "reports.columns.invoiced", kind: "money" },
      ],
      rows: [
        { room: "=cmd|' /C calc'!A0", bookedHours: 16, occupancy: 16 / 221, invoiced: -1050 },
        { room: "reports.tables.total", bookedHours: 29.5, occupancy: null, invoiced: 123456, _label: "room" },
      ],
    };
    const csv = tableToCsv(table, translator("nl"), "nl");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Ruimte;Gebruikte uren;Bezetting (%);Gefactureerd (€)",
      "'=cmd|' /C calc'!A0;16,00;7,2;-10,50",
      "Totaal;29,50;;1234,56",
      "",
    ]);
    expect(tableToCsv(table, translator("en"), "en").split("\r\n")[1]).toBe("'=cmd|' /C calc'!A0,16.00,7.2,-10.50");
  });

  it("shows percentages whole, and a small share as <1%", () => {
    expect(formatPercent(0.6249, "nl")).toBe("62%");
    expect(formatPercent(0.004, "nl")).toBe("<1%");
    expect(formatPercent(null, "nl")).toBe("–");
  });
});

describe("amounts typed by the board", () => {
  it("reads euros the way people write them", () => {
    expect(parseEuros("48500")).toBe(4_850_000);
    expect(parseEuros("48.500")).toBe(4_850_000);
    expect(parseEuros("€ 48.500,25")).toBe(4_850_025);
    expect(parseEuros("48,500.25")).toBe(4_850_025);
    expect(parseEuros("48500,5")).toBe(4_850_050);
    expect(parseEuros("12.50")).toBe(1250);
    expect(parseEuros("1.234.567")).toBe(123_456_700);
    expect(parseEuros("twaalf")).toBeUndefined();
    expect(parseEuros("-5")).toBeUndefined();
    expect(parseEuros("1,2,3")).toBeUndefined();
  });
});
