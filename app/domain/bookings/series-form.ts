import { z } from "zod";
import { DURATIONS, REPEATS, checkPatternEnd, checkbox, patternFields, patternFromForm, type Repeat } from "./form";

/**
 * The form for changing a series (pure, shared by browser and server): the new pattern in the
 * same words as the booking form (booking-form.ts), from which date on ("this and following")
 * or for the whole future of the series, and the existing pattern read back into those words.
 */

export const seriesChangeSchema = z
  .object({
    intent: z.enum(["preview", "save"]).default("preview"),
    scope: z.enum(["following", "all"], { error: "workspace.change.scopeRequired" }),
    fromOccurrenceId: z.uuid().optional(),
    ...patternFields,
    repeat: z.enum(REPEATS).default("weekly"),
    roomId: z.uuid({ error: "workspace.form.roomRequired" }),
    allowOutsideOpeningHours: checkbox.default(false),
  })
  .superRefine((value, context) => {
    if (value.scope === "following" && !value.fromOccurrenceId)
      context.addIssue({ code: "custom", path: ["fromOccurrenceId"], message: "workspace.change.fromRequired" });
    checkPatternEnd(value, context);
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
