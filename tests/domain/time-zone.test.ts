import { describe, expect, it } from "vitest";
import {
  fromWallClock,
  isValidTimeZone,
  localDateTimeAt,
  parseLocalDate,
  parseWallClock,
  toWallClock,
} from "~/domain/time/time-zone";

const AMS = "Europe/Amsterdam";
const wall = (text: string) => parseWallClock(text)!;

describe(`time zones (server TZ=${process.env.EXPECTED_TZ})`, () => {
  it("runs under the time zone this project is meant to test", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.EXPECTED_TZ);
  });

  it("19:30 in Amsterdam is 18:30Z in winter and 17:30Z in summer", () => {
    expect(fromWallClock(wall("2026-01-13T19:30"), AMS).toISOString()).toBe("2026-01-13T18:30:00.000Z");
    expect(fromWallClock(wall("2026-07-14T19:30"), AMS).toISOString()).toBe("2026-07-14T17:30:00.000Z");
  });

  it("a time in the spring-forward gap is read with the offset from before the gap", () => {
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist; +01:00 gives 01:30Z (03:30 summer time).
    expect(fromWallClock(wall("2026-03-29T02:30"), AMS).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromWallClock(wall("2026-03-29T02:00"), AMS).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(fromWallClock(wall("2026-03-29T03:00"), AMS).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("a time that occurs twice in the fall-back hour is the first of the two", () => {
    // 25 October 2026: 03:00 → 02:00. 02:30 happens at 00:30Z (summer) and 01:30Z (winter).
    expect(fromWallClock(wall("2026-10-25T02:30"), AMS).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(fromWallClock(wall("2026-10-25T03:00"), AMS).toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("instants read back as the wall clock of the zone", () => {
    expect(localDateTimeAt(new Date("2026-10-25T00:30:00Z"), AMS)).toBe("2026-10-25T02:30");
    expect(localDateTimeAt(new Date("2026-10-25T01:30:00Z"), AMS)).toBe("2026-10-25T02:30");
    expect(toWallClock(new Date("2026-06-01T22:30:00Z"), "America/Los_Angeles").toISOString()).toBe(
      "2026-06-01T15:30:00.000Z",
    );
  });

  it("refuses dates that do not exist and zones that are unknown", () => {
    expect(parseWallClock("2026-02-30T10:00")).toBeUndefined();
    expect(parseWallClock("2026-13-01T10:00")).toBeUndefined();
    expect(parseWallClock("2026-01-01 10:00")).toBeUndefined();
    expect(parseLocalDate("2026-02-29")).toBeUndefined();
    expect(parseLocalDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(isValidTimeZone("Europe/Amsterdam")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
