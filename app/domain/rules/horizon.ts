import { formatLocalDate, toWallClock } from "../time/time-zone";
import { DAY_MS, type RuleDate, type RuleFinding } from "./findings";

/** 1. Booking horizon per tier: the last date may start at most `horizonDays` from now. */
export function checkHorizon(input: {
  horizonDays: number;
  dates: RuleDate[];
  now: Date;
  timeZone: string;
}): RuleFinding[] {
  const limit = new Date(input.now.getTime() + input.horizonDays * DAY_MS);
  const beyond = input.dates.filter((date) => date.startsAt > limit);
  if (beyond.length === 0) return [];
  return [
    {
      rule: "booking-horizon",
      effect: "refuse",
      params: {
        days: input.horizonDays,
        weeks: Math.floor(input.horizonDays / 7),
        lastDay: formatLocalDate(toWallClock(limit, input.timeZone)),
        count: beyond.length,
      },
      dates: beyond.map((date) => date.localStart),
    },
  ];
}

/** Dates that start in the past cannot be booked. */
export function checkNotInPast(input: { dates: RuleDate[]; now: Date }): RuleFinding[] {
  const past = input.dates.filter((date) => date.startsAt <= input.now);
  return past.length === 0
    ? []
    : [
        {
          rule: "date-in-past",
          effect: "refuse",
          params: { count: past.length },
          dates: past.map((date) => date.localStart),
        },
      ];
}
