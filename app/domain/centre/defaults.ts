import type { DayPart, Tier } from "~/generated/prisma/enums";

/**
 * The rules a new centre starts with. Each one is the centre's own to change; these
 * defaults follow the product brief: resident initiatives book far ahead, at any time and
 * instantly; commercial hire books a short window ahead, outside community hours, with a
 * manager's approval, and stays provisional until 14 days before each date.
 */

export const DEFAULT_TIER_POLICIES: Record<
  Tier,
  { bookingHorizonDays: number; requiresApproval: boolean; vatBp: number | null; provisional: boolean }
> = {
  RESIDENT_INITIATIVE: { bookingHorizonDays: 365, requiresApproval: false, vatBp: null, provisional: false },
  ASSOCIATION: { bookingHorizonDays: 365, requiresApproval: false, vatBp: null, provisional: false },
  PRIVATE: { bookingHorizonDays: 180, requiresApproval: true, vatBp: 2100, provisional: false },
  COMMERCIAL: { bookingHorizonDays: 56, requiresApproval: true, vatBp: 2100, provisional: true },
};

/** Weekdays 09:00–17:00 are for resident initiatives and associations only. */
export const DEFAULT_COMMUNITY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  startMinute: 9 * 60,
  endMinute: 17 * 60,
}));

/** Open every day; late on Friday and Saturday for parties. */
export const DEFAULT_OPENING_HOURS = [
  { weekday: 1, opensMinute: 8 * 60 + 30, closesMinute: 22 * 60 },
  { weekday: 2, opensMinute: 8 * 60 + 30, closesMinute: 22 * 60 },
  { weekday: 3, opensMinute: 8 * 60 + 30, closesMinute: 22 * 60 },
  { weekday: 4, opensMinute: 8 * 60 + 30, closesMinute: 22 * 60 },
  { weekday: 5, opensMinute: 8 * 60 + 30, closesMinute: 23 * 60 },
  { weekday: 6, opensMinute: 9 * 60, closesMinute: 24 * 60 },
  { weekday: 7, opensMinute: 10 * 60, closesMinute: 18 * 60 },
];

export const DEFAULT_DAY_PARTS: { dayPart: DayPart; startMinute: number; endMinute: number }[] = [
  { dayPart: "MORNING", startMinute: 8 * 60 + 30, endMinute: 12 * 60 + 30 },
  { dayPart: "AFTERNOON", startMinute: 12 * 60 + 30, endMinute: 17 * 60 + 30 },
  { dayPart: "EVENING", startMinute: 17 * 60 + 30, endMinute: 24 * 60 },
];

/** Cancelling 14 days or more ahead is free, 7 to 13 days costs half, later the whole price. */
export const DEFAULT_CANCELLATION_STEPS = [
  { minDaysBefore: 14, feeBp: 0 },
  { minDaysBefore: 7, feeBp: 5000 },
  { minDaysBefore: 0, feeBp: 10000 },
];

export const DEFAULT_CENTRE_SETTINGS = {
  timeZone: "Europe/Amsterdam",
  provisionalCutoffDays: 14,
  commercialShareCapBp: 3000,
  /** over the cap a manager decides: in a quiet month even one commercial booking is "over" */
  commercialShareCapAction: "REQUIRE_APPROVAL" as const,
  unverifiedTier: "PRIVATE" as const,
  requestReminderDays: 3,
  personalDataRetentionDays: 30,
  seriesReminderDays: 2,
  paymentTermDays: 14,
};
