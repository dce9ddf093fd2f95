import { data, redirect } from "@remix-run/node";
import { bookingFormSchema, bookingRequestFromForm } from "~/domain/bookings/form";
import { requestBooking, reviewBookingRequest } from "~/domain/bookings/requests.server";
import { continuePayment } from "~/domain/money/checkout.server";
import { requireOwnOrganisation } from "~/domain/workspace/organisations.server";
import { choicesOf, reviewView } from "~/lib/booking-review.server";
import { answerForm } from "~/lib/form-action.server";
import { consumeRateLimits, tooManyInit, tooManyReply } from "~/lib/rate-limits.server";

/**
 * An organisation's booking form in two steps: "review" shows what the request would do
 * (nothing is written, and it is free), "confirm" sends it (counted per person) and opens My
 * bookings, or Stripe's page when the booking is paid online to confirm (decision 091). Only for an organisation the person belongs to. A refusal is said in the booking
 * area's words; the same form sent twice opens the first one's booking.
 */
export function answerBookingRequest(centre: { id: string; slug: string }, userId: string, formData: FormData) {
  const confirm = formData.get("intent") === "confirm";
  const myBookings = `/centres/${centre.slug}/my-bookings`;
  return answerForm(formData, {
    schema: bookingFormSchema,
    work: async (form) => {
      await requireOwnOrganisation(centre.id, userId, form.organisationId);
      const input = bookingRequestFromForm(form, formData.entries(), {
        centreId: centre.id,
        actor: { userId, isManager: false },
      });
      if (!confirm) return { review: reviewView(await reviewBookingRequest(input)) };
      const tooMany = await consumeRateLimits([{ limit: "bookingRequestPerUser", key: userId }]);
      if (tooMany) return { tooMany };
      const { booking, review } = await requestBooking(input);
      const pay = await continuePayment({ centreId: centre.id, actorId: userId }, booking.id);
      return { booked: booking.id, outcome: review.outcome, pay };
    },
    done: (answer, _form, reply) => {
      // paying online to confirm: on to Stripe's page, which comes back to /centres/<slug>/pay/<id>
      if (answer.pay) return redirect(answer.pay);
      if (answer.booked) return redirect(`${myBookings}?booked=${answer.booked}&outcome=${answer.outcome}`);
      if (answer.tooMany)
        return data(
          { lastResult: reply(tooManyReply(answer.tooMany)), review: null, choices: choicesOf(formData) },
          tooManyInit(answer.tooMany),
        );
      return data({ lastResult: reply(), review: answer.review, choices: choicesOf(formData) });
    },
    // every first sending makes a booking, so the second one always has one to open
    again: async (bookingId) => {
      const pay = bookingId ? await continuePayment({ centreId: centre.id, actorId: userId }, bookingId) : null;
      return redirect(pay ?? (bookingId ? `${myBookings}?booked=${bookingId}` : myBookings));
    },
    // "invalid-start" has words in the workspace only; the booking area says its general sentence
    words: {
      "invalid-start": { key: "booking.domainError.generic" },
      "payment-not-open": { key: "payments.refusal.payment-not-open" },
      "payment-window-closed": { key: "payments.refusal.payment-window-closed" },
      "extra-not-offered": { key: "extras.refusal.notOffered", field: "extraIds" },
    },
  });
}
