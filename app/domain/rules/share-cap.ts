import type { ShareCapAction, Tier } from "~/generated/prisma/enums";
import { localDateTimeAt } from "../time/time-zone";
import type { RuleFinding } from "./findings";

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

/** "roomId|YYYY-MM" of a date in a room, for the share cap. */
export function monthKey(roomId: string, startsAt: Date, timeZone: string): string {
  return `${roomId}|${localDateTimeAt(startsAt, timeZone).slice(0, 7)}`;
}
