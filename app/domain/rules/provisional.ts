import { localDateTimeAt } from "../time/time-zone";
import { DAY_MS, type RuleDate, type RuleFinding } from "./findings";

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
