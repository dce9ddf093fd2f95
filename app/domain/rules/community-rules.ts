import type { ShareCapAction, Tier } from "~/generated/prisma/enums";
import { daySegments } from "../centre/opening-hours";
import { formatLocalDate, localDateTimeAt, toWallClock } from "../time/time-zone";
import { isCommunityTier } from "./tiers";

/**
 * The rules that make a centre a community centre rather than a rental business (pure). Each
 * check returns findings: which rule, what it does to this request (refuse it, send it for
 * approval, or tell something), and the values for the plain sentence the interface shows
 * (messages `rules.<rule>.<effect>` in the catalogues, with what to do instead).
 */

type RuleCode =
  | "booking-horizon"
  | "community-hours"
  | "provisional"
  | "share-cap"
  | "approval"
  | "unverified-tier"
  | "bump"
  | "date-in-past"
  | "too-many-people";

export interface RuleFinding {
  rule: RuleCode;
  effect: "refuse" | "approval" | "info";
  params: Record<string, string | number>;
  /** the dates concerned ("YYYY-MM-DDTHH:mm" as the pattern gives them) */
  dates?: string[];
}

export interface RuleDate {
  localStart: string;
  startsAt: Date;
  endsAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** 3. Provisional hire: each date stays provisional (optie) until `cutoffDays` before it. */
export function provisionalUntil(startsAt: Date, cutoffDays: number): Date {
  return new Date(startsAt.getTime() - cutoffDays * DAY_MS);
}

/** A provisional date can be taken over by a resident initiative strictly before it becomes firm. */
export function isBumpable(firmAt: Date | null, now: Date): boolean {
  return firmAt !== null && now < firmAt;
}

export function provisionalFinding(input: {
  cutoffDays: number;
  dates: RuleDate[];
  now: Date;
  timeZone: string;
}): RuleFinding[] {
  const provisional = input.dates.filter((date) =>
    isBumpable(provisionalUntil(date.startsAt, input.cutoffDays), input.now),
  );
  if (provisional.length === 0) return [];
  return [
    {
      rule: "provisional",
      effect: "info",
      params: {
        days: input.cutoffDays,
        count: provisional.length,
        firstFirm: localDateTimeAt(provisionalUntil(provisional[0]!.startsAt, input.cutoffDays), input.timeZone).slice(
          0,
          10,
        ),
      },
      dates: provisional.map((date) => date.localStart),
    },
  ];
}

/** Booked minutes of a room in a month, and how many of those are commercial. */
export interface MonthUsage {
  bookedMinutes: number;
  commercialMinutes: number;
}

/**
 * 4. Commercial share cap: after this booking, commercial minutes may be at most `capBp` of a
 * room's booked minutes in each month (exactly at the cap is allowed). Over the cap the centre
 * either refuses or asks a manager to decide.
 */
export function checkShareCap(input: {
  tier: Tier;
  capBp: number | null;
  action: ShareCapAction;
  /** usage before this booking, per "roomId|YYYY-MM" */
  usage: Map<string, MonthUsage>;
  /** this booking's minutes per "roomId|YYYY-MM" */
  added: Map<string, number>;
  roomNames: Map<string, string>;
}): RuleFinding[] {
  if (input.tier !== "COMMERCIAL" || input.capBp === null) return [];
  const over: { key: string; shareBp: number }[] = [];
  for (const [key, minutes] of input.added) {
    const before = input.usage.get(key) ?? { bookedMinutes: 0, commercialMinutes: 0 };
    const booked = before.bookedMinutes + minutes;
    const commercial = before.commercialMinutes + minutes;
    if (commercial * 10_000 > input.capBp * booked) over.push({ key, shareBp: (commercial * 10_000) / booked });
  }
  if (over.length === 0) return [];
  const [roomId, month] = over[0]!.key.split("|") as [string, string];
  return [
    {
      rule: "share-cap",
      effect: input.action === "REFUSE" ? "refuse" : "approval",
      params: {
        capPercent: input.capBp / 100,
        // one decimal, so "30.1%" never reads as "30%" next to a cap of 30%
        sharePercent: Math.ceil(over[0]!.shareBp / 10) / 10,
        room: input.roomNames.get(roomId) ?? "",
        month,
      },
    },
  ];
}

/** 5. Approval per tier. */
export function approvalFinding(input: { requiresApproval: boolean; tier: Tier }): RuleFinding[] {
  return input.requiresApproval ? [{ rule: "approval", effect: "approval", params: { tier: input.tier } }] : [];
}

/** The organisation books at another tier until a manager verifies the tier it claims. */
export function unverifiedFinding(input: { claimed: Tier; effective: Tier; verified: boolean }): RuleFinding[] {
  return !input.verified && input.claimed !== input.effective
    ? [{ rule: "unverified-tier", effect: "info", params: { claimed: input.claimed, effective: input.effective } }]
    : [];
}

/** Group size against the room. */
export function checkCapacity(input: { attendees: number; capacity: number; room: string }): RuleFinding[] {
  return input.attendees > input.capacity
    ? [
        {
          rule: "too-many-people",
          effect: "refuse",
          params: { attendees: input.attendees, capacity: input.capacity, room: input.room },
        },
      ]
    : [];
}

/** "roomId|YYYY-MM" of a date in a room, for the share cap. */
export function monthKey(roomId: string, startsAt: Date, timeZone: string): string {
  return `${roomId}|${localDateTimeAt(startsAt, timeZone).slice(0, 7)}`;
}
