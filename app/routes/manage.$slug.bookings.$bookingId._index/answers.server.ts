import { redirect } from "@remix-run/node";
import { cancelDate, cancelFrom, moveDate } from "~/domain/bookings/manager-changes.server";
import type { Actor } from "~/domain/shared/actor";
import { answerForm } from "~/lib/form-action.server";
import { cancelSchema, moveSchema } from "./schema";

/** `here` is the booking's page; after a change it opens at its dates with what was done. */
export function answerMove(actor: Actor, here: string, formData: FormData) {
  return answerForm(formData, {
    schema: moveSchema,
    work: (value) => moveDate(actor, value),
    done: () => redirect(`${here}?done=moved#dates`),
    refusalFields: {
      "room-already-booked": "time",
      "date-closed": "date",
      "outside-opening-hours": "time",
      "invalid-start": "date",
      "not-active": "date",
    },
  });
}

export function answerCancel(actor: Actor, bookingId: string, here: string, formData: FormData) {
  return answerForm(formData, {
    schema: cancelSchema,
    work: async ({ intent, occurrenceId, reason, fee }) => {
      const chargeFee = fee === "charge";
      if (intent === "cancel") await cancelDate(actor, { occurrenceId, reason, chargeFee });
      else await cancelFrom(actor, { bookingId, fromOccurrenceId: occurrenceId, reason, chargeFee });
    },
    done: () => redirect(`${here}?done=cancelled#dates`),
    refusalFields: { "reason-required": "reason" },
  });
}
