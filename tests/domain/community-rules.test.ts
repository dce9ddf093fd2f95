import { describe, expect, it } from "vitest";
import { checkCapacity } from "~/domain/rules/capacity";
import { checkCommunityHours } from "~/domain/rules/community-hours";
import { checkHorizon } from "~/domain/rules/horizon";
import { isBumpable, provisionalUntil } from "~/domain/rules/provisional";
import { checkShareCap, type MonthUsage } from "~/domain/rules/share-cap";
import { fromWallClock, parseWallClock } from "~/domain/time/time-zone";

const AMS = "Europe/Amsterdam";
const at = (localStart: string, minutes = 60) => {
  const startsAt = fromWallClock(parseWallClock(localStart)!, AMS);
  return { localStart, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
};
const DAY = 86_400_000;

describe("1. booking horizon per tier", () => {
  const now = new Date("2027-01-01T12:00:00Z");
  it("a date exactly at the horizon is allowed, a date after it is refused", () => {
    const limit = new Date(now.getTime() + 56 * DAY);
    const exactly = { localStart: "x", startsAt: limit, endsAt: new Date(limit.getTime() + 3600_000) };
    expect(checkHorizon({ horizonDays: 56, dates: [exactly], now, timeZone: AMS })).toEqual([]);
    const later = {
      localStart: "y",
      startsAt: new Date(limit.getTime() + 60_000),
      endsAt: new Date(limit.getTime() + 3660_000),
    };
    expect(checkHorizon({ horizonDays: 56, dates: [exactly, later], now, timeZone: AMS })).toEqual([
      {
        rule: "booking-horizon",
        effect: "refuse",
        params: { days: 56, weeks: 8, lastDay: "2027-02-26", count: 1 },
        dates: ["y"],
      },
    ]);
  });
});

describe("2. community hours", () => {
  const windows = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
  it("refuses commercial and private hire inside the windows", () => {
    const result = checkCommunityHours({ tier: "COMMERCIAL", windows, dates: [at("2027-05-04T16:30")], timeZone: AMS });
    expect(result).toEqual([
      {
        rule: "community-hours",
        effect: "refuse",
        params: { weekday: 2, from: "09:00", to: "17:00", count: 1 },
        dates: ["2027-05-04T16:30"],
      },
    ]);
    expect(
      checkCommunityHours({ tier: "PRIVATE", windows, dates: [at("2027-05-04T10:00")], timeZone: AMS }),
    ).toHaveLength(1);
  });
  it("allows them right after the window closes, and in the weekend", () => {
    expect(
      checkCommunityHours({ tier: "COMMERCIAL", windows, dates: [at("2027-05-04T17:00")], timeZone: AMS }),
    ).toEqual([]);
    expect(
      checkCommunityHours({ tier: "COMMERCIAL", windows, dates: [at("2027-05-08T10:00")], timeZone: AMS }),
    ).toEqual([]);
  });
  it("never stops initiatives or associations", () => {
    expect(
      checkCommunityHours({ tier: "RESIDENT_INITIATIVE", windows, dates: [at("2027-05-04T10:00")], timeZone: AMS }),
    ).toEqual([]);
    expect(
      checkCommunityHours({ tier: "ASSOCIATION", windows, dates: [at("2027-05-04T10:00")], timeZone: AMS }),
    ).toEqual([]);
  });
});

describe("3. provisional commercial hire", () => {
  const start = new Date("2027-06-15T17:30:00Z");
  const firmAt = provisionalUntil(start, 14);
  it("is bumpable until the cut-off and firm exactly at it", () => {
    expect(firmAt.toISOString()).toBe("2027-06-01T17:30:00.000Z");
    expect(isBumpable(firmAt, new Date(firmAt.getTime() - 1))).toBe(true);
    expect(isBumpable(firmAt, firmAt)).toBe(false);
    expect(isBumpable(null, new Date(0))).toBe(false);
  });
});

describe("4. commercial share cap", () => {
  const roomNames = new Map([["r1", "Zaal A"]]);
  // 700 minutes booked by initiatives in May; a commercial booking adds its own minutes.
  const usage = new Map<string, MonthUsage>([["r1|2027-05", { bookedMinutes: 700, commercialMinutes: 0 }]]);
  it("exactly at the cap is allowed", () => {
    // 300 commercial of 1000 booked minutes = exactly 30%.
    expect(
      checkShareCap({
        tier: "COMMERCIAL",
        capBp: 3000,
        action: "REFUSE",
        usage,
        added: new Map([["r1|2027-05", 300]]),
        roomNames,
      }),
    ).toEqual([]);
  });
  it("over the cap is refused, or sent for approval when the centre chooses so", () => {
    const added = new Map([["r1|2027-05", 301]]);
    expect(checkShareCap({ tier: "COMMERCIAL", capBp: 3000, action: "REFUSE", usage, added, roomNames })).toEqual([
      {
        rule: "share-cap",
        effect: "refuse",
        params: { capPercent: 30, sharePercent: 30.1, room: "Zaal A", month: "2027-05" },
      },
    ]);
    expect(
      checkShareCap({ tier: "COMMERCIAL", capBp: 3000, action: "REQUIRE_APPROVAL", usage, added, roomNames })[0]
        ?.effect,
    ).toBe("approval");
  });
  it("does not apply to other tiers or without a cap", () => {
    expect(
      checkShareCap({
        tier: "PRIVATE",
        capBp: 3000,
        action: "REFUSE",
        usage,
        added: new Map([["r1|2027-05", 5000]]),
        roomNames,
      }),
    ).toEqual([]);
    expect(
      checkShareCap({
        tier: "COMMERCIAL",
        capBp: null,
        action: "REFUSE",
        usage,
        added: new Map([["r1|2027-05", 5000]]),
        roomNames,
      }),
    ).toEqual([]);
  });
});

describe("group size", () => {
  it("refuses more people than the room holds", () => {
    expect(checkCapacity({ attendees: 41, capacity: 40, room: "Zaal A" })[0]?.rule).toBe("too-many-people");
    expect(checkCapacity({ attendees: 40, capacity: 40, room: "Zaal A" })).toEqual([]);
  });
});
