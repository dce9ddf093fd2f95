import { z } from "zod";
import { DURATIONS, END_BY, REPEATS, patternFromForm, type Repeat } from "./form";
import { parseLocalDate } from "../time/time-zone";

/**
 * The form for changing a series (pure, shared by browser and server): the new pattern in the
 * same words as the booking form (booking-form.ts), from which date on ("this and following")
 * or for the whole future of the series, and the existing pattern read back into those words.
 */

const date = z
  .string({ error: "booking.errors.date" })
  .refine((value) => parseLocalDate(value) !== undefined, { error: "booking.errors.date" });
const time = z
  .string({ error: "booking.errors.time" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "booking.errors.time" });
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const seriesChangeSchema = z
  .object({
    intent: z.enum(["preview", "save"]).default("preview"),
    scope: z.enum(["following", "all"], { error: "workspace.change.scopeRequired" }),
    fromOccurrenceId: z.uuid().optional(),
    date,
    time,
    duration: z.coerce
      .number({ error: "booking.errors.duration" })
      .int({ error: "booking.errors.duration" })
      .min(15, { error: "booking.errors.duration" })
      .max(24 * 60, { error: "booking.errors.duration" }),
    roomId: z.uuid({ error: "workspace.form.roomRequired" }),
    repeat: z.enum(REPEATS).default("weekly"),
    endBy: z.enum(END_BY).default("date"),
    untilDate: date.optional(),
    count: z.coerce
      .number({ error: "booking.errors.count" })
      .int({ error: "booking.errors.count" })
      .min(2, { error: "booking.errors.count" })
      .max(200, { error: "booking.errors.count" })
      .optional(),
    allowOutsideOpeningHours: checkbox.default(false),
  })
  .superRefine((value, context) => {
    if (value.scope === "following" && !value.fromOccurrenceId)
      context.addIssue({ code: "custom", path: ["fromOccurrenceId"], message: "workspace.change.fromRequired" });
    if (value.repeat !== "none" && value.endBy === "date" && (!value.untilDate || value.untilDate <= value.date)) {
      context.addIssue({ code: "custom", path: ["untilDate"], message: "booking.errors.untilDate" });
    }
    if (value.repeat !== "none" && value.endBy === "count" && value.count === undefined)
      context.addIssue({ code: "custom", path: ["count"], message: "booking.errors.count" });
  });

export type SeriesChangeForm = z.output<typeof seriesChangeSchema>;

/** The engine's new pattern for a form's answers. */
export function patternOf(form: SeriesChangeForm): {
  rrule: string | null;
  localStart: string;
  durationMinutes: number;
  roomId: string;
} {
  const { rrule, localStart } = patternFromForm(form);
  return { rrule, localStart, durationMinutes: form.duration, roomId: form.roomId };
}

/** An existing rule in the form's words (a rule the form cannot say becomes "every week"). */
export function repeatOf(rrule: string | null): Repeat {
  if (!rrule) return "none";
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, "")
      .split(";")
      .map((part) => part.split("=") as [string, string]),
  );
  const interval = parts.get("INTERVAL") ?? "1";
  const byDay = parts.get("BYDAY") ?? "";
  if (parts.get("FREQ") === "MONTHLY") return byDay.startsWith("-1") ? "monthly-last" : "monthly";
  return parts.get("FREQ") === "WEEKLY" && interval === "2" ? "biweekly" : "weekly";
}

/** How an existing rule ends: an UNTIL or COUNT becomes "until the last date", no end stays open. */
export function endOf(rrule: string | null): "date" | "open" {
  if (!rrule) return "date";
  return /(^|;)(UNTIL|COUNT)=/i.test(rrule) ? "date" : "open";
}

export { DURATIONS };
