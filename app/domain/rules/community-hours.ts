import type { Tier } from "~/generated/prisma/enums";
import { daySegments } from "../centre/opening-hours";
import { toWallClock } from "../time/time-zone";
import type { RuleDate, RuleFinding } from "./findings";
import { isCommunityTier } from "./tiers";

export interface CommunityWindow {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** 2. Community hours: weekly windows only resident initiatives and associations may book. */
export function checkCommunityHours(input: {
  tier: Tier;
  windows: CommunityWindow[];
  dates: RuleDate[];
  timeZone: string;
}): RuleFinding[] {
  if (isCommunityTier(input.tier) || input.windows.length === 0) return [];
  let first: CommunityWindow | undefined;
  const hit = input.dates.filter((date) =>
    daySegments(toWallClock(date.startsAt, input.timeZone), toWallClock(date.endsAt, input.timeZone)).some(
      (segment) => {
        const window = input.windows.find(
          (w) => w.weekday === segment.weekday && segment.from < w.endMinute && w.startMinute < segment.to,
        );
        first ??= window;
        return window !== undefined;
      },
    ),
  );
  if (hit.length === 0 || !first) return [];
  const time = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  return [
    {
      rule: "community-hours",
      effect: "refuse",
      params: { weekday: first.weekday, from: time(first.startMinute), to: time(first.endMinute), count: hit.length },
      dates: hit.map((date) => date.localStart),
    },
  ];
}
