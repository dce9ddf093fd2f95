import { describe, expect, it } from "vitest";
import {
  closuresHit,
  daySegments,
  isWithinOpeningHours,
  windowsForRoom,
  type OpeningWindow,
} from "~/domain/centre/opening-hours";
import { parseWallClock } from "~/domain/time/time-zone";

const wall = (text: string) => parseWallClock(text)!;
const centreHours: OpeningWindow[] = [
  { roomId: null, weekday: 2, opensMinute: 9 * 60, closesMinute: 12 * 60 },
  { roomId: null, weekday: 2, opensMinute: 12 * 60, closesMinute: 22 * 60 }, // touching: one window 09–22
  { roomId: null, weekday: 6, opensMinute: 10 * 60, closesMinute: 24 * 60 },
  { roomId: null, weekday: 7, opensMinute: 0, closesMinute: 2 * 60 },
];

describe("opening hours", () => {
  it("a booking inside the hours fits, touching windows count as one", () => {
    expect(isWithinOpeningHours(centreHours, wall("2027-05-04T11:00"), wall("2027-05-04T13:00"))).toBe(true);
    expect(isWithinOpeningHours(centreHours, wall("2027-05-04T21:00"), wall("2027-05-04T22:30"))).toBe(false);
    expect(isWithinOpeningHours(centreHours, wall("2027-05-03T10:00"), wall("2027-05-03T11:00"))).toBe(false); // Monday closed
  });

  it("a booking across midnight needs both days open", () => {
    expect(isWithinOpeningHours(centreHours, wall("2027-05-08T22:00"), wall("2027-05-09T01:30"))).toBe(true);
    expect(isWithinOpeningHours(centreHours, wall("2027-05-08T22:00"), wall("2027-05-09T02:30"))).toBe(false);
    expect(daySegments(wall("2027-05-08T22:00"), wall("2027-05-09T01:30"))).toEqual([
      { localDate: "2027-05-08", weekday: 6, from: 1320, to: 1440 },
      { localDate: "2027-05-09", weekday: 7, from: 0, to: 90 },
    ]);
  });

  it("a room with its own hours follows only those", () => {
    const rows: OpeningWindow[] = [
      ...centreHours,
      { roomId: "r1", weekday: 1, opensMinute: 18 * 60, closesMinute: 21 * 60 },
    ];
    expect(windowsForRoom(rows, "r1")).toHaveLength(1);
    expect(windowsForRoom(rows, "r2")).toHaveLength(4);
  });

  it("closures hit the days a booking touches, for the centre or the room", () => {
    const closures = [
      { roomId: null, startDate: "2027-12-24", endDate: "2028-01-01", reason: "Kerst" },
      { roomId: "r1", startDate: "2027-05-09", endDate: "2027-05-09", reason: "Onderhoud" },
    ];
    expect(
      closuresHit(closures, ["r1"], wall("2027-05-08T22:00"), wall("2027-05-09T01:00")).map((c) => c.reason),
    ).toEqual(["Onderhoud"]);
    expect(closuresHit(closures, ["r2"], wall("2027-05-08T22:00"), wall("2027-05-09T01:00"))).toEqual([]);
    expect(
      closuresHit(closures, ["r2"], wall("2027-12-31T20:00"), wall("2027-12-31T22:00")).map((c) => c.reason),
    ).toEqual(["Kerst"]);
  });
});
