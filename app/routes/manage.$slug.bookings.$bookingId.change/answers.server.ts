import { data, redirect } from "@remix-run/node";
import { applyPatternChange, previewPatternChange } from "~/domain/bookings/manager-changes.server";
import { patternOf, seriesChangeSchema } from "~/domain/bookings/series-form";
import type { Actor } from "~/domain/shared/actor";
import { DomainError } from "~/domain/shared/errors";
import { localDateAt } from "~/domain/time/time-zone";
import { answerForm } from "~/lib/form-action.server";
import { clock } from "~/lib/clock";

/**
 * The series change in two steps: "preview" shows the engine's plan (nothing is written),
 * "save" carries it out and opens the booking (the new part, when the series was split).
 */
export function answerSeriesChange(
  actor: Actor,
  centre: { slug: string; timeZone: string },
  booking: { id: string; dates: { id: string; startsAt: Date }[] },
  formData: FormData,
) {
  return answerForm(formData, {
    schema: seriesChangeSchema,
    work: async (form) => {
      // The new pattern starts on the chosen date or later, and never in the past.
      const from = booking.dates.find((date) => date.id === form.fromOccurrenceId);
      const earliest =
        form.scope === "following" && from
          ? localDateAt(from.startsAt, centre.timeZone)
          : localDateAt(clock.now(), centre.timeZone);
      if (form.date < earliest)
        throw new DomainError("date-too-early", `The new pattern starts on ${earliest} or later.`, { date: earliest });
      const input = {
        bookingId: booking.id,
        scope: form.scope,
        fromOccurrenceId: form.scope === "following" ? form.fromOccurrenceId : undefined,
        pattern: patternOf(form),
        allowOutsideOpeningHours: form.allowOutsideOpeningHours,
      };
      if (form.intent === "save") return { saved: (await applyPatternChange(actor, input)).bookingId };
      return { preview: await previewPatternChange(actor, input) };
    },
    done: (answer, _form, reply) =>
      answer.saved
        ? redirect(`/manage/${centre.slug}/bookings/${answer.saved}?done=changed`)
        : data({ result: reply(), preview: answer.preview }),
    refusalFields: {
      "invalid-start": "date",
      "room-already-booked": "time",
      "outside-opening-hours": "time",
      "date-closed": "date",
    },
    words: { "date-too-early": { key: "workspace.change.dateTooEarly", field: "date" } },
  });
}
