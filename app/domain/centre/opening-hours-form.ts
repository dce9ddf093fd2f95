import { z } from "zod";

/**
 * The opening-hours form (pure, shared by browser and server): per weekday up to two windows
 * as "HH:mm" times; an empty day is closed. A closing time of 00:00 means midnight at the end
 * of the day.
 */

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const SLOTS = [1, 2] as const;

const time = z
  .union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "booking.errors.time" })])
  .default("");

const shape: Record<string, typeof time> = {};
for (const weekday of WEEKDAYS)
  for (const slot of SLOTS) {
    shape[`opens${weekday}_${slot}`] = time;
    shape[`closes${weekday}_${slot}`] = time;
  }

function minuteOf(text: string, closing: boolean): number {
  const [hours, minutes] = text.split(":").map(Number) as [number, number];
  const minute = hours * 60 + minutes;
  return closing && minute === 0 ? 1440 : minute;
}

export const openingHoursSchema = z
  .object({
    roomId: z.union([z.uuid(), z.literal("")]).default(""),
    follow: z.preprocess((value) => value === "on", z.boolean()).default(false),
    ...shape,
  })
  .superRefine((value, context) => {
    const values = value as unknown as Record<string, string>;
    for (const weekday of WEEKDAYS) {
      let lastClose = -1;
      for (const slot of SLOTS) {
        const opens = values[`opens${weekday}_${slot}`] ?? "";
        const closes = values[`closes${weekday}_${slot}`] ?? "";
        if (!opens && !closes) continue;
        if (!opens || !closes) {
          context.addIssue({
            code: "custom",
            path: [opens ? `closes${weekday}_${slot}` : `opens${weekday}_${slot}`],
            message: "workspace.openingHours.bothTimes",
          });
          continue;
        }
        if (minuteOf(closes, true) <= minuteOf(opens, false)) {
          context.addIssue({
            code: "custom",
            path: [`closes${weekday}_${slot}`],
            message: "workspace.openingHours.closesBeforeOpens",
          });
          continue;
        }
        if (minuteOf(opens, false) < lastClose)
          context.addIssue({
            code: "custom",
            path: [`opens${weekday}_${slot}`],
            message: "workspace.openingHours.overlap",
          });
        lastClose = minuteOf(closes, true);
      }
    }
  });

export type OpeningHoursForm = z.output<typeof openingHoursSchema>;

/** The windows a valid form stands for. */
export function windowsFromForm(
  form: OpeningHoursForm,
): { weekday: number; opensMinute: number; closesMinute: number }[] {
  const values = form as unknown as Record<string, string>;
  const windows: { weekday: number; opensMinute: number; closesMinute: number }[] = [];
  for (const weekday of WEEKDAYS)
    for (const slot of SLOTS) {
      const opens = values[`opens${weekday}_${slot}`];
      const closes = values[`closes${weekday}_${slot}`];
      if (opens && closes)
        windows.push({ weekday, opensMinute: minuteOf(opens, false), closesMinute: minuteOf(closes, true) });
    }
  return windows;
}

/** The form's values for stored windows. */
export function formFromWindows(
  windows: { weekday: number; opensMinute: number; closesMinute: number }[],
): Record<string, string> {
  const clock = (minute: number) =>
    minute >= 1440
      ? "00:00"
      : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  const values: Record<string, string> = {};
  for (const weekday of WEEKDAYS) {
    const day = windows.filter((window) => window.weekday === weekday).sort((a, b) => a.opensMinute - b.opensMinute);
    day.slice(0, SLOTS.length).forEach((window, index) => {
      values[`opens${weekday}_${index + 1}`] = clock(window.opensMinute);
      values[`closes${weekday}_${index + 1}`] = clock(window.closesMinute);
    });
  }
  return values;
}
